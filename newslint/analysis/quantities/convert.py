"""Unit arithmetic for the checks, all through pint: conversion, rounding, agreement.

A writer's conversion agrees with its source when rounding the exact conversion to some
precision the writer may have meant gives the written number (trailing zeros of a whole
number may or may not count) without straying more than `max-rounding-error` from it, or
when the two are within `tolerance` of each other. A number merely repeated in another unit
("290 km (290 miles)") gets no rounding allowance.
"""

from __future__ import annotations

import math
from itertools import product

from newslint.analysis.quantities import Quantity
from newslint.analysis.quantities.lexicon import pack, registry
from newslint.analysis.quantities.numbers import most_figures

OFFSET_UNITS = ("degree_Celsius", "degree_Fahrenheit", "degree_Rankine", "degree_Reaumur")


def convert(value: float, source_unit: str, target_unit: str, difference: bool = False) -> float:
    """`value` in `source_unit` expressed in `target_unit`; differences convert without offsets."""
    if difference:
        source_unit, target_unit = (f"delta_{u}" if u in OFFSET_UNITS else u for u in (source_unit, target_unit))
    return float(registry().Quantity(value, source_unit).to(target_unit).magnitude)


def units_of(q: Quantity) -> tuple[str, ...]:
    """Every unit the writer may have meant (several for "tons", "gallons", bare "degrees")."""
    return q.variants or (q.unit,)


def round_figures(x: float, figures: int) -> float:
    if x == 0:
        return 0.0
    return round(x, figures - 1 - math.floor(math.log10(abs(x))))


def figure_range(q: Quantity, value: float) -> range:
    """The significant figures the writer may have meant for one of the quantity's numbers."""
    return range(q.significant_figures, max(q.significant_figures, most_figures(value, q.resolution)) + 1)


def allowed_figures(q: Quantity) -> int:
    """The precision a conversion of `q` may carry: fewer when the writer said "about"."""
    if q.qualifier in pack()["approximate-qualifiers"]:
        return q.significant_figures
    return max(q.significant_figures, most_figures(q.high, q.resolution))


def rounds_to(exact: float, written: float, q: Quantity, tolerance: float, rounding: bool) -> bool:
    """Whether `written` is `exact` within `tolerance`, or (if `rounding`) rounded as `q` allows."""
    if abs(exact - written) <= tolerance * abs(written) + 1e-9:
        return True
    if not rounding or abs(exact - written) > pack()["max-rounding-error"] * abs(written):
        return False
    return any(
        math.isclose(round_figures(exact, f), written, rel_tol=1e-9, abs_tol=1e-9) for f in figure_range(q, written)
    )


def endpoints(source: Quantity, target: Quantity) -> list[tuple[float, float]]:
    """Which written numbers correspond: ends of two ranges, otherwise the midpoints."""
    if source.low != source.high and target.low != target.high:
        return [(source.low, target.low), (source.high, target.high)]
    return [(source.value, target.value)]


def agreeing_units(source: Quantity, target: Quantity, tolerance: float) -> tuple[str, str] | None:
    """The (source unit, target unit) under which `target` is a fair conversion of `source`."""
    difference = source.is_difference or target.is_difference
    repeated = (source.low, source.high) == (target.low, target.high)  # "290 km (290 miles)": not converted
    for su, tu in product(units_of(source), units_of(target)):
        pairs = endpoints(source, target)
        if all(rounds_to(convert(s, su, tu, difference), t, target, tolerance, not repeated) for s, t in pairs):
            return su, tu
    return None


def render(x: float, figures: int, grouped: bool) -> str:
    """`x` rounded to `figures` significant figures, written as a reporter would."""
    rounded = round_figures(x, figures)
    decimals = 0 if rounded == 0 else max(0, figures - 1 - math.floor(math.log10(abs(rounded))))
    return f"{rounded:,.{decimals}f}" if grouped else f"{rounded:.{decimals}f}"
