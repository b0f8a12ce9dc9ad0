"""Sentence lengths: each sentence's span and its number of words (tokens that are neither
punctuation nor blank)."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.analysis import paragraph_sentences

NEEDS = ("sentences",)


@dataclass(frozen=True)
class SentenceLength:
    start: int
    end: int
    words: int


def paragraph(analysis, pa) -> list[SentenceLength]:
    return [
        SentenceLength(span.start, span.end, sum(1 for t in tokens if not (t.is_punct or t.is_space)))
        for span, tokens in paragraph_sentences(pa)
    ]
