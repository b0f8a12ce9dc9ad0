"""Aligning facts across documents: which fact in another document speaks of the same thing.

Each function takes a fact of the draft and the facts of one other document and returns the
counterparts, conservatively: no counterpart means the other document does not mention the
thing, which is never a finding. Places and names are aligned by `newslint.analysis.identity`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any


def overlaps(a: Any, b: Any) -> bool:
    """Two facts with (start, end) that share characters."""
    return a.start < b.end and b.start < a.end


def counted_figures(analysis) -> list:
    """Figures with a counted noun, leaving out measurements (the quantities speak for those)."""
    return analysis.derived("counted-figures", lambda: _counted_figures(analysis))


def _counted_figures(analysis) -> list:
    quantities = analysis.facts("quantities")
    figures = analysis.facts("figures")
    return [
        f
        for f in figures
        if (f.noun or f.kind == "money")
        and f.kind in ("count", "money")
        and not f.distinct
        and not any(overlaps(f, q) for q in quantities)
        and not converted(analysis.document.prose, f, figures)
    ]


def converted(prose: str, figure, figures) -> bool:
    """A sum in parentheses right after another sum, "NZ$1.52 million ($1 million)": a
    conversion into another currency, not a figure of its own."""
    before = prose[: figure.start].rstrip()
    return (
        figure.kind == "money"
        and before.endswith("(")
        and any(g.kind == "money" and g is not figure and prose[g.end : figure.start].strip() == "(" for g in figures)
    )


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


def holds(figure, x: float) -> bool:
    """Whether the value `x` lies in the figure's interval, open bounds excluded."""
    above = figure.low < x or (figure.low == x and not figure.low_open)
    below = x < figure.high or (x == figure.high and not figure.high_open)
    return above and below


def compatible(a, b) -> bool:
    """Whether two qualified figures' intervals share a value, open bounds kept strict: "nearly
    100" and "as many as 100" can both hold; "100" and "more than 100" cannot."""
    low, high = max(a.low, b.low), min(a.high, b.high)
    return low < high or (low == high and holds(a, low) and holds(b, low))


def same_number(a, b) -> bool:
    return abs(a.value - b.value) <= max(a.precision, b.precision, 1e-9)


def date_ranges(analysis) -> list[tuple[Any, Any]]:
    """(start, end) date mentions of each range in the document (see `dates.date_ranges`)."""
    from newslint.analysis.dates import date_ranges as ranges

    return ranges(analysis.facts("dates"))


def day_of(mention) -> tuple[int | None, int | None, int | None]:
    return (mention.year, mention.month, mention.day)


def same_day(a, b) -> bool:
    """Same month and day, and the same year where both give one."""
    return a.month == b.month and a.day == b.day and (a.year is None or b.year is None or a.year == b.year)


def dated_days(analysis) -> list[tuple[Any, tuple[int, int] | None, int | None]]:
    """Each dated event with its (month, day) and weekday, resolved from the document's own
    date where the text leaves them out ("yesterday", "March 3" in a dated story)."""
    from newslint.analysis.dates import reference_for

    return analysis.derived(
        "dated-days", lambda: resolved_days(analysis.facts("dated_events"), reference_for(analysis))
    )


def resolved_days(events: list, reference) -> list[tuple[Any, tuple[int, int] | None, int | None]]:
    from newslint.analysis.dates import resolved_year, shifted, valid

    found = []
    for event in events:
        if event.offset is not None:
            day = shifted(reference, event.offset) if reference is not None else None
            if day is not None:
                found.append((event, (day.month, day.day), day.weekday()))
        elif event.day is not None:
            year = resolved_year(event, reference)
            weekday = (
                date(year, event.month, event.day).weekday() if year and valid(year, event.month, event.day) else None
            )
            found.append((event, (event.month, event.day), event.weekday if weekday is None else weekday))
        else:
            found.append((event, None, event.weekday))
    return found


def same_date(a: tuple, b: tuple, same_week: bool) -> bool | None:
    """Whether two resolved dates, (event, (month, day), weekday), are one day: by month and
    day where both give them, else by weekday when the documents have one date; None when
    they cannot be compared."""
    if a[1] is not None and b[1] is not None:
        return a[1] == b[1]
    if same_week and a[2] is not None and b[2] is not None:
        return a[2] == b[2]
    return None


def stated_quantities(analysis) -> list:
    """Quantities as the writer stated them: the converted half of "X (Y)" is left out."""

    def compute() -> list:
        converted = {c.target for c in analysis.facts("conversions")}
        return [q for q in analysis.facts("quantities") if q not in converted and not q.is_difference]

    return analysis.derived("stated-quantities", compute)


def agrees(mine, theirs, tolerance: float) -> bool:
    """The same measurement: the same number and unit, or one a fair conversion of the other
    (within the relative `tolerance`)."""
    from newslint.analysis.quantities.convert import agreeing_units

    if mine.dimension != theirs.dimension:
        return False
    if (mine.low, mine.high, mine.unit) == (theirs.low, theirs.high, theirs.unit):
        return True
    return mine.unit != theirs.unit and agreeing_units(theirs, mine, tolerance) is not None


def same_number_other_unit(mine, theirs) -> bool:
    """The same number in another unit of the same kind that could be confused with it."""
    from newslint.analysis.quantities.convert import comparable

    return (
        mine.dimension == theirs.dimension
        and (mine.low, mine.high) == (theirs.low, theirs.high)
        and mine.unit != theirs.unit
        and comparable(mine.unit, theirs.unit, mine.dimension)
    )
