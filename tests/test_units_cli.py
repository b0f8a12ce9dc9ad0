"""The units family end to end: the seeds, a conflicting document, inspect, and import cost."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, out, run_cli


def test_seeds_report_only_the_false_precision():
    result = run_cli("check", "seeds/", "--select", "NL1", "--format", "json")
    findings = json.loads(out(result))
    assert [(f["path"], f["code"]) for f in findings] == [("seeds/002_422477f4c2499d09.txt", "NL102")]
    assert "180.198 miles" in findings[0]["message"]
    assert findings[0]["fix"]["edits"][0]["replacement"] == "180"


def test_a_document_with_kilometers_and_miles_gets_nl103(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The depot is about 290 kilometers from the border with Ukraine.\n\n"
        "Officials said the containers were moved approximately 290 miles by train.\n",
        encoding="utf-8",
    )
    findings = json.loads(out(run_cli("check", str(draft), "--select", "NL1", "--format", "json")))
    assert [f["code"] for f in findings] == ["NL103"]
    assert findings[0]["related"][0]["range"]["start"]["line"] == 1


def test_inspect_shows_quantities_and_conversions(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The road is about 290 kilometres (180 miles) long.\n", encoding="utf-8")
    facts = json.loads(out(run_cli("inspect", str(draft))))["facts"]
    assert [q["text"] for q in facts["quantities"]] == ["290 kilometres", "180 miles"]
    assert facts["quantities"][0]["unit"] == "kilometer"
    assert facts["conversions"][0]["target"]["text"] == "180 miles"


def test_listing_rules_does_not_import_pint():
    code = "import sys; from newslint.registry import all_rules; all_rules(); print('pint' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
