"""Paragraph rules: a rule that declares `scope="paragraph"` finds in each paragraph checked by
itself exactly what it finds in the whole document, and an edit re-checks only the paragraphs
it touched (the others' findings come from the store, moved with their paragraphs)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newslint.analysis import PER_PARAGRAPH, Analyzer
from newslint.checks import CheckContext
from newslint.config import Config
from newslint.engine import Linter, Source, expand_needs, paragraph_findings, sort_key
from newslint.readers import read_document
from newslint.registry import all_rules
from tests.test_fact_cache import EVERY_RULE, PARAGRAPHS

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH_RULES = [r for r in all_rules().values() if r.scope == "paragraph"]
TEXTS = {
    "seeds": [(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").iterdir()) if p.is_file()],
    "mixed": [(name, ("\n\n".join(PARAGRAPHS) + "\n").encode()) for name in ("mixed.txt", "mixed.md")],
    "examples": [(f"{r.code}.md", f"{r.bad}\n\n{r.good}\n".encode()) for r in all_rules().values()],
}


def test_the_readability_rules_are_paragraph_rules():
    assert {r.code for r in PARAGRAPH_RULES} >= {"NL501", "NL502", "NL503", "NL504"}
    assert not any(r.cross for r in PARAGRAPH_RULES)


@pytest.mark.parametrize("corpus", sorted(TEXTS))
@pytest.mark.parametrize("rule", PARAGRAPH_RULES, ids=lambda r: r.code)
def test_a_paragraph_rule_finds_the_same_paragraph_by_paragraph(rule, corpus):
    analyzer = Analyzer()
    options = Config().rule_options(rule)
    for path, data in TEXTS[corpus]:
        analysis = analyzer.analyze([read_document(path, data)], expand_needs(rule.needs))[0]
        whole = sorted(rule.check(CheckContext(analysis, rule, options)), key=sort_key)
        assert sorted(paragraph_findings(analysis, rule, options), key=sort_key) == whole, path


def test_an_edit_rechecks_only_the_paragraph_it_touched(monkeypatch):
    nl503 = all_rules()["NL503"]
    checked: list[str] = []

    def counted(ctx):
        checked.extend(ctx.document.text[pa.paragraph.start : pa.paragraph.end] for pa in ctx.analysis.paragraphs)
        return nl503.check(ctx)

    monkeypatch.setitem(all_rules(), "NL503", replace(nl503, check=counted))
    linter, config = Linter(Analyzer()), Config(select=("NL503",))
    paragraphs = [f"Paragraph {i} says the the same thing." for i in range(8)]

    def lint() -> list:
        text = "\n\n".join(paragraphs) + "\n"
        results, errors = linter.lint([Source("draft.txt", text.encode(), config)])
        assert not errors
        assert all(text[d.start : d.end] == "the the" for d in results[0].diagnostics)
        return results[0].diagnostics

    assert len(lint()) == 8 and len(checked) == 8
    checked.clear()
    paragraphs[5] = "A longer paragraph, moving the ones after it, says the the same thing."
    assert len(lint()) == 8  # the findings after the edit moved with their paragraphs
    assert checked == [paragraphs[5]]
    checked.clear()
    paragraphs[5:6] = ["Split in two.", "Then the the rest."]  # past the lead: no key moves
    found = lint()
    assert len(found) == 8 and checked == ["Split in two.", "Then the the rest."]
    fresh, _ = Linter(Analyzer()).lint([Source("draft.txt", ("\n\n".join(paragraphs) + "\n").encode(), config)])
    assert found == fresh[0].diagnostics


def test_an_edit_that_contradicts_another_paragraph_is_found_beside_cached_findings():
    linter, config = Linter(Analyzer()), Config(select=("NL301", "NL503"))
    paragraphs = [
        "Officials said 1,000 containers crossed into Russia at the the border.",
        "The port handled the the rest.",
        "The ministry confirmed the figure.",
    ]
    seen = []
    for third in ("The ministry said 1,200 containers crossed into Russia.", "The ministry confirmed the figure."):
        paragraphs[2] = third
        text = ("\n\n".join(paragraphs) + "\n").encode()
        cached = linter.lint([Source("draft.txt", text, config)])[0][0].diagnostics
        assert cached == Linter(Analyzer()).lint([Source("draft.txt", text, config)])[0][0].diagnostics
        seen.append(sorted(d.code for d in cached))
    assert seen == [["NL301", "NL503", "NL503"], ["NL503", "NL503"]]


def test_a_paragraph_takes_no_more_store_entries_than_the_store_allows_it():
    linter = Linter(Analyzer())
    linter.lint([Source("one.md", PARAGRAPHS[4].encode(), EVERY_RULE)])
    assert len(PARAGRAPH_RULES) < len(linter.analyzer.store) <= PER_PARAGRAPH
