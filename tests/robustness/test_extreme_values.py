"""Dates at the limits of the calendar and numbers too long for a float are never internal errors.

A date whose year or neighbouring day lies beyond 0001-01-01..9999-12-31 is simply not
checkable; a number of more than `MAX_DIGITS` digits, or one whose words multiply past what a
float holds, is not a figure. `lint()` asserts that no rule reported an internal error.
"""

from __future__ import annotations

from newslint.numbers import MAX_DIGITS, find_numbers, reading, words_value
from tests.conftest import codes, lint

DATE_RULES = ["NL303", "NL304"]
NUMBER_RULES = ["NL1", "NL3"]
HUGE = "7" * 5000  # past Python's 4,300-digit limit for int(str)


def on(day: str) -> dict:
    return {"figures": {"publication-date": day}}


# Dates


def test_iso_date_on_the_last_day_of_the_calendar():
    assert codes("The deadline is 9999-12-31, officials said.", DATE_RULES) == []


def test_written_date_on_the_last_day_of_the_calendar():
    assert codes("The deadline is 31 December 9999, officials said.", DATE_RULES) == []


def test_iso_date_on_the_first_day_of_the_calendar():
    assert codes("The deadline is 0001-01-01, officials said.", DATE_RULES) == []


def test_weekday_on_the_last_day_of_the_calendar_is_checked():
    assert codes("The vote is on Friday, December 31, 9999, officials said.", DATE_RULES) == []
    [d] = lint("The vote is on Thursday, December 31, 9999, officials said.", DATE_RULES)
    assert d.code == "NL303" and "gives Friday, December 31, 9999" in d.message


def test_date_without_year_next_to_the_last_year_is_not_checkable():
    # with a reference of 9999-12-31 the nearest "January 1" would fall in the year 10000
    text = "The vote is on Friday, January 1, officials said."
    assert codes(text, DATE_RULES, **on("9999-12-31")) == []
    assert codes("The vote is on Monday, December 31.", DATE_RULES, **on("0001-01-01")) == []


def test_range_ending_after_the_last_year():
    text = "The festival runs from December 30 to January 2, organisers said."
    assert codes(text, DATE_RULES, **on("9999-12-31")) == []
    text = "The fair runs December 30-31, 9999 and then January 1-2."
    assert codes(text, DATE_RULES, **on("9999-12-31")) == []


def test_range_with_written_years_past_the_last_year():
    text = "The festival runs from December 30, 9999 to January 2, 10000."
    assert codes(text, DATE_RULES, **on("9999-12-31")) == []


def test_tomorrow_after_the_last_day_is_not_checkable():
    assert codes("The vote is tomorrow (Friday), officials said.", DATE_RULES, **on("9999-12-31")) == []


def test_yesterday_before_the_first_day_is_not_checkable():
    assert codes("The vote was yesterday (Thursday), officials said.", DATE_RULES, **on("0001-01-01")) == []


def test_relative_day_inside_the_calendar_is_still_checked():
    [d] = lint("The vote is tomorrow (Friday), officials said.", DATE_RULES, **on("0001-01-01"))
    assert d.code == "NL303" and "gives Tuesday, January 2, 1" in d.message


# Numbers


def test_five_thousand_digit_number_is_not_a_figure():
    assert find_numbers(f"It was {HUGE} pages long.") == []
    assert codes(f"The bill was {HUGE} pages long, up from 5 pages.", NUMBER_RULES) == []


def test_five_thousand_digit_number_with_commas():
    grouped = ",".join(["777"] * 1700)
    assert find_numbers(f"It was {grouped} pages long.") == []
    assert codes(f"The bill was {grouped} pages long.", NUMBER_RULES) == []


def test_five_thousand_digit_number_with_a_unit_and_conversion():
    assert reading(HUGE) is None
    assert codes(f"The road is {HUGE} km (5 miles) long.", NUMBER_RULES) == []


def test_five_thousand_digit_percentage_and_money():
    text = f"Prices rose {HUGE}% last year, from 5 to 10. It cost ${HUGE} million, up from $5 million."
    assert codes(text, NUMBER_RULES) == []


def test_five_thousand_digit_age():
    assert codes(f"John Smith, {HUGE}, said he was 45. Smith, 45, left.", ["NL305"]) == []


def test_five_thousand_digit_number_against_sources():
    text = f"The road is {HUGE} km long and cost ${HUGE} million."
    assert codes(text, "NL6", against=[text.replace("7", "8")]) == []


def test_four_hundred_nines_with_a_conversion_do_not_overflow():
    assert codes("9" * 400 + " km (5 miles)", NUMBER_RULES) == []
    assert codes("The road is 5 km (" + "9" * 400 + " miles) long.", NUMBER_RULES) == []


def test_longest_figure_still_read():
    number = "9" * MAX_DIGITS
    [d] = lint(f"The road is {number} km (5 miles) long.", "NL101")
    assert "'5 miles' is not a conversion of" in d.message


def test_huge_exponent_in_words():
    text = "It cost a trillion trillion trillion trillion trillion trillion dollars, up from a trillion."
    assert codes(text, NUMBER_RULES) == []
    assert words_value(" ".join(["hundred"] * 200)) == float("inf")
    assert codes("It weighs " + "hundred " * 200 + "tonnes, up from five hundred tonnes.", NUMBER_RULES) == []


def test_percentage_of_ten_to_the_four_hundredth():
    text = "Prices rose 1" + "0" * 400 + "% in a year, from 5 to 10 pence, a 100% increase."
    assert codes(text, NUMBER_RULES) == []


def test_exponent_notation_is_not_a_number():
    assert codes("It is 1e400 km (5 miles) away.", NUMBER_RULES) == []
