"""`--format json`: one array of diagnostics, the schema of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.formats import position_range, sorted_diagnostics
from newslint.registry import all_rules


def diagnostic_json(document: Document, d: Diagnostic) -> dict[str, Any]:
    r = all_rules()[d.code]
    fix = None
    if d.fix:
        fix = {
            "message": d.fix.message,
            "edits": [
                {"range": position_range(document, e.start, e.end), "replacement": e.replacement} for e in d.fix.edits
            ],
        }
    return {
        "path": document.path,
        "code": d.code,
        "rule": r.name,
        "category": r.category,
        "severity": d.severity.value,
        "message": d.message,
        "range": position_range(document, d.start, d.end),
        "fix": fix,
        "related": [
            {
                "path": rel.document.path,
                "message": rel.message,
                "range": position_range(rel.document, rel.start, rel.end),
            }
            for rel in d.related
        ],
    }


class Writer:
    """`render` a result at a time, for results in path order."""

    def __init__(self, write: Callable[[str], object], **_: Any):
        self.write = write
        self.count = 0

    def add(self, result: FileResult) -> None:
        for document, d in sorted_diagnostics([result]):
            item = json.dumps(diagnostic_json(document, d), indent=2, ensure_ascii=False)
            self.write(("[\n" if not self.count else ",\n") + "\n".join("  " + line for line in item.split("\n")))
            self.count += 1

    def close(self, **_: Any) -> None:
        self.write("\n]\n" if self.count else "[]\n")


def render(results: list[FileResult], **_: Any) -> str:
    items = [diagnostic_json(doc, d) for doc, d in sorted_diagnostics(results)]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
