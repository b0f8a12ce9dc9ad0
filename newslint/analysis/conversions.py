"""Conversion facts: a quantity restated in another unit ("290 km (180 miles)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.analysis.quantities import Quantity
from newslint.analysis.quantities.pairs import find_pairs
from newslint.numbers import DIGITS

NEEDS = ("quantities",)


@dataclass(frozen=True)
class Conversion:
    """`target` restates `source` in another unit; `form` is parentheses, or, or slash.

    `target_number` is the target's number as written; `target_digits` says whether it is
    plain digits ("180.198", "1,200"), which a fix may rewrite, rather than words.
    """

    start: int
    end: int
    form: str
    source: Quantity
    target: Quantity
    target_number: str = ""
    target_digits: bool = False


def number_of(q: Quantity) -> str:
    """The number of a quantity as written, without its unit."""
    return q.text[: len(q.text) - len(q.unit_text)].rstrip(" -")


def extract(analysis) -> list[Conversion]:
    quantities = analysis.facts("quantities")
    found = []
    for pa in analysis.paragraphs:
        p = pa.paragraph
        items = [q for q in quantities if p.start <= q.start < p.end]
        for a, b, form in find_pairs(items, pa.text, p.start):
            number = number_of(items[b])
            digits = re.fullmatch(DIGITS, number) is not None
            found.append(Conversion(items[a].start, items[b].end, form, items[a], items[b], number, digits))
    return found
