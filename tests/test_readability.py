"""NL501-NL503 beyond their fixtures (tests/fixtures/readability): options, severity and fixes."""

from __future__ import annotations

from tests.conftest import codes, lint

HARD = (
    "Notwithstanding considerable institutional reluctance, parliamentary representatives unanimously "
    "authorised comprehensive infrastructural modernisation programmes, simultaneously establishing "
    "supplementary administrative oversight mechanisms and intergovernmental coordination responsibilities "
    "for every participating regional authority, notwithstanding substantial organisational "
    "objections."
)
EASY = (
    "The storm hit the coast on Sunday night. Trees fell on two roads. Power went out in about 300 homes. "
    "Crews worked through the night and most lights were back on by noon. No one was hurt, the fire "
    "service said."
)


def test_limit_is_configurable():
    text = "The mayor opened the new library on Monday and thanked the volunteers who had raised the money."
    assert codes(text, "NL501") == []
    assert codes(text, "NL501", readability={"max-sentence-words": 10}) == ["NL501"]


def test_paragraph_grade_is_information():
    [d] = lint(HARD, "NL502")
    assert d.severity.value == "info"


def test_target_is_configurable():
    assert codes(EASY, "NL502", readability={"target-grade": 0.5}) == ["NL502"]


def test_adjacent_repeat_has_a_fix_that_removes_the_second_word():
    text = "Officials said the the road would reopen."
    [d] = lint(text, "NL503")
    [edit] = d.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "Officials said the road would reopen."


def test_repeat_inside_a_quote_is_reported_without_a_fix():
    [d] = lint("“We will will win,” she said.", "NL503")
    assert d.fix is None
