"""The unit lexicon from `rules/units.yaml`, resolved through pint, and the quantity pattern.

What pint says of each unit is read from the kept unit table (`unit_table`), so pint itself is
imported only when that table is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newslint.analysis.quantities.unit_table import unit_table
from newslint.data import load_pack
from newslint.numbers import alternation, number_pattern, scale_value


@dataclass(frozen=True)
class UnitInfo:
    """One unit as the lexicon knows it, with pint's canonical name and dimensionality."""

    unit: str
    dimension: str
    system: str
    ambiguity: str | None
    variants: tuple[str, ...]


def canonical(expression: str) -> tuple[str, str]:
    """pint's canonical unit name and dimensionality for a unit expression of the pack."""
    row = unit_table()[expression]
    return row.name, row.dimension


def pack() -> dict:
    return load_pack("units")


def spaced(form: str) -> str:
    return r"\s*".join(re.escape(part) for part in form.split())


@cache
def forms() -> tuple[dict[str, tuple[int, str | None]], dict[str, tuple[int, str | None]]]:
    """Unit names (lower case) and symbols, each mapped to (entry index, guard key)."""
    names: dict[str, tuple[int, str | None]] = {}
    symbols: dict[str, tuple[int, str | None]] = {}
    for index, entry in enumerate(pack()["units"]):
        guard = entry.get("guard")
        for name in entry.get("names", []):
            names[" ".join(name.lower().split())] = (index, guard)
        for symbol in entry.get("symbols", []):
            symbols[" ".join(symbol.split())] = (index, guard)
        for symbol in entry.get("guarded", []):
            symbols[symbol] = (index, symbol)
    return names, symbols


@cache
def unit_info(index: int) -> UnitInfo:
    entry = pack()["units"][index]
    unit, dimension = canonical(entry["unit"])
    variants = tuple(canonical(v)[0] for v in entry.get("variants", []))
    return UnitInfo(unit, entry.get("dimension", dimension), entry["system"], entry.get("ambiguity"), variants)


def lookup(text: str) -> tuple[UnitInfo, str | None]:
    """The unit a matched unit text names, and its guard key (None when unguarded)."""
    names, symbols = forms()
    key = " ".join(text.split())
    index, guard = symbols[key] if key in symbols else names[key.lower()]
    return unit_info(index), guard


@cache
def qualifier_map() -> dict[str, str]:
    return {" ".join(form.split()): norm for norm, group in pack()["qualifiers"].items() for form in group}


@cache
def qualifier_pattern() -> str:
    return r"(?i:\b(?:" + "|".join(spaced(q) for q in sorted(qualifier_map(), key=len, reverse=True)) + r"))"


@cache
def quantity_regex() -> re.Pattern:
    """One regular expression for a quantity: qualifier, number or range, scale, unit."""
    names, symbols = forms()
    name_forms = sorted(names, key=len, reverse=True)
    symbol_forms = sorted(symbols, key=len, reverse=True)
    unit_names = "|".join(spaced(n) for n in name_forms)
    units = "(?:(?i:" + unit_names + ")|" + "|".join(spaced(s) for s in symbol_forms) + ")"
    scales = pack()["scales"]
    words = [s for s in scales if len(s) > 2]
    abbreviations = [s for s in scales if len(s) <= 2]
    scale = rf"(?:\s+(?i:{alternation(words)})\b|(?:{alternation(abbreviations)})(?=[\s-]))"
    number = number_pattern()
    sign = r"(?:minus\s+|[-−](?=\d))"
    return re.compile(
        rf"(?<![\w.,:°\-−])"
        rf"(?:(?P<qualifier>{qualifier_pattern()})\s+)?"
        rf"(?:(?P<between>(?i:between|from))\s+)?"
        rf"(?:"
        rf"(?P<one>\b(?i:an?))(?=\s+(?i:{unit_names})\b)"
        rf"|(?P<sign1>{sign})?(?P<n1>{number})"
        rf"(?:(?P<joint>\s*[-–—]\s*|\s+(?i:to|and)\s+)(?P<sign2>{sign})?(?P<n2>{number}))?"
        rf")"
        rf"(?P<scale>{scale})?"
        rf"(?:\s*-\s*|\s*)"
        rf"(?P<unit>{units})(?![A-Za-z0-9²³])"
    )


@cache
def scale_factors() -> dict[str, float]:
    return {name.lower(): scale_value(name) for name in pack()["scales"]}


@cache
def word_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in pack()[key])
