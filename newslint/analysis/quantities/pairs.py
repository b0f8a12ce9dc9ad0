"""Conversion pairs: a quantity followed by the same amount in another unit.

"290 kilometres (180 miles)", "290 kilometres, or 180 miles," and "290 km/180 miles": the
first is the source, the second the writer's conversion. Only neighbours of one dimension in
different units pair up; the forms are regular expressions in `rules/units.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from newslint.analysis.quantities.lexicon import pack, qualifier_pattern


class Measured(Protocol):
    start: int
    end: int
    unit: str
    dimension: str


@cache
def form_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    """(form, pattern for the text between, pattern for the text after) for each form."""
    qualifier = rf"(?:{qualifier_pattern()}\s+)?(?:(?i:between)\s+)?"
    closers = pack()["pair-closers"]
    return tuple(
        (form, re.compile(between + qualifier), re.compile(closers[form]))
        for form, between in pack()["pair-forms"].items()
    )


def pair_form(text: str, offset: int, first: Measured, second: Measured) -> str | None:
    """The form in which `second` restates `first`, or None when they are not a pair."""
    if first.dimension != second.dimension or first.unit == second.unit:
        return None
    between = text[first.end - offset : second.start - offset]
    for form, between_pattern, closer in form_patterns():
        if between_pattern.fullmatch(between) and closer.match(text, second.end - offset):
            return form
    return None


def find_pairs(items: Sequence[Measured], text: str, offset: int) -> list[tuple[int, int, str]]:
    """(index of source, index of target, form) for neighbouring items of one paragraph."""
    pairs = []
    for i in range(len(items) - 1):
        form = pair_form(text, offset, items[i], items[i + 1])
        if form:
            pairs.append((i, i + 1, form))
    return pairs
