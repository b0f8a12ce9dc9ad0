"""NL607 beyond its fixture (tests/fixtures/sources/NL607.yaml): related locations, `compare`, `--against`."""

from __future__ import annotations

from tests.conftest import lint, out, run_cli

SOURCE = (
    "The minister spoke to reporters on Tuesday.\n\n"
    "“We will build the new hospital before the end of next year, and it will serve the whole "
    "valley,” she said.\n\n"
    "Transcript: we are not going to raise taxes to pay for it. The money is already in the budget.\n"
)

MISQUOTE = "“We will build the new hospital before the end of this year,” she said."


def test_a_misquote_is_a_word_diff_that_points_into_the_source():
    [d] = lint(MISQUOTE, "NL607", against=[SOURCE])
    assert d.message.startswith("quote differs from the sources: ")
    assert d.related and d.related[0].document.path == "source0.txt"


def test_without_sources_cross_rules_do_not_run():
    assert lint(MISQUOTE, "NL607") == []


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
    (tmp_path / "draft.md").write_text(MISQUOTE + "\n", encoding="utf-8")
    result = run_cli("check", "draft.md", "--against", "wire", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert '"path": "wire/minister.txt"' in out(result)


def test_compare_needs_two_versions(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    result = run_cli("compare", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "at least two versions" in result.stderr.decode()
