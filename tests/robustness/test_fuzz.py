"""Fuzzing the readers, the whole pipeline and `--fix`: no crash, no internal error, valid
ranges in every format, and fixes that change only prose inside the ranges they report.

Sized for about two minutes in CI; NEWSLINT_FUZZ_SCALE scales the number of examples.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.errors import InputError
from newslint.formats import FORMATS, render
from newslint.readers import read_document
from newslint.registry import all_rules
from tests.robustness.strategies import examples, news_document

EVERY_RULE = Config(select=tuple(all_rules()))
FIXABLE = Config(select=tuple(code for code, r in all_rules().items() if r.fixable))


def budget(count: int) -> settings:
    """Settings for a fuzz test of about `count` examples (scaled by NEWSLINT_FUZZ_SCALE)."""
    return settings(
        max_examples=examples(count),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


linter = Linter(Analyzer())


def lint_one(path: str, text: str, config: Config, fix: bool = False):
    results, errors = linter.lint([Source(path, text.encode("utf-8"), config)], fix=fix)
    assert not errors, errors
    return results[0]


@budget(1500)
@given(st.binary(max_size=600), st.sampled_from(["a.md", "a.txt"]))
def test_readers_take_any_bytes(data, path):
    try:
        document = read_document(path, data)
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
        return
    text, prose = document.text, document.prose
    assert len(prose) == len(text)
    assert all(p == t for p, t in zip(prose, text) if t in "\r\n")
    previous_end = 0
    for paragraph in document.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        previous_end = paragraph.end
    assert all(0 <= q.start <= q.end <= len(text) for q in document.quotes)


@budget(1500)
@given(st.text(max_size=400), st.sampled_from(["a.md", "a.txt"]))
def test_readers_take_any_text(text, path):
    try:
        document = read_document(path, text.encode("utf-8"))
    except InputError as err:
        assert "binary" in str(err) and "\x00" in text
        return
    assert len(document.prose) == len(document.text)


@budget(500)
@given(news_document())
def test_every_rule_survives_and_every_format_renders(draft):
    suffix, text = draft
    result = lint_one(f"story{suffix}", text, EVERY_RULE)
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert "\n" not in d.message
    for name in FORMATS:
        rendered = render(name, [result])
        if name in ("json", "sarif", "lsp"):
            json.loads(rendered)


def masked_runs(document) -> list[str]:
    """The non-prose stretches of the original (code, markup, comments, link targets)."""
    runs, current = [], []
    for seen, original in zip(document.prose, document.text):
        if seen != original:
            current.append(original)
        elif current:
            runs.append("".join(current))
            current = []
    return runs + (["".join(current)] if current else [])


def is_subsequence(pieces: list[str], text: str) -> bool:
    cursor = 0
    for piece in pieces:
        found = text.find(piece, cursor)
        if found < 0:
            return False
        cursor = found + len(piece)
    return True


@budget(1000)
@given(news_document())
def test_fixes_change_only_prose_inside_the_reported_ranges(draft):
    suffix, text = draft
    reported = lint_one(f"story{suffix}", text, FIXABLE)
    fixed = lint_one(f"story{suffix}", text, FIXABLE, fix=True)
    document = fixed.document
    applied = [d for d in reported.diagnostics if d.fix and d not in fixed.diagnostics]
    edits = sorted((e for d in applied for e in d.fix.edits), key=lambda e: e.start)
    for d in applied:
        for e in d.fix.edits:
            assert d.start <= e.start <= e.end <= d.end, (d, e)
            assert document.is_prose(e.start, e.end), (d, e)
    expected, cursor = [], 0
    for e in edits:
        assert cursor <= e.start
        expected += [text[cursor : e.start], e.replacement]
        cursor = e.end
    assert fixed.fixed_text == "".join(expected) + text[cursor:]
    assert is_subsequence(masked_runs(document), fixed.fixed_text)
