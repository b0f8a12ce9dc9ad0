"""Markers: hedges ("allegedly") and editorialising words ("alarming") in news copy.

Found with a spaCy PhraseMatcher on lower-case text from the `hedges` and `editorialising`
lists in `rules/attribution.yaml`, in every paragraph that is not page furniture. A naming word ("so-called") that introduces a
quoted or capitalised name is neutral and left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack
from newslint.nlp import lasting, pattern_tokenizer

NEEDS = ("furniture", "sentences")

KINDS = ("hedges", "editorialising")


@dataclass(frozen=True)
class Marker:
    """A hedge or an editorialising word (`start`-`end`) in the sentence `sentence_start`-`sentence_end`."""

    start: int
    end: int
    kind: str
    text: str
    sentence_start: int
    sentence_end: int


@cache
def matcher(vocab):
    from spacy.matcher import PhraseMatcher

    tokenizer = pattern_tokenizer(vocab)
    pack = load_pack("attribution")
    built = PhraseMatcher(vocab, attr="LOWER")
    lasting(vocab, KINDS)
    for kind in KINDS:
        built.add(kind, [tokenizer(phrase) for phrase in pack[kind]])
    return built


def names_something(token) -> bool:
    """A quotation mark or a capitalised word: what follows is a name or a term being introduced."""
    return token.is_quote or token.text[:1] in "“‘\"'" or token.text[:1].isupper()


def paragraph(analysis, pa) -> list[Marker]:
    """The paragraph's markers; none in page furniture (a headline, a caption)."""
    if analysis.paragraph_facts("furniture", pa):
        return []
    naming = set(load_pack("attribution")["naming-words"])
    markers = []
    for key, first, last in matcher(pa.doc.vocab)(pa.doc):
        span = pa.doc[first:last]
        if span.text.lower() in naming and last < len(pa.doc) and names_something(pa.doc[last]):
            continue
        markers.append(
            Marker(
                pa.offset + span.start_char,
                pa.offset + span.end_char,
                pa.doc.vocab.strings[key],
                span.text,
                pa.offset + span.sent.start_char,
                pa.offset + span.sent.end_char,
            )
        )
    return markers
