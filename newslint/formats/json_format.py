"""`--format json`: one array of diagnostics, the schema of DESIGN.md."""

from __future__ import annotations

import json
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


def render(results: list[FileResult], **_: Any) -> str:
    items = [diagnostic_json(doc, d) for doc, d in sorted_diagnostics(results)]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
