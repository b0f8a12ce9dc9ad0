"""The look-ups that keep rules linear give what a full scan gives, and compare only what can match.

Offsets are found by bisection (`newslint.positions`) and names, figures and places are compared
only within groups that can match; each test checks one index against the scan it replaces, or
counts the comparisons a rule makes on input where nothing can match.
"""

from __future__ import annotations

import random
import re

import pytest

from newslint.analysis.figures import RANGE_BEFORE, RANGE_BETWEEN, RANGE_WORDS
from newslint.analysis.identity import name_words, people, spelling
from newslint.analysis.names import NameMention
from newslint.document import Span
from newslint.folding import is_derived, is_plural, is_typing_slip
from newslint.numbers import find_numbers
from newslint.positions import Entities, Sentences, SpanIndex, tail_start
from newslint.readers import read_document
from tests.conftest import codes, lint

PIECES = ["He said", " “yes”", " ‘no’", " and", ' "maybe', "”", "\n\n", " it's", " ‘quoted’ text", ".", " “open"]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))


@pytest.mark.parametrize("seed", range(40))
def test_quotation_index_matches_scans(seed):
    rng = random.Random(seed)
    document = read_document("draft.txt", random_text(rng).encode())
    size = len(document.text)
    visible = [not ch.isspace() for ch in document.prose]
    for _ in range(200):
        start = rng.randint(0, size)
        end = rng.randint(start, size)
        assert document.in_quote(start, end) == any(q.covers(start, end) for q in document.quotes)
        inside = sum(visible[i] for i in range(start, end) if any(i in q for q in document.quotes))
        total = sum(visible[start:end])
        assert document.quoted_share(start, end) == pytest.approx(inside / total if total else 0.0)


def test_span_index_of_nested_spans_matches_a_scan():
    rng = random.Random(7)
    spans = []
    for _ in range(60):
        start = rng.randint(0, 100)
        spans.append(Span(start, start + rng.randint(0, 30)))
    index = SpanIndex(spans)
    for start in range(0, 130):
        for end in range(start, 135, 7):
            assert index.covers(start, end) == any(s.covers(start, end) for s in spans)
            assert sorted(map(id, index.overlapping(start, end))) == sorted(
                id(s) for s in spans if s.start < end and start < s.end
            )
        assert index.starting_in(start, start + 10) == sorted(
            (s for s in spans if start <= s.start < start + 10), key=lambda s: (s.start, s.end)
        )


def test_sentence_and_entity_indexes_match_spacy():
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Kim met Putin. Then they left!  Rain fell on Paris and on Lyon. Done")
    doc.ents = [
        Span(doc, 0, 1, "PERSON"),
        Span(doc, 2, 3, "PERSON"),
        Span(doc, 12, 13, "GPE"),
        Span(doc, 15, 16, "GPE"),
    ]
    sentences, entities = Sentences(doc), Entities(doc)
    for token in doc:
        assert sentences.of_token(token.i) == token.sent
        assert entities.at(token.i) == next((e for e in doc.ents if e.start <= token.i < e.end), None)
    for offset in range(len(doc.text) + 1):
        assert sentences.at_char(offset) == next((s for s in doc.sents if s.start_char <= offset < s.end_char), None)
    for sent in doc.sents:
        assert entities.within(sent.start, sent.end) == list(sent.ents)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert entities.around(start, end) == [e for e in doc.ents if e.start <= start and end <= e.end]


