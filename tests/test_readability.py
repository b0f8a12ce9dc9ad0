"""NL501-NL503 on texts written for these tests: what must fire and what must stay silent."""

from __future__ import annotations

import pytest

from tests.conftest import codes, flagged, lint

LONG = (
    "The regional council, which had promised for most of the year that the new bus routes would open "
    "before the start of the autumn term, said on Monday that drivers, planners and the software company "
    "hired to run the ticket system would all need several more weeks to finish their work."
)


# NL501 sentence too long ---------------------------------------------------------------------------


def test_long_sentence_is_flagged_with_its_word_count():
    [d] = lint(LONG, "NL501")
    assert "has 51 words (limit 40)" in d.message
    assert LONG[d.start : d.end] == LONG


def test_limit_is_configurable():
    text = "The mayor opened the new library on Monday and thanked the volunteers who had raised the money."
    assert codes(text, "NL501") == []
    assert codes(text, "NL501", readability={"max-sentence-words": 10}) == ["NL501"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor opened the new library on Monday. She thanked the volunteers.",
        "Short. Sentences. Only.",
        # A long quotation is the speaker's sentence, not the reporter's.
        "“We have waited for this bridge for a very long time, and we are grateful to every engineer, "
        "every welder, every driver and every family who put up with the noise and the dust and the "
        "closed roads for three long years,” the mayor said.",
        "",
    ],
)
def test_short_or_quoted_sentences_stay_silent(text):
    assert codes(text, "NL501") == []


def test_each_long_sentence_is_reported_once():
    assert codes(LONG + " It rained. " + LONG, "NL501") == ["NL501", "NL501"]


# NL502 paragraph grade -----------------------------------------------------------------------------

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


def test_hard_paragraph_is_flagged_with_its_grade():
    [d] = lint(HARD, "NL502")
    assert d.message.startswith("paragraph reads at grade ")
    assert d.severity.value == "info"


def test_easy_paragraph_stays_silent():
    assert codes(EASY, "NL502") == []


def test_target_is_configurable():
    assert codes(EASY, "NL502", readability={"target-grade": 0.5}) == ["NL502"]


def test_short_paragraphs_and_headings_are_not_measured():
    assert codes("Comprehensive infrastructural modernisation authorised unanimously.", "NL502") == []
    assert codes("# " + HARD.replace(",", ""), "NL502", suffix=".md") == []


def test_mostly_quoted_paragraph_is_not_measured():
    assert codes("“" + HARD + "” the minister said.", "NL502") == []


# NL503 repeated word --------------------------------------------------------------------------------

POSITIVE_503 = [
    ("Officials said the the road would reopen.", "the the"),
    ("The The council met on Monday.", "The The"),
    ("The bridge will will reopen next week.", "will will"),
    ("Police arrested a man in in the city centre.", "in in"),
    ("Flooding closed the\nthe main road.", "the\nthe"),
    ("Russia may again may provide support.", "may again may"),
    ("The minister has also has resigned.", "has also has"),
    ("Voters will still will decide.", "will still will"),
]


@pytest.mark.parametrize(("text", "span"), POSITIVE_503)
def test_repeated_words_are_flagged(text, span):
    assert flagged(text, "NL503") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough of the delays.",
        "She said that that decision was final.",
        "What it is is a question of money.",
        "Prices rose day after day.",
        "More and more families are leaving.",
        "They walked side by side.",
        "The the-ory of the case was weak.",
        "The US us-versus-them rhetoric grew.",
        "Bye bye, said the child.",
        "It rose 10 10 times.",
        "The council met. The council voted.",
        "Let's go, go, go! the coach shouted.",
        "He may, again, may not attend.",
        "Tickets for Duran Duran sold out.",
        "The band played Please Please Me twice.",
        "She was the first first lady to hold office.",
        "Critics called it a no no for voters.",
        "Sgt. Mourad Mourad was not hurt.",
    ],
)
def test_correct_repetitions_stay_silent(text):
    assert codes(text, "NL503") == []


def test_adjacent_repeat_has_a_fix_that_removes_the_second_word():
    text = "Officials said the the road would reopen."
    [d] = lint(text, "NL503")
    [edit] = d.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "Officials said the road would reopen."


def test_repeat_inside_a_quote_is_reported_without_a_fix():
    text = "“We will will win,” she said."
    [d] = lint(text, "NL503")
    assert d.fix is None and "quotation" in d.message
