"""Every rule's functional fixture (tests/fixtures/FAMILY/NLxxx.yaml): the marked findings, no more."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newslint.registry import all_rules
from tests.fixture_runner import all_cases, check, fixture_files, parse_marks, render

CASES = all_cases()


@pytest.mark.parametrize("case", [case for _, case in CASES], ids=[name for name, _ in CASES])
def test_fixture(case):
    check(case)


@pytest.mark.parametrize("code", list(all_rules()))
def test_every_rule_has_positive_and_negative_cases(code):
    kinds = {case.kind for _, case in CASES if case.code == code}
    assert kinds == {"positive", "negative"}, f"tests/fixtures needs {code}.yaml with both kinds of case"


@pytest.mark.parametrize("path", fixture_files(), ids=lambda path: path.stem)
def test_each_fixture_sits_in_its_rules_family(path):
    rules = all_rules()
    assert path.stem in rules and path.parent.name == rules[path.stem].category


def test_marks_nest_and_name_other_rules():
    text, marks = parse_marks("a [[b [[c|NL405]] d]] e", "NL401")
    assert text == "a b c d e" and marks == ((2, 7, "NL401"), (4, 5, "NL405"))
    assert render(text, marks, "NL401") == "a [[b [[c|NL405]] d]] e"
    assert render("ab", ((1, 1, "NL401"), (0, 2, "NL401")), "NL401") == "[[a[[]]b]]"


def test_a_failing_case_shows_the_marked_text_as_a_diff():
    (case,) = [case for _, case in CASES if case.text == "Russian drones struck Kiev overnight, officials said."]
    text, wrong = parse_marks("Russian [[drones]] struck Kiev overnight, officials said.", "NL202")
    with pytest.raises(AssertionError) as failure:
        check(replace(case, expected=wrong))
    assert str(failure.value).splitlines()[-2:] == [
        "-Russian [[drones]] struck Kiev overnight, officials said.",
        "+Russian drones struck [[Kiev]] overnight, officials said.",
    ]
