"""The name facts behind NL204 (its cases are in tests/fixtures/places/NL204.yaml)."""

from __future__ import annotations

import pytest

from newslint.analysis import Analyzer
from newslint.analysis.identity import house_dictionary
from newslint.analysis.identity.name_words import same_person, sound
from newslint.analysis.names import name_key
from newslint.engine import expand_needs
from newslint.readers import read_document
from tests.conftest import lint


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("KIM JONG UN", "Kim Jong Un"),
        ("José Mourinho", "Jose Mourinho"),
        ("Qaddafi", "Gaddafi"),
        ("J.K. Rowling", "J. K. Rowling"),
    ],
)
def test_keys_fold_spelling(a, b):
    assert name_key(a) == name_key(b)


def test_keys_keep_distinct_names_apart():
    assert name_key("Kim Jong Un") != name_key("Kim Jong Nam")
    assert name_key("Joe Biden") != name_key("Hunter Biden")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("aleksandr lukashenko", "alexander lukashenko", True),  # ks/x, -er
        ("yevgeny prigozhin", "evgeny prigozhin", True),  # ye/e
        ("dmitriy medvedev", "dmitri medvedev", True),  # y/i, a doubled letter
        ("sadiq khan", "sadiq kahn", True),  # letters swapped in a short surname
        ("nicola sturgeon", "nicloa sturgeon", True),  # letters swapped in a given name
        ("angela merkel", "angela merkl", True),  # one edit in a long surname
        ("maria draghi", "mario draghi", False),  # given names that differ at the end
        ("paul allen", "paula allen", False),
        ("kim jong un", "kim yo jong", False),  # relatives: more than one word differs
        ("john smith", "jon smyth", False),
        ("kim jong un", "kim jong nam", False),
        ("michael gove", "michael grove", False),  # one edit in a short surname
        ("gordon brown", "gordon browns", False),  # a plural
    ],
)
def test_same_person_word_by_word(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_transliteration_folds_letter_groups_from_the_pack():
    assert sound("aleksei") == sound("alexei") == sound("aleksej")
    assert sound("yuriy") == sound("yuri")
    assert sound("viktor") != sound("victor")  # c/k is left alone: "Carl" is not "Karl"


def test_the_house_dictionary_replaces_the_word_it_lists_with_a_fix():
    text = "Muammar Qaddafi ruled Libya. Col Kadhafi was killed in 2011; Gaddafi's son fled."
    found = lint(text, "NL204", names={"spellings": {"Qaddafi": "Gaddafi"}})
    assert [text[d.start : d.end] for d in found] == ["Qaddafi", "Kadhafi"]
    assert [d.fix.edits[0].replacement for d in found] == ["Gaddafi", "Gaddafi"]
    assert found[0].message == "house style writes this name 'Gaddafi', not 'Qaddafi'"


def test_an_unlisted_variant_has_no_fix():
    text = "Kim Jong-un met Vladimir Putin in September. Kim Jong Un then toured a rocket base."
    [finding] = lint(text, "NL204", names={"spellings": {"Qaddafi": "Gaddafi"}})
    assert text[finding.start : finding.end] == "Kim Jong Un" and finding.fix is None


def test_the_pack_lists_house_spellings_and_the_configuration_overrides_them(monkeypatch):
    monkeypatch.setattr(house_dictionary, "pack_entries", lambda: ({"use": "Gaddafi", "not": ["Qaddafi"]},))
    analysis = Analyzer().analyze([read_document("d.txt", b"Muammar Qaddafi ruled Libya.")], expand_needs(["names"]))[0]
    assert [r.use for r in house_dictionary.house_names(analysis, {})] == ["Gaddafi"]
    assert house_dictionary.house_names(analysis, {"Gaddafi": "Qaddafi"}) == []