@pytest.mark.parametrize("pattern", [RANGE_BEFORE, RANGE_BETWEEN])
def test_patterns_read_back_only_a_few_words(pattern):
    rng = random.Random(3)
    words = ["from", "to", "and", "or", "between", "5", "%", "percent", "-", "–", "x", "  ", "\n", "12,000"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        end = len(text)
        window = tail_start(text, end, RANGE_WORDS)
        assert bool(pattern.search(text, window, end)) == bool(pattern.search(text[:end]))


def test_numbers_in_words_beside_digits():
    numbers = find_numbers("five, 6, seven, 8 and dozens of nine hundred")
    assert [n.text for n in numbers] == ["five", "6", "seven", "8", "dozens", "nine hundred"]


def test_surname_is_compared_only_with_full_names_one_slip_away(monkeypatch):
    calls = []

    def counted(a: str, b: str) -> bool:
        calls.append((a, b))
        return is_typing_slip(a, b)

    monkeypatch.setattr(people, "is_typing_slip", counted)
    full = [
        NameMention(i * 20, i * 20 + 9, f"Ann Q{i:03d}x", "PERSON", f"ann q{i:03d}x", f"q{i:03d}x") for i in range(300)
    ]
    alone = [
        NameMention(9000 + i * 9, 9005 + i * 9, f"Z{i:03d}y", "PERSON", f"z{i:03d}y", f"z{i:03d}y") for i in range(300)
    ]
    assert people.surname_variants(full + alone) == []
    assert calls == []


def test_full_names_are_compared_only_with_names_one_word_and_one_letter_away(monkeypatch):
    calls = []
    monkeypatch.setattr(name_words, "same_person", lambda a, b: calls.append((a, b)) or False)
    rng = random.Random(7)
    given = {"".join(rng.choice("bcdfgklmnprstvz") for _ in range(7)) for _ in range(400)}
    full = [NameMention(i, i + 1, "x", "PERSON", f"{name} surname", "surname") for i, name in enumerate(sorted(given))]
    assert name_words.merged_people(full) == {}
    assert len(calls) < len(full)


def test_near_spellings_are_looked_up_by_first_letter_and_length(monkeypatch):
    calls = []
    monkeypatch.setattr(spelling, "distance", lambda a, b: calls.append((a, b)) or 9)
    known = [f"{letter}{'a' * size}" for letter in "bcdefghijk" for size in range(5, 40)]
    assert spelling.closest("zaaaaaa", spelling.Nearby(known)) is None
    assert calls == []
    assert spelling.closest("baaaaaa", spelling.Nearby(known)) is None
    assert calls and all(b[0] == "b" and abs(len(b) - 7) <= 2 for _, b in calls)


def test_nearby_picks_what_a_scan_picks():
    rng = random.Random(11)
    letters = "abn"
    for _ in range(300):
        known = list(dict.fromkeys("".join(rng.choice(letters) for _ in range(rng.randint(4, 8))) for _ in range(30)))
        folded = "".join(rng.choice(letters) for _ in range(rng.randint(5, 8)))
        assert spelling.closest(folded, spelling.Nearby(known)) == spelling.closest(folded, known)


def test_demonyms_and_plurals_are_found_as_by_a_scan():
    rng = random.Random(5)
    endings = spelling.demonym_endings()
    for _ in range(2000):
        named = {"".join(rng.choice("aeinrs") for _ in range(rng.randint(1, 7))) for _ in range(20)}
        folded = "".join(rng.choice("aeinrs") for _ in range(rng.randint(1, 9)))
        scan = any(is_derived(folded, n, endings) or is_plural(folded, n) for n in named)
        assert spelling.derived_or_plural(folded, named, endings) == scan


def test_one_sentence_of_many_measurements():
    text = "It rose " + ", ".join(f"{i + 5} km" for i in range(300)) + ", and 7 miles (11 km)."
    assert codes(text, "NL1") == []


def test_one_paragraph_of_many_sentences_keeps_its_findings():
    sentence = "The decision has sparked concerns about the price of feed. "
    quote = "“It is fine,” Smith said. "
    one = lint(sentence + quote, "NL401")
    many = lint((sentence + quote) * 60, "NL401")
    assert len(one) == 1
    step = len(sentence + quote)
    assert [(d.start - i * step, d.end - i * step) for i, d in enumerate(many)] == [(one[0].start, one[0].end)] * 60


def test_quotes_and_attributions_across_many_paragraphs():
    paragraph = "“We will rebuild,” the mayor said on Monday.\n\nCritics say the plan is significant.\n\n"
    found = lint(paragraph * 80, ["NL401", "NL403"])
    assert len(found) == len(lint(paragraph, ["NL401", "NL403"])) * 80
    assert all(re.search(r"\S", d.message) for d in found)
