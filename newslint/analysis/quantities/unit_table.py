"""Every unit of `rules/units.yaml` as pint resolves it, kept as JSON in the user's cache.

Building pint's registry costs more than half a second, on every start. The lexicon needs only a
few numbers per unit: pint's canonical name, its dimensionality, and the scale and offset that
take a value to base units (kelvin = degree Fahrenheit x 5/9 + 255.37). They are computed with
pint once, kept through `newslint.cachefile` (keyed by the pint version, the pack and this
module), and read back on later starts, so pint is imported only when the file is missing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newslint import cachefile
from newslint.data import load_pack, packs_dir

FORMAT = 1  # the layout of a row: [name, dimension, scale, offset, power]


@dataclass(frozen=True)
class UnitRow:
    """One unit as pint defines it: `base = value * scale + offset`; `power` is the largest
    exponent of its dimensionality (2 for square metres; 1 when it has none)."""

    name: str
    dimension: str
    scale: float
    offset: float
    power: int


def expressions() -> list[str]:
    """Every unit expression the pack names: units, their variants and the one-units."""
    pack = load_pack("units")
    found = [e["unit"] for e in pack["units"]] + [v for e in pack["units"] for v in e.get("variants", [])]
    return sorted({*found, *pack["one-units"]})


def build() -> dict[str, list]:
    """Resolve every expression, and every canonical name, through a fresh pint registry."""
    import pint

    registry = pint.UnitRegistry()
    rows: dict[str, list] = {}
    for expression in expressions():
        one = registry.Quantity(1, expression)
        zero = registry.Quantity(0, expression).to_base_units().magnitude
        scale = one.to_base_units().magnitude - zero
        power = max((abs(p) for p in one.dimensionality.values()), default=1)
        row = [str(one.units), str(one.dimensionality), float(scale), float(zero), int(power)]
        rows[expression] = rows[str(one.units)] = row
    return rows


def load(data: Any) -> dict[str, UnitRow]:
    """The kept rows, checked field by field (ValueError when a file does not check out)."""
    if type(data) is not dict:
        raise ValueError("not a unit table")
    table = {}
    for key, row in data.items():
        if type(row) is not list or [type(v) for v in row] != [str, str, float, float, int]:
            raise ValueError("not a unit table")
        table[key] = UnitRow(*row)
    if not set(expressions()) <= table.keys():
        raise ValueError("not a unit table")
    return table


def digest() -> str:
    """What the kept table depends on: the pint version, the units pack and this module."""
    from importlib.metadata import version

    parts = version("pint").encode(), (packs_dir() / "units.yaml").read_bytes(), Path(__file__).read_bytes()
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


@cache
def unit_table() -> dict[str, UnitRow]:
    """The process's table, by unit expression and by canonical name."""
    return cachefile.remembered("units", FORMAT, digest(), build, load)
