"""The kept unit table: the same conversions as pint, and a bad cache file is rebuilt."""

from __future__ import annotations

import json
from itertools import product

import pint
import pytest

from newslint.analysis.quantities import unit_table as module
from newslint.analysis.quantities.convert import comparable, convert
from newslint.analysis.quantities.unit_table import FORMAT, build, digest, expressions, load, unit_table

REGISTRY = pint.UnitRegistry()
OFFSET_UNITS = {"degree_Celsius", "degree_Fahrenheit"}


def pint_convert(value: float, source: str, target: str, difference: bool) -> float:
    if difference:
        source, target = (f"delta_{u}" if u in OFFSET_UNITS else u for u in (source, target))
    return REGISTRY.Quantity(value, source).to(target).magnitude


def same_dimension_pairs() -> list[tuple[str, str]]:
    table = unit_table()
    names = sorted({row.name for row in table.values()})
    return [(a, b) for a, b in product(names, names) if table[a].dimension == table[b].dimension]


@pytest.mark.parametrize("difference", [False, True])
def test_every_conversion_agrees_with_pint(difference):
    pairs = same_dimension_pairs()
    assert len(pairs) > 50
    for (source, target), value in product(pairs, (-40.0, 0.0, 1.0, 37.5, 12_345.0)):
        assert convert(value, source, target, difference) == pytest.approx(
            pint_convert(value, source, target, difference), rel=1e-12, abs=1e-9
        ), (source, target, value)


def test_units_of_other_dimensions_do_not_convert():
    with pytest.raises(ValueError, match="cannot convert kilometer to kilogram"):
        convert(1.0, "kilometer", "kilogram")


def test_comparable_counts_square_units_once():
    assert comparable("square_mile", "kilometer ** 2", "[length] ** 2")
    assert not comparable("inch", "mile", "[length]")


def test_every_pack_expression_is_in_the_table():
    table = unit_table()
    assert set(expressions()) <= table.keys()
    assert table["degree_Fahrenheit"].offset == pytest.approx(255.3722, rel=1e-6)
    assert table["kilometer ** 2"].power == 2


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    unit_table.cache_clear()
    yield tmp_path
    unit_table.cache_clear()


def test_the_table_is_kept_and_read_back_without_pint(cache_folder, monkeypatch):
    built = unit_table()
    kept = cache_folder / f"units-{digest()}.json"
    assert json.loads(kept.read_text())["format"] == FORMAT
    unit_table.cache_clear()
    monkeypatch.setattr(module, "build", lambda: pytest.fail("the kept table was not read"))
    assert unit_table() == built


@pytest.mark.parametrize(
    "data",
    [[], {"mile": ["mile", "[length]", 1609.344, 0.0]}, {"mile": ["mile", "[length]", "1609", 0.0, 1]}, {}],
)
def test_a_bad_table_is_rebuilt(cache_folder, data):
    kept = cache_folder / f"units-{digest()}.json"
    kept.write_text(json.dumps({"format": FORMAT, "digest": digest(), "data": data}))
    with pytest.raises(ValueError):
        load(data)
    assert unit_table() == load(build())
    assert json.loads(kept.read_text())["data"] == build()
