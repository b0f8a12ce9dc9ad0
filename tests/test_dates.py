"""Date extraction and the publication-date option behind NL303 and NL304 (their cases are fixtures)."""

from __future__ import annotations

from datetime import date

from newslint.analysis.dates import paragraph_mentions, resolved_year
from tests.conftest import codes


def test_publication_date_option_sets_the_reference():
    text = "The minister resigned yesterday (Thursday), aides said."
    assert codes(text, "NL303", figures={"publication-date": "2023-10-14"}) == ["NL303"]
    assert codes(text, "NL303", figures={"publication-date": "2023-10-13"}) == []


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
