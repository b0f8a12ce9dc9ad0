"""NL101-NL105 beyond their fixtures (tests/fixtures/units/NL1xx.yaml): fixes, related locations, options."""

from __future__ import annotations

import pytest

from tests.conftest import flagged, lint
from tests.fixture_runner import FIXTURES, load

CODES = ("NL101", "NL102", "NL103", "NL104", "NL105")
MINIMUM = 40


@pytest.mark.parametrize("code", CODES)
def test_each_rule_has_enough_cases(code):
    cases = load(FIXTURES / "units" / f"{code}.yaml")
    for kind in ("positive", "negative"):
        assert sum(case.kind == kind for case in cases) >= MINIMUM


def test_false_precision_fix_rounds_to_the_source_precision():
    text = "The depot is about 290 kilometers (180.198 miles) from the border."
    (d,) = lint(text, "NL102")
    (edit,) = d.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == (
        "The depot is about 290 kilometers (180 miles) from the border."
    )


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("The plane flew at about 30,000 feet (9,144.0 metres).", "9,100"),
        ("The baby weighed 3.5 kg (7.71618 lb).", "7.7"),
        ("The lake is 5.0 miles (8.04672 km) wide.", "8.0"),
    ],
)
def test_false_precision_fix_keeps_the_writers_style(text, replacement):
    (d,) = lint(text, "NL102")
    assert d.fix.edits[0].replacement == replacement


def test_false_precision_in_a_quotation_has_no_fix():
    (d,) = lint('"The depot is about 290 kilometers (180.198 miles) away," he said.', "NL102")
    assert d.fix is None


def test_wrong_conversion_points_to_the_source():
    text = "The depot is about 290 km (290 miles) from the border."
    (d,) = lint(text, "NL101")
    assert text[d.related[0].start : d.related[0].end] == "290 km"
    assert "180 miles" in d.message


def test_conflicting_units_point_to_the_first_mention():
    text = "The depot is 290 kilometers away.\n\nTrains carried the containers the 290 miles to the depot."
    (d,) = lint(text, "NL103")
    assert text[d.related[0].start : d.related[0].end] == "290 kilometers"


def test_tolerance_option_widens_what_counts_as_a_conversion():
    text = "The road is 100.0 km (65 miles) long."
    assert flagged(text, "NL101") == ["65 miles"]
    assert flagged(text, "NL101", units={"tolerance": 0.05}) == []


def test_pair_forms_option_chooses_the_forms():
    text = "The route is 100 km, or 100 miles, long."
    assert flagged(text, "NL101") == ["100 miles"]
    assert flagged(text, "NL101", units={"pair-forms": ["parentheses"]}) == []


def test_false_precision_fix_is_not_offered_across_markup():
    (d,) = lint("The depot is about 290 km (**180.198** miles) away.", "NL102", suffix=".md")
    assert d.fix is None


def test_each_rule_severity_can_be_configured():
    (d,) = lint("The ship carried 40,000 tons of grain.", "NL105", severity={"NL105": "error"})
    assert d.severity.value == "error"
