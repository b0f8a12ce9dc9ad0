"""NL607: quotes checked against sources, and versions compared (written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import flagged, lint, out, run_cli

SOURCE = (
    "The minister spoke to reporters on Tuesday.\n\n"
    "“We will build the new hospital before the end of next year, and it will serve the whole "
    "valley,” she said.\n\n"
    "Transcript: we are not going to raise taxes to pay for it. The money is already in the budget.\n"
)

MISQUOTES = [
    "“We will build the new hospital before the end of this year,” she said.",
    "“We will build a new hospital before the end of next year, and it will serve the whole region,” she said.",
    "She insisted: “We are not going to raise any taxes to pay for it.”",
    "“The money is already in the bank,” she added.",
    "He quoted her: ‘We will build the new clinic before the end of next year.’",
]

FAITHFUL = [
    "“We will build the new hospital before the end of next year, and it will serve the whole valley,” she said.",
    # Typography: straight quotes, case, a dash, an ellipsis for omitted words.
    '"we will build the new hospital before the end of next year ... it will serve the whole valley," she said.',
    "“We will build the new hospital before the end of next year … and it will serve the whole valley.”",
    "She said “we are not going to raise taxes to pay for it.”",
    "“The money is already in the budget,” she said.",
    # Short quotes and scare quotes are not compared.
    "The plan is “fully funded”, she said.",
    # Material of the draft's own, which no source comes near, is not a misquote.
    "“I have never seen a budget this tight in forty years of public service,” a local councillor said.",
    "A nurse said: “Our patients cannot wait for politicians to agree on the colour of the curtains.”",
]


@pytest.mark.parametrize("draft", MISQUOTES)
def test_misquotes_are_flagged_with_a_word_diff(draft):
    [d] = lint(draft, "NL607", against=[SOURCE])
    assert d.message.startswith("quote differs from the sources: ")
    assert "[-" in d.message or "{+" in d.message
    assert d.related and d.related[0].document.path == "source0.txt"


@pytest.mark.parametrize("draft", FAITHFUL)
def test_faithful_or_own_quotes_stay_silent(draft):
    assert flagged(draft, "NL607", against=[SOURCE]) == []


def test_the_diff_names_the_changed_words():
    [d] = lint(MISQUOTES[0], "NL607", against=[SOURCE])
    assert "[-next-] {+this+}" in d.message


def test_a_quote_matching_any_source_is_fine():
    other = "“We will build the new hospital before the end of this year,” the minister said in March."
    assert flagged(MISQUOTES[0], "NL607", against=[SOURCE, other]) == []


def test_without_sources_cross_rules_do_not_run():
    assert lint(MISQUOTES[0], "NL607") == []


def test_compare_reports_the_minority_version_once(tmp_path):
    quote = "“We will build the new hospital before the end of next year,” she said."
    for name, text in [("a.txt", quote), ("b.txt", quote), ("c.txt", quote.replace("next", "this"))]:
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    result = run_cli("compare", "a.txt", "b.txt", "c.txt", cwd=tmp_path)
    lines = out(result).splitlines()
    assert result.returncode == 1
    assert lines[0].startswith("c.txt:1:1: NL607 warning: quote differs from the other versions: ")
    assert lines[1].startswith("    a.txt:1:") and lines[2].startswith("    b.txt:1:")
    assert sum(" NL607 " in line for line in lines) == 1


def test_check_against_a_directory_of_sources(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "minister.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(MISQUOTES[0] + "\n", encoding="utf-8")
    result = run_cli("check", "draft.md", "--against", "wire", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert '"path": "wire/minister.txt"' in out(result)


def test_compare_needs_two_versions(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    result = run_cli("compare", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "at least two versions" in result.stderr.decode()
