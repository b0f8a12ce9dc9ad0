"""Unit arithmetic for the checks, on pint's definitions (`unit_table`): conversion, precision, agreement."""

from __future__ import annotations

import math
from itertools import product

from newslint.analysis.quantities import Quantity
from newslint.analysis.quantities.lexicon import pack
from newslint.analysis.quantities.unit_table import unit_table
from newslint.numbers import most_figures


def convert(value: float, source_unit: str, target_unit: str, difference: bool = False) -> float:
    """`value` in `source_unit` expressed in `target_unit`; differences convert without offsets."""
    source, target = unit_table()[source_unit], unit_table()[target_unit]
    if source.dimension != target.dimension:
        raise ValueError(f"cannot convert {source_unit} to {target_unit}")
    if difference:
        return value * source.scale / target.scale
    return (value * source.scale + source.offset - target.offset) / target.scale


def units_of(q: Quantity) -> tuple[str, ...]:
    """Every unit the writer may have meant (several for "tons", "gallons", bare "degrees")."""
    return q.variants or (q.unit,)


def round_figures(x: float, figures: int) -> float:
    if x == 0:
        return 0.0
    return round(x, figures - 1 - math.floor(math.log10(abs(x))))


def allowed_figures(q: Quantity) -> int:
    """The precision a conversion of `q` may carry: fewer when the writer said "about"."""
    if q.qualifier in pack()["approximate-qualifiers"]:
        return q.significant_figures
    return max(q.significant_figures, most_figures(q.high, q.resolution))


def spread(q: Quantity, value: float) -> float:
    """How far the true value may lie from a written number: half a unit of its last surely
    significant digit ("290" -> 5, "12.5" -> 0.05), but never more than `max-spread` of it."""
    if value == 0:
        return q.resolution / 2
    last = 10.0 ** (math.floor(math.log10(abs(value))) - q.significant_figures + 1)
    return min(max(last, q.resolution) / 2, pack()["max-spread"] * abs(value))


def endpoints(source: Quantity, target: Quantity) -> list[tuple[float, float]]:
    """Which written numbers correspond: ends of two ranges, otherwise the midpoints."""
    if source.low != source.high and target.low != target.high:
        return [(source.low, target.low), (source.high, target.high)]
    return [(source.value, target.value)]


def agreeing_units(source: Quantity, target: Quantity, tolerance: float) -> tuple[str, str] | None:
    """The (source unit, target unit) under which `target` is a fair conversion of `source`.

    A written conversion is fair when it is within `tolerance` of the exact conversion, or
    when the spreads of the two numbers overlap once converted. A number merely repeated in
    another unit ("290 km (290 miles)") was not converted at all and gets no spread.
    """
    difference = source.is_difference or target.is_difference
    repeated = (source.low, source.high) == (target.low, target.high)

    def fair(s: float, t: float, su: str, tu: str) -> bool:
        if abs(convert(s, su, tu, difference) - t) <= tolerance * abs(t) + 1e-9:
            return True
        if repeated:
            return False
        width, rounding = spread(source, s), spread(target, t)
        low, high = sorted(convert(x, su, tu, difference) for x in (s - width, s + width))
        return low - rounding <= t <= high + rounding

    for su, tu in product(units_of(source), units_of(target)):
        if all(fair(s, t, su, tu) for s, t in endpoints(source, target)):
            return su, tu
    return None


def comparable(unit_a: str, unit_b: str, dimension: str) -> bool:
    """Whether two units are close enough in size to be confused ("km" and "miles", not "inches"
    and "feet"): their ratio, taken per unit of length ("square" and "cubic" count once), is at
    most `conflict-max-ratio`. Temperatures always are."""
    if dimension == "[temperature]":
        return True
    ratio = abs(convert(1.0, unit_a, unit_b))
    linear = ratio ** (1 / unit_table()[unit_a].power)
    return max(linear, 1 / linear) <= pack()["conflict-max-ratio"]


def render(x: float, figures: int, grouped: bool) -> str:
    """`x` rounded to `figures` significant figures, written as a reporter would."""
    rounded = round_figures(x, figures)
    decimals = 0 if rounded == 0 else max(0, figures - 1 - math.floor(math.log10(abs(rounded))))
    return f"{rounded:,.{decimals}f}" if grouped else f"{rounded:.{decimals}f}"
