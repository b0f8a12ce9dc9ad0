"""The shared number parser: digits, words, scales, currencies, percentages and vague words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.numbers import find_numbers, parse_number, words_value


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
