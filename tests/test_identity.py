"""The identity module: same-entity tests on spellings, and the identity facts the place and
name rules report, with the other spelling as a related location rather than a line number."""

from __future__ import annotations

import pytest

from newslint.analysis import Analyzer
from newslint.analysis.identity import (
    closest,
    house_style_uses,
    misspelled_places,
    name_form,
    name_spelling,
    name_variants,
    place_form,
    place_variants,
    same_person,
    same_place,
)
from newslint.readers import read_document
from tests.conftest import lint


def analysed(text: str):
    document = read_document("draft.txt", text.encode("utf-8"))
    return Analyzer().analyze([document], ("entities", "sentences"))[0]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Sao Paulo", "São Paulo", True),
        ("Najin", "Rajin", True),  # a listed variant group
        ("Iran", "Iraq", False),  # too short to compare by spelling
        ("US", "U.S.", False),  # abbreviations are house style, not identity
    ],
)
def test_same_place(a, b, same):
    assert same_place(a, b) is same


@pytest.mark.parametrize(
    ("folded", "place", "typing_only", "slip"),
    [
        ("kazahkstan", "kazakhstan", True, True),  # neighbours swapped
        ("brazill", "brazil", True, True),  # a letter doubled
        ("austrailia", "australia", False, True),  # one edit in a long name
        ("austrailia", "australia", True, False),  # but not a typing slip
        ("phillipines", "philippines", False, True),  # two edits, one a typing slip
        ("australasia", "australia", False, False),  # two edits, neither a slip
        ("buenos aries", "buenos aires", True, True),  # one word of two
        ("kings own", "kingstown", False, False),  # words are never joined or split
        ("argentine", "argentina", False, False),  # a demonym
        ("austrailian", "australia", False, False),  # a misspelled demonym
        ("nairobbi", "nairobi", True, True),  # a doubled letter, not a demonym
        ("germans", "germany", False, False),
        ("chian", "china", False, True),
        ("chine", "china", False, False),  # short names need a typing slip
    ],
)
def test_misspelled_place(folded, place, typing_only, slip):
    from newslint.analysis.identity.places import misspelled

    assert misspelled(folded, place, typing_only) is slip


def test_closest_spelling_leaves_out_demonyms_and_plurals():
    assert closest("nakhin", ["najin"]) == "najin"
    assert closest("russian", ["russia"]) is None
    assert closest("clintons", ["clinton"]) is None


def test_same_person_needs_the_same_given_names():
    assert same_person("angela merkel", "angela merkl")
    assert not same_person("angela merkel", "anna merkl")


def test_spellings_compared_across_documents():
    assert name_spelling("PETER Capaldi") == "Peter Capaldi"
    assert name_form("José Smith Jr.") == name_form("Jose Smith Jr")
    assert place_form("São Paulo") == place_form("Sao-Paulo")


def test_place_variants_name_the_other_spelling():
    analysis = analysed("Cargo left the port of Najin on Monday. Satellite images showed ships at Rajin on Friday.")
    [variant] = place_variants(analysis, {})
    assert (variant.mention.text, variant.reference.text, variant.written, variant.near) == (
        "Rajin",
        "Najin",
        "Najin",
        False,
    )


def test_house_style_and_misspelling_facts():
    analysis = analysed("Russian drones struck Kiev overnight. Trains went to Tikhorestk, Russia.")
    assert [(r.mention.text, r.use) for r in house_style_uses(analysis, {})] == [("Kiev", "Kyiv")]
    assert [(r.mention.text, r.use) for r in misspelled_places(analysis)] == [("Tikhorestk", "Tikhoretsk")]
    assert house_style_uses(analysis, {"Kiev": "Kiev"}) == []


ZELENSKY = "Volodymyr Zelensky spoke on Monday. Zelensky later left.\n\nZelenskky did not, officials said."


def test_surname_variant_keeps_the_full_name_as_reference():
    analysis = analysed(ZELENSKY)
    [variant] = name_variants(analysis)
    assert (variant.mention.text, variant.reference.text, variant.written, variant.near) == (
        "Zelenskky",
        "Volodymyr Zelensky",
        "Zelensky",
        True,
    )


@pytest.mark.parametrize(
    ("text", "code", "message", "related"),
    [
        (
            "Cargo left the port of Najin on Monday. Satellite images showed ships at Rajin on Friday.",
            "NL201",
            "'Rajin' is another spelling of 'Najin'; use one spelling",
            "spelled 'Najin' here",
        ),
        (
            "Kim Jong-un met Vladimir Putin in September.\n\nKim Jong Un then toured a rocket base.",
            "NL204",
            "'Kim Jong Un' is also written 'Kim Jong-un'; use one spelling",
            "spelled 'Kim Jong-un' here",
        ),
        (
            ZELENSKY,
            "NL204",
            "'Zelenskky' is written 'Zelensky' in 'Volodymyr Zelensky'; use one spelling",
            "named 'Volodymyr Zelensky' here",
        ),
    ],
)
def test_messages_hold_no_position_the_related_location_does(text, code, message, related):
    [diagnostic] = lint(text, code)
    assert diagnostic.message == message
    [where] = diagnostic.related
    assert where.message == related
    assert text[where.start : where.end] in related


def test_unit_agreement_across_sources_follows_the_tolerance_option():
    source = "The camp lies 45 kilometers from the river and 75 kilometers from the city."
    draft = "The camp lies 45 miles from the city."
    assert [d.code for d in lint(draft, "NL602", against=[source])] == ["NL602"]
    assert lint(draft, "NL602", against=[source], sources={"tolerance": 0.05}) == []
