"""Quantity extraction (analysis/quantities): a corpus of written sentences and its quantities."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.analysis import Analyzer
from newslint.readers import read_document

CORPUS = yaml.safe_load((Path(__file__).parent / "fixtures" / "units" / "extraction.yaml").read_text("utf-8"))


def quantities(text: str, kind: str = "quantities") -> list:
    analysis = Analyzer().analyze([read_document("draft.txt", text.encode("utf-8"))], ())[0]
    return analysis.facts(kind)


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 150


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c["text"][:50])
def test_corpus_sentence(case):
    found = quantities(case["text"])
    assert [q.text for q in found] == [e["q"] for e in case["expect"]]
    for q, expected in zip(found, case["expect"]):
        value = expected["v"]
        low, high = value if isinstance(value, list) else (value, value)
        assert (q.low, q.high) == pytest.approx((low, high))
        assert q.value == pytest.approx((low + high) / 2)
        assert q.unit == expected["u"]
        assert q.qualifier == expected.get("qual")
        if "sf" in expected:
            assert q.significant_figures == expected["sf"]
        if "diff" in expected:
            assert q.is_difference is expected["diff"]
        assert case["text"][q.start : q.end] == q.text


def test_offsets_are_absolute_in_the_document():
    text = "First paragraph.\n\nThe depot is 290 kilometers away.\n"
    (q,) = quantities(text)
    assert text[q.start : q.end] == "290 kilometers"
    assert q.start == text.index("290")


def test_dimensions_come_from_pint():
    text = "It covers 40 km², holds 500 litres, moves at 60 mph and weighs 3 kg; it was 40°C."
    assert [q.dimension for q in quantities(text)] == [
        "[length] ** 2",
        "[length] ** 3",
        "[length] / [time]",
        "[mass]",
        "[temperature]",
    ]


def test_ambiguous_units_list_their_variants():
    (tons,) = quantities("The ship carried 40,000 tons of grain.")
    assert tons.ambiguity and set(tons.variants) == {"ton", "long_ton", "metric_ton"}
    (gallons,) = quantities("The tank holds 500 gallons.")
    assert set(gallons.variants) == {"gallon", "imperial_gallon"}


def test_resolution_is_the_place_of_the_last_digit():
    q1, q2, q3 = quantities("It is 180.198 miles, 290 km and 2.5 million tonnes.")
    assert (q1.resolution, q2.resolution, q3.resolution) == pytest.approx((0.001, 1, 100_000))


def test_markdown_code_is_not_read():
    text = "The road is 40 km long.\n\n```\nwidth = 12 km\n```\n"
    analysis = Analyzer().analyze([read_document("draft.md", text.encode("utf-8"))], ())[0]
    assert [q.text for q in analysis.facts("quantities")] == ["40 km"]


def test_conversions_pair_a_quantity_with_its_restatement():
    (c,) = quantities("The depot is about 290 kilometers (180 miles) from the border.", "conversions")
    assert (c.form, c.source.text, c.target.text) == ("parentheses", "290 kilometers", "180 miles")
    (c,) = quantities("The route is 100 km, or 62 miles, long.", "conversions")
    assert c.form == "or"
    (c,) = quantities("The race is 10 km/6.2 miles.", "conversions")
    assert c.form == "slash"


@pytest.mark.parametrize(
    "text",
    [
        "The road is 40 km long (the old one was 12 miles).",
        "He ran 5 miles or 10 km, depending on the day.",
        "The 10 km (3 hours) walk was tiring.",
        "Both were 10 km (10 km) long.",
    ],
)
def test_not_conversions(text):
    assert quantities(text, "conversions") == []


def test_bare_degrees_take_the_only_scale_the_document_names():
    text = "Temperatures reached 40 °C on Monday.\n\nOn Tuesday it was even hotter: 42 degrees."
    assert [q.unit for q in quantities(text)] == ["degree_Celsius", "degree_Celsius"]
    both = text + " In Texas it was 100 °F."
    assert quantities(both)[1].unit == "degree"


def test_a_conversion_does_not_set_the_scale_of_its_source():
    (bare, converted) = quantities("Inside it was 30 degrees (86 °F), forecasters said.")
    assert bare.variants and converted.unit == "degree_Fahrenheit"


def test_markdown_markup_inside_a_quantity_is_kept_in_its_text():
    text = "The road is **290** km ([180 miles](https://example.com)) long.\n"
    analysis = Analyzer().analyze([read_document("draft.md", text.encode("utf-8"))], ())[0]
    assert [q.text for q in analysis.facts("quantities")] == ["290** km", "180 miles"]
    assert len(analysis.facts("conversions")) == 1
