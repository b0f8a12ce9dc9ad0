"""Aligning facts across documents: which fact in another document speaks of the same thing.

Each function takes a fact of the draft and the facts of one other document and returns the
counterparts, conservatively: no counterpart means the other document does not mention the
thing, which is never a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def overlaps(a: Any, b: Any) -> bool:
    """Two facts with (start, end) that share characters."""
    return a.start < b.end and b.start < a.end


def counted_figures(analysis) -> list:
    """Figures with a counted noun, leaving out measurements (the quantities speak for those)."""
    return analysis.derived("counted-figures", lambda: _counted_figures(analysis))


def _counted_figures(analysis) -> list:
    quantities = analysis.facts("quantities")
    return [
        f
        for f in analysis.facts("figures")
        if (f.noun or f.kind == "money")
        and f.kind in ("count", "money")
        and not f.distinct
        and not any(overlaps(f, q) for q in quantities)
    ]


def figure_counterparts(figure, others: Sequence, by_verb: bool = True) -> list:
    """Figures of another document counting the same noun in the same currency (and, with
    `by_verb`, governed by the same verb where both have one). A sum of money with no noun
    ("asked for $12 million") needs the same verb in both."""
    if figure.noun is None and not figure.verb:
        return []
    return [
        g
        for g in others
        if g.noun == figure.noun
        and g.kind == figure.kind
        and g.currency == figure.currency
        and (
            g.verb == figure.verb
            if figure.noun is None
            else not by_verb or g.verb == figure.verb or not (g.verb and figure.verb)
        )
    ]


def intervals_meet(a, b) -> bool:
    """Whether two figures' intervals can both hold (closed bounds: "1,000" meets "more than 1,000")."""
    slack = max(a.precision, b.precision)
    return a.low <= b.high + slack and b.low <= a.high + slack


def same_number(a, b) -> bool:
    return abs(a.value - b.value) <= max(a.precision, b.precision, 1e-9)


def date_ranges(analysis) -> list[tuple[Any, Any]]:
    """(start, end) date mentions of each range ("between September 7 and October 1")."""
    dates = analysis.facts("dates")
    return [(a, b) for a, b in zip(dates, dates[1:], strict=False) if a.kind == "range-start" and b.kind == "range-end"]


def day_of(mention) -> tuple[int | None, int | None, int | None]:
    return (mention.year, mention.month, mention.day)


def same_day(a, b) -> bool:
    """Same month and day, and the same year where both give one."""
    return a.month == b.month and a.day == b.day and (a.year is None or b.year is None or a.year == b.year)


def stated_quantities(analysis) -> list:
    """Quantities as the writer stated them: the converted half of "X (Y)" is left out."""

    def compute() -> list:
        converted = {c.target for c in analysis.facts("conversions")}
        return [q for q in analysis.facts("quantities") if q not in converted and not q.is_difference]

    return analysis.derived("stated-quantities", compute)


def agrees(mine, theirs) -> bool:
    """The same measurement: the same number and unit, or one a fair conversion of the other."""
    from newslint.analysis.quantities.convert import agreeing_units

    if mine.dimension != theirs.dimension:
        return False
    if (mine.low, mine.high, mine.unit) == (theirs.low, theirs.high, theirs.unit):
        return True
    return mine.unit != theirs.unit and agreeing_units(theirs, mine, tolerance=0.02) is not None


def same_number_other_unit(mine, theirs) -> bool:
    """The same number in another unit of the same kind that could be confused with it."""
    from newslint.analysis.quantities.convert import comparable

    return (
        mine.dimension == theirs.dimension
        and (mine.low, mine.high) == (theirs.low, theirs.high)
        and mine.unit != theirs.unit
        and comparable(mine.unit, theirs.unit, mine.dimension)
    )


def prose_mentions(analysis, kind: str) -> list:
    """Place or name mentions in the reporter's own prose: capitalised, in English, not quoted."""
    from newslint.positions import quotations

    quoted = quotations(analysis)
    return [
        m
        for m in analysis.facts(kind)
        if not m.text.islower()
        and not m.text.isupper()
        and not any(mark in m.text for mark in '"“”‘’')
        and not getattr(m, "foreign", False)
        and not quoted.covers(m.start, m.end)
    ]


def place_counterparts(mention, others: Sequence) -> list:
    """Mentions in another document of the same place: the same gazetteer entry spelled alike
    or as a listed variant, or, for a name the gazetteer does not know, a near spelling of a
    known place ("Nakhin" for "Najin")."""
    from newslint.checks.places import closest, same_place
    from newslint.folding import fold, is_abbreviation

    if is_abbreviation(mention.text):
        return []
    found = []
    for other in others:
        if is_abbreviation(other.text):
            continue
        if mention.key and other.key == mention.key:
            if same_place(mention.text, other.text):
                found.append(other)
        elif fold(other.text) == fold(mention.text):
            found.append(other)
        elif (mention.key is None) != (other.key is None):
            unknown, known = (mention, other) if mention.key is None else (other, mention)
            if unknown.label == "GPE" and closest(fold(unknown.text), [fold(known.text)]):
                found.append(other)
    return found


def name_counterparts(mention, others: Sequence) -> list:
    """Mentions in another document of the same person or organisation by full name: the same
    folded identity, or the same given names with a surname one letter off."""
    from newslint.checks.places import same_person

    if " " not in mention.key:
        return []
    return [
        other
        for other in others
        if other.label == mention.label
        and " " in other.key
        and (other.key == mention.key or (mention.label == "PERSON" and same_person(mention.key, other.key)))
    ]
