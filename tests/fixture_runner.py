"""Functional fixtures: one YAML file per rule, expected findings marked in the text.

A fixture file (tests/fixtures/FAMILY/NLxxx.yaml) holds `positive:` and `negative:` lists,
and optionally defaults for every case: `select:`, the codes or prefixes to run (the file's
rule by default), and `source:`. Each case is a text, or a mapping with `text` and any of:

- `options`: configuration sections, e.g. `{units: {system: metric}}`;
- `suffix`: the draft's file suffix (`.md` for Markdown; `.txt` by default);
- `select`: the codes or prefixes to run, for this case;
- `source`: a source text, or a list of them, for the cross-source rules;
- `message`: text that some finding's message must contain;
- `note`: why the case is there (not checked).

`[[...]]` marks the text a finding covers; `[[...|NL202]]` marks a finding of another rule
when `select` runs several. Marks nest for findings inside findings. A positive case has at
least one mark, a negative case none. A failing case shows the expected and the found marks
as a diff of the marked text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.conftest import lint

FIXTURES = Path(__file__).parent / "fixtures"
KINDS = ("positive", "negative")
CASE_KEYS = {"text", "options", "suffix", "select", "source", "message", "note"}
DEFAULTS = {"select", "source"}
TOKEN = re.compile(r"\[\[|\|(NL\d{3})\]\]|\]\]")


@dataclass(frozen=True)
class Case:
    """One text, the findings expected in it and how to lint it."""

    code: str
    kind: str
    marked: str
    text: str
    expected: tuple[tuple[int, int, str], ...]
    select: tuple[str, ...]
    options: dict = field(default_factory=dict)
    suffix: str = ".txt"
    sources: tuple[str, ...] | None = None
    message: str | None = None


def parse_marks(marked: str, code: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """The plain text and the (start, end, code) of each `[[...]]` in `marked`."""
    plain: list[str] = []
    length, last, opened, found = 0, 0, [], []
    for token in TOKEN.finditer(marked):
        piece = marked[last : token.start()]
        plain.append(piece)
        length += len(piece)
        last = token.end()
        if token.group() == "[[":
            opened.append(length)
        elif not opened:
            raise ValueError(f"']]' without '[[' in {marked!r}")
        else:
            found.append((opened.pop(), length, token.group(1) or code))
    if opened:
        raise ValueError(f"'[[' without ']]' in {marked!r}")
    plain.append(marked[last:])
    return "".join(plain), tuple(sorted(found))


def render(text: str, findings: tuple[tuple[int, int, str], ...], code: str) -> str:
    """`text` with each finding marked; the inverse of `parse_marks` for nested findings."""
    events: list[tuple[int, int, int, str]] = []
    for start, end, other in findings:
        close = "]]" if other == code else f"|{other}]]"
        # At one offset, closing marks come first (an empty mark's last); wider marks open first and close last.
        events.append((start, 1, -end, "[["))
        events.append((end, 2 if start == end else 0, -start, close))
    pieces, last = [], 0
    for offset, _, _, mark in sorted(events):
        pieces.append(text[last:offset] + mark)
        last = offset
    return "".join(pieces) + text[last:]


def load(path: Path) -> list[Case]:
    """The cases of one fixture file, its rule code taken from the file name."""
    code = path.stem
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    unknown = set(data) - {*KINDS, *DEFAULTS}
    if unknown:
        raise ValueError(f"{path}: unknown sections {sorted(unknown)}")
    cases = []
    for kind in KINDS:
        for entry in data.get(kind) or []:
            entry = {"text": entry} if isinstance(entry, str) else entry
            unknown = set(entry) - CASE_KEYS
            if unknown:
                raise ValueError(f"{path}: unknown case keys {sorted(unknown)} in {entry!r}")
            text, expected = parse_marks(entry["text"], code)
            select = entry.get("select", data.get("select", code))
            sources = entry.get("source", data.get("source"))
            cases.append(
                Case(
                    code=code,
                    kind=kind,
                    marked=entry["text"],
                    text=text,
                    expected=expected,
                    select=tuple([select] if isinstance(select, str) else select),
                    options=entry.get("options", {}),
                    suffix=entry.get("suffix", ".txt"),
                    sources=None if sources is None else tuple([sources] if isinstance(sources, str) else sources),
                    message=entry.get("message"),
                )
            )
    return cases


def fixture_files(family: str | None = None) -> list[Path]:
    """Every rule's fixture file, or one family's (a directory under tests/fixtures)."""
    root = FIXTURES if family is None else FIXTURES / family
    return sorted(root.glob("**/NL[0-9][0-9][0-9].yaml"))


def all_cases(family: str | None = None) -> list[tuple[str, Case]]:
    """(test id, case) for every case, numbered within its file and kind."""
    result = []
    for path in fixture_files(family):
        counters = dict.fromkeys(KINDS, 0)
        for case in load(path):
            result.append((f"{case.code}-{case.kind}-{counters[case.kind]}", case))
            counters[case.kind] += 1
    return result


def check(case: Case) -> None:
    """Fail with a diff of the marked text unless the case's findings are exactly the marked ones."""
    if (case.kind == "positive") != bool(case.expected):
        raise AssertionError(f"a {case.kind} case {'needs' if case.kind == 'positive' else 'takes no'} marks")
    diagnostics = lint(
        case.text,
        list(case.select),
        suffix=case.suffix,
        against=None if case.sources is None else list(case.sources),
        **case.options,
    )
    found = tuple(sorted((d.start, d.end, d.code) for d in diagnostics))
    if found != case.expected:
        expected = render(case.text, case.expected, case.code)
        actual = render(case.text, found, case.code)
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "found", lineterm="", n=1)
        raise AssertionError(f"{case.code} findings differ:\n" + "\n".join(diff))
    if case.message is not None:
        messages = [d.message for d in diagnostics]
        assert any(case.message in m for m in messages), f"no message contains {case.message!r}: {messages}"
