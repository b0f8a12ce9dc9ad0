"""NL101 property: a correct conversion at the stated precision is silent, a wrong one is not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.analysis.quantities.convert import convert, render
from tests.conftest import codes

# (source unit as written, pint unit, target unit as written, pint unit)
PAIRS = [
    ("km", "kilometer", "miles", "mile"),
    ("miles", "mile", "km", "kilometer"),
    ("metres", "meter", "feet", "foot"),
    ("feet", "foot", "metres", "meter"),
    ("kg", "kilogram", "lb", "pound"),
    ("pounds", "pound", "kilograms", "kilogram"),
    ("hectares", "hectare", "acres", "acre"),
    ("sq km", "kilometer ** 2", "square miles", "square_mile"),
    ("km/h", "kilometer / hour", "mph", "mile / hour"),
    ("litres", "liter", "US gallons", "gallon"),
    ("tonnes", "metric_ton", "short tons", "short_ton"),
    ("°C", "degree_Celsius", "°F", "degree_Fahrenheit"),
    ("°F", "degree_Fahrenheit", "°C", "degree_Celsius"),
    ("nautical miles", "nautical_mile", "km", "kilometer"),
]

values = st.one_of(
    st.integers(min_value=1, max_value=99_999).map(float),
    st.decimals(min_value="0.1", max_value="9999.9", places=1).map(float),
    st.decimals(min_value="0.01", max_value="99.99", places=2).map(float),
)


def sentence(value: float, source: str, written: str, target: str) -> str:
    number = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return f"Officials said the figure was {number} {source} ({written} {target}) on Monday."


@settings(max_examples=300, deadline=None)
@given(pair=st.sampled_from(PAIRS), value=values, figures=st.integers(min_value=2, max_value=5))
def test_a_correct_conversion_is_never_flagged(pair, value, figures):
    source, source_unit, target, target_unit = pair
    exact = convert(value, source_unit, target_unit)
    written = render(exact, figures, grouped=True)
    assert "NL101" not in codes(sentence(value, source, written, target), "NL101")


@settings(max_examples=300, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    value=values,
    figures=st.integers(min_value=2, max_value=5),
    factor=st.one_of(st.floats(min_value=1.4, max_value=4), st.floats(min_value=0.2, max_value=0.6)),
)
def test_a_wrong_conversion_is_always_flagged(pair, value, figures, factor):
    source, source_unit, target, target_unit = pair
    exact = convert(value, source_unit, target_unit)
    wrong = render(exact * factor, figures, grouped=True)
    assert "NL101" in codes(sentence(value, source, wrong, target), "NL101")
