"""NL303 weekday/date mismatch and NL304 impossible or inverted dates; date extraction."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from newslint.analysis.dates import paragraph_mentions, resolved_year
from tests.conftest import codes, flagged, lint

NAMES = list(calendar.day_name)
START = date(2023, 1, 2)
DAYS = [START + timedelta(days=37 * i) for i in range(40)]


def wrong(d: date) -> str:
    return NAMES[(d.weekday() + 1 + d.day % 5) % 7]


FORMATS = [
    lambda d, w: f"The vote took place on {w}, {d:%B} {d.day}, {d.year}, in the capital.",
    lambda d, w: f"The talks ended on {w}, {d.day} {d:%B} {d.year}, without a deal.",
    lambda d, w: f"Ministers will meet again on {w}, {d:%B} {d.day}, {d.year}.",
    lambda d, w: f"Police said the raid began early on {w} {d.day} {d:%B} {d.year}.",
]

POSITIVE_303 = [FORMATS[i % 4](d, wrong(d)) for i, d in enumerate(DAYS[:32])] + [
    "date 2023-10-14\n\nThe minister resigned yesterday (Thursday), aides said.",
    "date 2023-10-14\n\nToday, Friday, the talks resume.",
    "---\ndate: 2024-03-05\n---\n\nThe result was announced yesterday (Sunday).",
    "Washington, D.C., October 13, 2023 – Officials said yesterday (Friday) that the talks had failed.",
    "Geneva, 2 May 2022 (Wire) - Delegates met tonight, Tuesday, to sign the deal.",
    "date 2022-02-28\n\nThe strike ends tomorrow, Wednesday, the union said.",
    "The hearing was held on Saturday, the 3rd of March 2024.",
    "It happened on Monday, Feb. 29, 2024.",
]
NEGATIVE_303 = [FORMATS[i % 4](d, NAMES[d.weekday()]) for i, d in enumerate(DAYS[:30])] + [
    "Washington, Oct 13 (EFE).- The United States said Friday that North Korea sent containers.",
    "date 2023-10-14\n\nThe minister resigned yesterday (Friday), aides said.",
    "date 2023-10-14\n\nToday, Saturday, the talks resume.",
    "The talks resume on Friday, October 13.",  # no year anywhere: cannot be checked
    "Officials met on Thursday. On Friday they signed a deal.",
    "The strike ended on Friday, the union said, and work resumed on Monday.",
    "---\ndate: 2024-03-05\n---\n\nThe result was announced yesterday (Monday).",
    "The deal was signed on Tuesday, Nov. 7, 2023, in Paris.",
    "The band plays every Friday and Saturday in May 2023.",
    "Washington, D.C., October 13, 2023 – Officials said on Friday, October 13, that the talks had failed.",
]


@pytest.mark.parametrize("text", POSITIVE_303)
def test_wrong_weekday_is_reported(text):
    assert "NL303" in codes(text, "NL303", suffix=".md" if text.startswith("---") else ".txt")


@pytest.mark.parametrize("text", NEGATIVE_303)
def test_right_or_uncheckable_weekday_stays_silent(text):
    assert codes(text, "NL303", suffix=".md" if text.startswith("---") else ".txt") == []


def test_publication_date_option_sets_the_reference():
    text = "The minister resigned yesterday (Thursday), aides said."
    assert codes(text, "NL303", figures={"publication-date": "2023-10-14"}) == ["NL303"]
    assert codes(text, "NL303", figures={"publication-date": "2023-10-13"}) == []


def test_year_is_taken_from_the_publication_date_when_close():
    assert "NL303" in codes("date 2023-10-14\n\nThe vote was on Thursday, October 13.", "NL303")
    assert codes("date 2023-10-14\n\nThe vote was on Thursday, April 13.", "NL303") == []


IMPOSSIBLE = [
    f"{m} {d}"
    for m, d in [("September", 31), ("February", 30), ("April", 31), ("June", 31), ("November", 31), ("February", 31)]
]
POSITIVE_304 = (
    [f"The shipment left on {d}, officials said." for d in IMPOSSIBLE]
    + [f"The report is dated {d}, 2023." for d in IMPOSSIBLE]
    + [f"Talks were held on 31 {m} in Geneva." for m in ("April", "June", "September", "November")]
    + ["The law took effect on February 29, 2023.", "The law took effect on 29 February 2021."]
    + [
        f"The containers were shipped between {a} and {b}."
        for a, b in [
            ("October 1", "September 7"),
            ("March 20", "March 3"),
            ("July 4", "June 30"),
            ("9 May", "2 May"),
            ("December 12", "November 1"),
            ("August 30", "August 1"),
        ]
    ]
    + [
        f"The festival runs from {a} to {b}."
        for a, b in [
            ("June 12", "June 3"),
            ("21 April", "14 April"),
            ("September 9, 2024", "September 2, 2024"),
            ("March 5, 2023", "January 5, 2023"),
            ("May 30", "May 1"),
            ("October 20", "October 2"),
        ]
    ]
    + [
        "date 2023-01-14\n\nThe vote is set for February 29.",
        "The ceasefire lasted from 12 March 2022 to 1 March 2022.",
        "Between November 30, 2021, and November 2, 2021, prices fell.",
        "Sales were counted between Oct. 31 and Oct. 4.",
        "It was published on Sept. 31.",
        "The hearing moved from June 31 to July 2.",
        "Flights stop between 20 August and 10 August.",
        "The ruling came on April 31, 2020.",
        "They met on 30 February.",
        "The exhibition runs from 18 May to 11 May.",
        "The offer is valid between January 20 and January 10.",
        "Payments were due on November 31.",
    ]
)
NEGATIVE_304 = (
    [
        f"The shipment left on {m} {d}, officials said."
        for m, d in [
            ("September", 30),
            ("February", 28),
            ("April", 30),
            ("October", 31),
            ("December", 31),
            ("January", 31),
        ]
    ]
    + [
        "The law took effect on February 29, 2024.",
        "The law took effect on 29 February 2000.",
        "They met on February 29.",
    ]
    + [
        f"The containers were shipped between {a} and {b}."
        for a, b in [
            ("September 7", "October 1"),
            ("March 3", "March 20"),
            ("June 30", "July 4"),
            ("2 May", "9 May"),
            ("December 20", "January 5"),
            ("November 28", "February 2"),
        ]
    ]
    + [
        f"The festival runs from {a} to {b}."
        for a, b in [
            ("June 3", "June 12"),
            ("14 April", "21 April"),
            ("December 30, 2023", "January 2, 2024"),
            ("March 5, 2023", "March 5, 2024"),
            ("May 1", "May 30"),
        ]
    ]
    + [
        "The score was 31-30 at half time.",
        "Route 31 and Highway 30 were closed.",
        "In May 31 people were hurt.",
        "The company posted results on 30 June and again on 31 December.",
        "He was born on 31 March 1990.",
        "Flights from Paris to Rome were cancelled on June 2.",
        "Between 200 and 300 people came on March 3.",
        "Washington, Oct 13 (EFE).- The United States said Friday that containers were shipped between September 7 and October 1.",
        "Since October 1, prices have risen; on September 7 they were lower.",
        "The window closes on April 30.",
        "She will sing from 9 p.m. to 11 p.m. on May 4.",
        "The trial ran from January 2021 to March 2022.",
        "The 31st annual fair opens on April 2.",
        "Rooms 30 and 31 were flooded on 1 June.",
        "Out of 31 applicants, 30 were accepted on June 30.",
        "The season ran from October to May.",
        "Numbers fell between 2019 and 2021.",
        "In April 31 teams applied.",
        "The polls close on November 30 and results come on December 1.",
        "The plan was approved on July 31, 2023.",
    ]
)


@pytest.mark.parametrize("text", POSITIVE_304)
def test_impossible_dates_and_inverted_ranges_are_reported(text):
    assert "NL304" in codes(text, "NL304")


@pytest.mark.parametrize("text", NEGATIVE_304)
def test_real_dates_and_ranges_stay_silent(text):
    assert codes(text, "NL304") == []


def test_inverted_range_covers_both_ends():
    text = "The containers were shipped between October 1 and September 7."
    assert flagged(text, "NL304") == ["October 1 and September 7"]


def test_extraction_kinds():
    kinds = [
        (m.text, m.kind)
        for m in paragraph_mentions(
            "Washington, Oct 13 (EFE).- Officials said Friday, between September 7 and October 1.", 0
        )
    ]
    assert kinds == [
        ("Oct 13", "dateline"),
        ("Friday", "weekday"),
        ("September 7", "range-start"),
        ("October 1", "range-end"),
    ]


def test_year_inference_is_only_close_to_the_reference():
    (m,) = paragraph_mentions("on December 28", 0)
    assert resolved_year(m, date(2024, 1, 3)) == 2023
    (m,) = paragraph_mentions("on June 28", 0)
    assert resolved_year(m, date(2024, 1, 3)) is None
    assert resolved_year(m, None) is None


def test_diagnostic_names_the_true_weekday():
    (d,) = lint("The vote took place on Thursday, October 14, 2023.", "NL303")
    assert "Saturday" in d.message
