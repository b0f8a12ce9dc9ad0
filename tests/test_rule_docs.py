"""The rule pages in docs/rules/ are the registry's, and every rule links to its page."""

from __future__ import annotations

import sys

from newslint.registry import all_rules
from newslint.rule_table import rule_docs
from tests.conftest import ROOT, out, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOCS = ROOT / "docs" / "rules"


def test_the_rule_pages_are_current():
    expected = rule_docs()
    present = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert set(present) == set(expected), "regenerate with `python tools/update_rule_docs.py`"
    stale = [name for name, text in expected.items() if present[name] != text]
    assert not stale, f"stale rule pages {stale}: regenerate with `python tools/update_rule_docs.py`"


def test_a_page_holds_everything_a_reader_needs():
    page = (DOCS / "NL501.md").read_text(encoding="utf-8")
    rule = all_rules()["NL501"]
    for fact in ("| family | readability |", "| default severity | warning |", "| fixable | no |"):
        assert fact in page
    assert "| on by default | yes |" in page
    assert rule.summary in page and rule.explanation in page and rule.bad in page and rule.good in page
    options = page.split("```toml\n")[1].split("```")[0]
    assert tomllib.loads(options) == {"readability": {"max-sentence-words": 50}}


def test_rule_urls_point_at_the_pages_and_explain_names_it():
    for code, rule in all_rules().items():
        assert rule.url.endswith(f"/blob/main/docs/rules/{code}.md")
        assert (DOCS / f"{code}.md").is_file()
    assert all_rules()["NL503"].url in out(run_cli("explain", "NL503"))


def test_lsp_diagnostics_link_the_page(tmp_path):
    (tmp_path / "a.txt").write_text("Crews said the the road was closed.\n")
    result = run_cli("check", str(tmp_path / "a.txt"), "--format", "lsp", "--select", "NL503")
    href = result.stdout.decode().split('"href": "')[1].split('"')[0]
    assert href == "https://github.com/newslint/newslint/blob/main/docs/rules/NL503.md"
