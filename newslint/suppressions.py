"""Inline suppressions: `<!-- newslint: disable|enable|ignore [CODES] -->`.

`disable` silences the codes (all codes when none are given) from the comment on, until a
matching `enable`; `ignore` silences them in the next paragraph only. Codes may be prefixes.
"""

from __future__ import annotations

import bisect
import heapq

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.errors import NewslintError
from newslint.registry import matches, selector_problem

ALL = ("NL",)


def directive_errors(document: Document) -> list[NewslintError]:
    """A suppression comment naming a code no rule has, with where it is and a suggestion."""
    errors = []
    for d in document.directives:
        for code in d.codes:
            problem = selector_problem(code)
            if problem:
                line = document.position(d.start).line
                errors.append(NewslintError(document.path, f"suppression comment on line {line}: {problem}"))
    return errors


Range = tuple[int, int, str, tuple[str, ...]]  # start, end, silenced selector, codes excepted


def suppressed_ranges(document: Document) -> list[Range]:
    """Ranges in which a code or prefix is silenced, with the codes enabled again inside them."""
    ranges: list[Range] = []
    starts = [p.start for p in document.paragraphs]
    open_at: dict[str, tuple[int, tuple[str, ...]]] = {}
    for d in document.directives:
        codes = d.codes or ALL
        if d.action == "disable":
            for selector in codes:
                open_at.setdefault(selector, (d.end, ()))
        elif d.action == "enable":
            for selector, (start, excepted) in list(open_at.items()):
                narrower = tuple(code for code in codes if code.startswith(selector) and code != selector)
                if matches(selector, codes):  # all of it is enabled again
                    ranges.append((start, d.start, selector, excepted))
                    del open_at[selector]
                elif narrower:  # "disable NL5" then "enable NL503": NL5 stays off but for NL503
                    ranges.append((start, d.start, selector, excepted))
                    open_at[selector] = (d.start, excepted + narrower)
        else:
            index = bisect.bisect_left(starts, d.end)
            following = document.paragraphs[index] if index < len(starts) else None
            if following:
                ranges.extend((following.start, following.end, selector, ()) for selector in codes)
    ranges.extend((start, len(document.text), selector, excepted) for selector, (start, excepted) in open_at.items())
    return ranges


def apply_suppressions(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` without the silenced ones, in their order; one sweep by offset."""
    ranges = sorted(suppressed_ranges(document))
    if not ranges:
        return diagnostics
    silenced = set()
    active: list[tuple[int, int]] = []  # (end, index into ranges) of the ranges open at the sweep
    opened = 0
    for i in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].start):
        d = diagnostics[i]
        while opened < len(ranges) and ranges[opened][0] <= d.start:
            heapq.heappush(active, (ranges[opened][1], opened))
            opened += 1
        while active and active[0][0] <= d.start:
            heapq.heappop(active)
        if any(d.code.startswith(ranges[r][2]) and not matches(d.code, ranges[r][3]) for _, r in active):
            silenced.add(i)
    return [d for i, d in enumerate(diagnostics) if i not in silenced]
