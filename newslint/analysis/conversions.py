"""Conversion facts: a quantity restated in another unit ("290 km (180 miles)")."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.analysis.quantities import Quantity
from newslint.analysis.quantities.pairs import find_pairs

NEEDS = ("quantities",)


@dataclass(frozen=True)
class Conversion:
    """`target` restates `source` in another unit; `form` is parentheses, or, or slash."""

    start: int
    end: int
    form: str
    source: Quantity
    target: Quantity


def extract(analysis) -> list[Conversion]:
    document = analysis.document
    quantities = analysis.facts("quantities")
    found = []
    for pa in analysis.paragraphs:
        p = pa.paragraph
        items = [q for q in quantities if p.start <= q.start < p.end]
        for a, b, form in find_pairs(items, document.prose[p.start : p.end], p.start):
            found.append(Conversion(items[a].start, items[b].end, form, items[a], items[b]))
    return found
