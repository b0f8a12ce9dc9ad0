"""The shared number parser: digits, words, fractions, scales, currencies, percentages and vague words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.numbers import find_numbers, number_pattern, parse_number, reading, scale_value, words_value


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,000", 1000),
        ("2.5 million", 2_500_000),
        ("a thousand", 1000),
        ("A Thousand", 1000),
        ("two hundred and fifty", 250),
        ("twenty-five", 25),
        ("forty", 40),
        ("a dozen", 12),
        ("$3bn", 3e9),
        ("£20m", 2e7),
        ("US$5 billion", 5e9),
        ("12%", 12),
        ("40 percent", 40),
        ("7.5 per cent", 7.5),
        ("5 million dollars", 5e6),
        ("1.2 trillion", 1.2e12),
        ("three million", 3e6),
    ],
)
def test_values(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["COVID-19", "F-16", "3m tall", "10:30", "G7", "3D"])
def test_not_numbers(text):
    assert not [n for n in find_numbers(text) if n.value in (19, 16, 3, 10, 30, 7)]


def test_currency_and_percent_flags():
    money, share = find_numbers("$3bn, or 12% of the budget")
    assert money.currency == "USD" and not money.percent
    assert share.percent and share.currency is None


def test_vague_words_give_intervals():
    (n,) = find_numbers("dozens of soldiers")
    assert n.vague and n.low < n.high


def test_digits_keep_their_precision():
    (n,) = find_numbers("2.5 million")
    assert n.precision == pytest.approx(50_000)
    assert find_numbers("1,000")[0].precision == 0


@given(st.integers(min_value=0, max_value=10**9))
def test_grouped_digits_round_trip(value):
    assert parse_number(f"{value:,}") == value


@given(st.integers(min_value=1, max_value=99))
def test_number_words_round_trip(value):
    units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word = units[value] if value < 20 else tens[value // 10] + (f"-{units[value % 10]}" if value % 10 else "")
    assert words_value(word) == value


@pytest.mark.parametrize(
    "text, value, figures, resolution",
    [
        ("290", 290, 2, 1),
        ("180.198", 180.198, 6, 0.001),
        ("1,200", 1200, 2, 1),
        ("2 1/2", 2.5, 2, 0.5),
        ("2½", 2.5, 2, 0.5),
        ("¾", 0.75, 1, 0.25),
        ("two hundred", 200, 1, 100),
        ("a dozen", 12, 2, 1),
        ("half a", 0.5, 1, 0.5),
        ("three and a half", 3.5, 2, 0.5),
    ],
)
def test_reading_gives_value_and_precision(text, value, figures, resolution):
    r = reading(text)
    assert r.value == pytest.approx(value)
    assert r.significant_figures == figures
    assert r.resolution == pytest.approx(resolution)


def test_reading_applies_a_scale():
    r = reading("2.5", scale_value("million"))
    assert r.value == pytest.approx(2_500_000) and r.resolution == pytest.approx(100_000)
    assert scale_value("bn") == 1e9 and scale_value("k") == 1000


@pytest.mark.parametrize("text", ["1,000", "2 1/2", "½", "twenty-five", "a thousand", "two and a half"])
def test_number_pattern_matches_whole_numbers(text):
    assert re.fullmatch(number_pattern(), text)


@given(st.integers(min_value=1, max_value=99))
def test_scanner_and_reading_agree(value):
    (n,) = find_numbers(f"{value} boats")
    assert reading(n.text).value == value
