"""The README's rule table is the registry's, and its commands are the real ones."""

from __future__ import annotations

import re

from newslint.rule_table import render_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_the_registry():
    table = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", README, re.S).group(1)
    assert table == render_rules("markdown"), "regenerate the table with `newslint rules --format markdown`"


def test_ci_runs_the_readme_test_command():
    command = re.search(r"Run the tests \(one command\):\n\n```sh\n(.*?)\n```", README).group(1)
    assert command.endswith("python -m pytest")
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_readme_passes_its_own_linter():
    from tests.conftest import out, run_cli

    result = run_cli("check", "README.md")
    assert result.returncode == 0, out(result)
