"""The document's publication (reference) date: front matter `date:`, a `date YYYY-MM-DD`
line, then a dateline that gives its year; at most one fact per document.

The `publication-date` option, when set, overrides it (`dates.reference_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newslint.analysis.dates import parse_iso, valid

NEEDS = ("dates",)

SOURCES = ("front matter", "publication", "dateline")


@dataclass(frozen=True)
class Reference:
    """The reference date and where it was read; `start`/`end` locate a mention in the text."""

    year: int
    month: int
    day: int
    source: str
    start: int | None = None
    end: int | None = None

    @property
    def date(self) -> date:
        return date(self.year, self.month, self.day)


def extract(analysis) -> list[Reference]:
    if found := parse_iso(analysis.document.metadata.get("date")):
        return [Reference(found.year, found.month, found.day, "front matter")]
    mentions = analysis.facts("dates")
    for kind in ("publication", "dateline"):
        for m in mentions:
            if m.kind == kind and m.year and valid(m.year, m.month, m.day):
                return [Reference(m.year, m.month, m.day, kind, m.start, m.end)]
    return []
