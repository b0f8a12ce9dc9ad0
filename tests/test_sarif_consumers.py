"""SARIF as code-scanning consumers read it: Microsoft's SARIF multitool with the GitHub rules,
and sarif-tools' summary. The multitool is an npm package that `.ci/run` installs into
`.ci/node`; without it those tests are skipped."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from newslint import __version__
from newslint.registry import all_rules
from tests.conftest import ROOT, SEEDS, err, out, run_cli
from tools import validate_sarif

TOOL = validate_sarif.multitool()
needs_multitool = pytest.mark.skipif(
    TOOL is None,
    reason="the SARIF multitool is not installed: npm install --prefix .ci/node @microsoft/sarif-multitool@5.7.0",
)


@pytest.fixture(scope="module")
def seeds_sarif(tmp_path_factory):
    result = run_cli("check", "seeds", "--format", "sarif")
    assert result.returncode == 1, err(result)
    path = tmp_path_factory.mktemp("sarif") / "seeds.sarif"
    path.write_bytes(result.stdout)
    return path


def test_every_rule_carries_help_tags_and_its_page(seeds_sarif):
    run = json.loads(seeds_sarif.read_text(encoding="utf-8"))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["semanticVersion"] == __version__ and driver["fullName"].startswith("newslint")
    assert driver["informationUri"] == "https://github.com/newslint/newslint"
    assert run["automationDetails"]["id"] == "newslint/"
    for descriptor in driver["rules"]:
        rule = all_rules()[descriptor["id"]]
        assert rule.explanation in descriptor["help"]["text"]
        assert rule.bad in descriptor["help"]["markdown"] and rule.good in descriptor["help"]["markdown"]
        assert descriptor["helpUri"] == f"https://github.com/newslint/newslint/blob/main/docs/rules/{rule.code}.md"
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").is_file()
        assert descriptor["properties"]["tags"] == [rule.category]
        assert descriptor["defaultConfiguration"]["enabled"] == rule.enabled


@needs_multitool
def test_the_multitool_reports_no_error_or_warning_with_the_github_rules(seeds_sarif):
    assert validate_sarif.problems(seeds_sarif, TOOL) == []


@needs_multitool
def test_the_multitool_would_catch_a_rule_without_help(seeds_sarif, tmp_path):
    log = json.loads(seeds_sarif.read_text(encoding="utf-8"))
    del log["runs"][0]["tool"]["driver"]["rules"][0]["help"]
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(log), encoding="utf-8")
    assert [line.split(":")[0] for line in validate_sarif.problems(broken, TOOL)] == ["error GH2012"]


@pytest.mark.slow
@needs_multitool
def test_the_ci_step_validates_check_and_compare_output():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "validate_sarif.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check-seeds.sarif: 0 errors" in result.stdout and "compare-seeds.sarif: 0 errors" in result.stdout


def sarif_tools(*args: str) -> str:
    pytest.importorskip("sarif", reason="sarif-tools (a test extra) is not installed")
    result = subprocess.run([sys.executable, "-m", "sarif", *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_sarif_tools_summarises_the_counts_and_lists_the_full_messages(seeds_sarif, tmp_path):
    items = json.loads(out(run_cli("check", str(SEEDS), "--format", "json")))
    levels = {"error": "error", "warning": "warning", "info": "note"}
    summary = sarif_tools("summary", str(seeds_sarif))
    for severity, level in levels.items():
        assert f"{level}: {sum(1 for i in items if i['severity'] == severity)}" in summary.splitlines()
    table = tmp_path / "issues.csv"
    sarif_tools("csv", "--output", str(table), str(seeds_sarif))
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert sorted(r["Description"] for r in rows) == sorted(i["message"] for i in items)
    assert {r["Code"] for r in rows} == {i["code"] for i in items}
