"""Inline suppressions: `<!-- newslint: disable|enable|ignore [CODES] -->`.

`disable` silences the codes (all codes when none are given) from the comment on, until a
matching `enable`; `ignore` silences them in the next paragraph only. Codes may be prefixes.
"""

from __future__ import annotations

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.registry import matches

ALL = ("NL",)


def suppressed_ranges(document: Document) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, codes) ranges in which those codes are silenced."""
    ranges = []
    open_at: dict[tuple[str, ...], int] = {}
    for d in document.directives:
        codes = d.codes or ALL
        if d.action == "disable":
            open_at.setdefault(codes, d.end)
        elif d.action == "enable":
            for key in [k for k in open_at if not d.codes or set(k) & set(codes)]:
                ranges.append((open_at.pop(key), d.start, key))
        else:
            following = next((p for p in document.paragraphs if p.start >= d.end), None)
            if following:
                ranges.append((following.start, following.end, codes))
    ranges.extend((start, len(document.text), codes) for codes, start in open_at.items())
    return ranges


def apply_suppressions(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    ranges = suppressed_ranges(document)
    if not ranges:
        return diagnostics
    return [
        d for d in diagnostics if not any(lo <= d.start < hi and matches(d.code, codes) for lo, hi, codes in ranges)
    ]
