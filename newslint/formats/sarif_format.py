"""`--format sarif`: SARIF 2.1.0, columns in Unicode code points."""

from __future__ import annotations

import json
from typing import Any

from newslint import __version__
from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.formats import sorted_diagnostics
from newslint.registry import HOME, Rule, all_rules
from newslint.rule_table import explain_rule, rule_help_markdown

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    return "stdin" if path in ("-", "<stdin>") else path.replace("\\", "/")


def region(document: Document, start: int, end: int) -> dict[str, int]:
    a, b = document.position(start), document.position(end)
    return {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column}


def location(document: Document, start: int, end: int) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(document.path)},
            "region": region(document, start, end),
        }
    }


def result_json(document: Document, d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVELS[d.severity.value],
        "message": {"text": d.message},
        "locations": [location(document, d.start, d.end)],
    }
    if d.related:
        item["relatedLocations"] = [
            {"id": i, **location(rel.document, rel.start, rel.end), "message": {"text": rel.message}}
            for i, rel in enumerate(d.related)
        ]
    if d.fix:
        item["fixes"] = [
            {
                "description": {"text": d.fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(document.path)},
                        "replacements": [
                            {
                                "deletedRegion": region(document, e.start, e.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return item


def rule_json(r: Rule) -> dict[str, Any]:
    """A reportingDescriptor: what code-scanning consumers show about the rule."""
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation},
        "help": {"text": explain_rule(r.code), "markdown": rule_help_markdown(r)},
        "helpUri": r.url,
        "defaultConfiguration": {"level": LEVELS[r.severity.value], "enabled": r.enabled},
        "properties": {"tags": [r.category], "category": r.category, "fixable": r.fixable},
    }


def render(results: list[FileResult], **_: Any) -> str:
    rules = list(all_rules().values())
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "newslint",
        "fullName": f"newslint {__version__}: a linter for news copy",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": HOME,
        "rules": [rule_json(r) for r in rules],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "automationDetails": {"id": "newslint/"},
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": artifact_uri(r.document.path)}} for r in results],
                "results": [result_json(doc, d, index) for doc, d in sorted_diagnostics(results)],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
