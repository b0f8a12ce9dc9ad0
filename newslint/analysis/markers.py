"""Markers: hedges ("allegedly") and editorialising words ("alarming") in news copy.

Found with a spaCy PhraseMatcher on lower-case text from the `hedges` and `editorialising`
lists in `rules/attribution.yaml`, in every paragraph that is not page furniture.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack

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
    import spacy
    from spacy.matcher import PhraseMatcher

    tokenizer = spacy.blank("en").tokenizer
    pack = load_pack("attribution")
    built = PhraseMatcher(vocab, attr="LOWER")
    for kind in KINDS:
        built.add(kind, [tokenizer(phrase) for phrase in pack[kind]])
    return built


def extract(analysis) -> list[Marker]:
    furniture = {(f.start, f.end) for f in analysis.facts("furniture")}
    markers = []
    for pa in analysis.paragraphs:
        if (pa.paragraph.start, pa.paragraph.end) in furniture:
            continue
        for key, first, last in matcher(pa.doc.vocab)(pa.doc):
            span = pa.doc[first:last]
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
