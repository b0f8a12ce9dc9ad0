"""A long paragraph is parsed a sentence at a time, cut only where a sentence surely ends, so
that an edit re-parses only the sentence it touched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.analysis import Analyzer
from newslint.analysis.pieces import WHOLE, pieces
from newslint.nlp import components_for, pipeline
from newslint.readers import read_document

FILLER = "The council met on Tuesday to discuss the budget for the coming year. "


@pytest.fixture(scope="module")
def tokenizer():
    return pipeline(components_for({"sentences"})).tokenizer


def cut(tokenizer, middle: str) -> list[str]:
    """The pieces of `middle` between enough filler to make the paragraph long."""
    text = FILLER * (WHOLE // len(FILLER) + 1) + middle + " " + FILLER.strip()
    return [p for p in pieces(tokenizer, text, 20_000) if p != FILLER]


def test_a_short_paragraph_is_one_piece(tokenizer):
    text = "Prices rose. Wages fell. " * (WHOLE // 30)
    assert len(text) <= WHOLE
    assert pieces(tokenizer, text, 20_000) == [text]


def test_a_long_paragraph_is_cut_after_each_sentence(tokenizer):
    text = FILLER * 12
    assert pieces(tokenizer, text, 20_000) == [FILLER] * 12


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith and Gen. Jones met in St. Louis with Sen. Kerry.",
        "The U.S. Government said so.",
        "Lt. Col. North spoke, as did Capt. Kirk and Det. Insp. Morse.",
        "It was ranked No. 5 in the list.",
        'He said: "It is over. We go home." The crowd left.',
        "'We will fight. We will win,' said the coach.",
        "Sales rose 3.5% in 2004. 12 shops closed.",
        "The firm is based in Leeds. its rivals are not.",
    ],
)
def test_no_cut_where_a_sentence_may_not_end(tokenizer, sentence):
    found = cut(tokenizer, sentence)
    kept = {
        'He said: "It is over. We go home." The crowd left.': [
            'He said: "It is over. We go home." ',
            "The crowd left. ",
        ],
    }
    assert found[:-1] == kept.get(sentence, [sentence + " "])


def test_a_quotation_ending_a_sentence_is_cut_after_its_closing_mark(tokenizer):
    found = cut(tokenizer, "“It is over.” (The figures are provisional.) ‘Why?’ Nobody knows!")
    assert found[:-1] == ["“It is over.” ", "(The figures are provisional.) ", "‘Why?’ ", "Nobody knows! "]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!\"'“”‘’()\n5")), min_size=0, max_size=900))
def test_the_pieces_join_back_into_the_paragraph(tokenizer, text):
    assert "".join(pieces(tokenizer, text, 300)) == text


def test_an_edit_parses_again_only_the_sentence_it_touched(monkeypatch):
    analyzer = Analyzer()
    parsed: list[str] = []
    original = analyzer._parse

    def counted(nlp, components, texts):
        parsed.extend(texts)
        return original(nlp, components, texts)

    monkeypatch.setattr(analyzer, "_parse", counted)
    sentences = [f"The council met on day {i} to discuss the budget for the coming year. " for i in range(11)]
    sentences.append("It closed late.")
    first = analyzer.analyze([read_document("draft.txt", "".join(sentences).encode())], {"sentences"})[0]
    assert parsed == sentences
    parsed.clear()
    sentences[5] = "The mayor walked out of the meeting on the fifth day. "
    second = analyzer.analyze([read_document("draft.txt", "".join(sentences).encode())], {"sentences"})[0]
    assert parsed == [sentences[5]]
    doc = second.paragraphs[0].doc
    assert doc.text == second.paragraphs[0].text
    assert [s.text.strip() for s in doc.sents] == [s.strip() for s in sentences]  # one Doc, joined from the pieces
    assert first.paragraphs[0].doc is not doc


def test_a_paragraph_that_is_a_kept_piece_of_another_gets_its_doc():
    analyzer = Analyzer()
    sentences = [f"The council met on day {i} to discuss the budget for the coming year. " for i in range(11)]
    long = "".join(sentences) + "It closed late."
    analyzer.analyze([read_document("draft.txt", long.encode())], {"sentences"})
    edited = "The mayor spoke first. " + long  # its pieces kept from before, "It closed late." among them
    text = f"{edited}\n\nIt closed late.\n"
    analysis = analyzer.analyze([read_document("draft.txt", text.encode())], {"sentences"})[0]
    assert [pa.doc.text for pa in analysis.paragraphs] == [edited, "It closed late."]
