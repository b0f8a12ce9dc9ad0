"""`--format sarif`: SARIF 2.1.0, columns in Unicode code points."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from newslint import __version__
from newslint.diagnostics import FileResult
from newslint.formats import sorted_diagnostics
from newslint.formats.json_format import diagnostic_json
from newslint.registry import HOME, Rule, all_rules
from newslint.rule_table import explain_rule, rule_help_markdown

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    return "stdin" if path in ("-", "<stdin>") else path.replace("\\", "/")


def region(span: dict[str, dict[str, int]]) -> dict[str, int]:
    """A SARIF region from a range of the JSON schema (the same lines and code-point columns)."""
    a, b = span["start"], span["end"]
    return {"startLine": a["line"], "startColumn": a["column"], "endLine": b["line"], "endColumn": b["column"]}


def location(path: str, span: dict[str, dict[str, int]]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region(span)}}


def result_json(item: dict[str, Any], index: dict[str, int]) -> dict[str, Any]:
    """A SARIF result from one finding as `--format json` gives it."""
    result: dict[str, Any] = {
        "ruleId": item["code"],
        "ruleIndex": index[item["code"]],
        "level": LEVELS[item["severity"]],
        "message": {"text": item["message"]},
        "locations": [location(item["path"], item["range"])],
    }
    if item["related"]:
        result["relatedLocations"] = [
            {"id": i, **location(rel["path"], rel["range"]), "message": {"text": rel["message"]}}
            for i, rel in enumerate(item["related"])
        ]
    if item["fix"]:
        fix = item["fix"]
        result["fixes"] = [
            {
                "description": {"text": fix["message"]},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(item["path"])},
                        "replacements": [
                            {"deletedRegion": region(e["range"]), "insertedContent": {"text": e["replacement"]}}
                            for e in fix["edits"]
                        ],
                    }
                ],
            }
        ]
    return result


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


def write_log(stream: TextIO, paths: Iterable[str], findings: Iterable[dict[str, Any]]) -> None:
    """Write one SARIF log of `findings` (as `--format json` gives them) about the files `paths`,
    a result at a time, so an archive's findings need not fit in memory."""
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
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": "newslint/"},
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": artifact_uri(path)}} for path in paths],
        "results": [],
    }
    head, tail = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False).split(
        '"results": []'
    )
    stream.write(head + '"results": [')
    for n, item in enumerate(findings):
        stream.write(("," if n else "") + "\n" + json.dumps(result_json(item, index), ensure_ascii=False))
    stream.write("\n]" + tail + "\n")


class Writer:
    """`render` a result at a time, for results in path order. The log lists the files before
    the results, so it keeps their paths and findings (not their documents) until the end."""

    def __init__(self, write: Callable[[str], object], **_: Any):
        self.write = write
        self.paths: list[str] = []
        self.findings: list[dict[str, Any]] = []

    def add(self, result: FileResult) -> None:
        self.paths.append(result.document.path)
        self.findings += [diagnostic_json(doc, d) for doc, d in sorted_diagnostics([result])]

    def close(self, **_: Any) -> None:
        stream = io.StringIO()
        write_log(stream, self.paths, self.findings)
        self.write(stream.getvalue())


def render(results: list[FileResult], **_: Any) -> str:
    stream = io.StringIO()
    paths = [r.document.path for r in results]
    write_log(stream, paths, (diagnostic_json(doc, d) for doc, d in sorted_diagnostics(results)))
    return stream.getvalue()
