"""`--format lsp`: `[{"uri", "diagnostics": [LSP Diagnostic]}]` with UTF-16 0-based positions.

The language server publishes exactly these dictionaries; a fix, and the two spellings of a
name finding, travel in `data` so that a code action never needs to lint again.
"""

from __future__ import annotations

import json
from typing import Any

from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.formats import lsp_range, uri_of
from newslint.registry import all_rules

LSP_SEVERITY = {"error": 1, "warning": 2, "info": 3}


def lsp_diagnostic(document: Document, d: Diagnostic, encoding: str = "utf-16") -> dict[str, Any]:
    """One LSP Diagnostic; positions in `encoding` (the server's negotiated one, UTF-16 by default)."""
    item: dict[str, Any] = {
        "range": lsp_range(document, d.start, d.end, encoding),
        "severity": LSP_SEVERITY[d.severity.value],
        "code": d.code,
        "codeDescription": {"href": all_rules()[d.code].url},
        "source": "newslint",
        "message": d.message,
        "relatedInformation": [
            {
                "location": {
                    "uri": uri_of(rel.document.path),
                    "range": lsp_range(rel.document, rel.start, rel.end, encoding),
                },
                "message": rel.message,
            }
            for rel in d.related
        ],
    }
    if d.fix:
        item["data"] = {
            "fix": {
                "message": d.fix.message,
                "edits": [
                    {"range": lsp_range(document, e.start, e.end, encoding), "newText": e.replacement}
                    for e in d.fix.edits
                ],
            }
        }
    if d.spelling:
        item.setdefault("data", {})["spelling"] = {
            "section": all_rules()[d.code].options_section,
            "written": d.spelling.written,
            "other": d.spelling.other,
        }
    if d.unknown:
        item.setdefault("data", {})["unknown"] = {"section": all_rules()[d.code].options_section, "name": d.unknown}
    return item


def render(results: list[FileResult], **_: Any) -> str:
    payload = [
        {
            "uri": uri_of(r.document.path),
            "diagnostics": [lsp_diagnostic(r.document, d) for d in sorted(r.diagnostics, key=lambda d: d.start)],
        }
        for r in sorted(results, key=lambda r: r.document.path)
    ]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
