"""Sentence lengths: each sentence's span and its number of words.

A word is a run of non-blank characters with a letter or a digit in it, so "Russian-flagged",
"Russia's" and "$500m" are one word each and a dash is none. A sentence the parser left joined
at a full stop ("set at $500m. It intends ...": the stop glued to an abbreviation) is cut
there, before a capitalised word that is not a proper noun. A headline run into the paragraph
(`furniture.headline_run`) is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.analysis import paragraph_sentences
from newslint.analysis.furniture import headline_run

NEEDS = ("sentences", "tags")


@dataclass(frozen=True)
class SentenceLength:
    start: int
    end: int
    words: int


def count_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def missed_stop(token) -> bool:
    """A full stop the parser did not end a sentence at: a token ending in "." followed by a
    capitalised word that is not a proper noun ("m. It", not "Mr. Smith" or "U.S. Army")."""
    if not token.text.endswith(".") or token.i + 1 >= len(token.doc):
        return False
    following = token.nbor(1)
    return following.text[:1].isupper() and following.pos_ not in ("PROPN", "NUM") and token.whitespace_ != ""


def pieces(sent) -> list[tuple[int, int]]:
    """(start, end) character offsets in the Doc of the sentence's pieces, cut at missed stops."""
    bounds, start = [], sent.start_char
    for token in sent[:-1]:
        if missed_stop(token):
            bounds.append((start, token.idx + len(token)))
            start = token.nbor(1).idx
    bounds.append((start, sent.end_char))
    return bounds


def paragraph(analysis, pa) -> list[SentenceLength]:
    text = pa.text
    run = headline_run(pa.doc) or 0
    result = []
    for span, sent in paragraph_sentences(pa):
        for start, end in pieces(sent):
            start = max(start, min(run, end))
            piece = text[start:end]
            lo = pa.offset + start + len(piece) - len(piece.lstrip())
            hi = pa.offset + end - len(piece) + len(piece.rstrip())
            if lo < hi:
                result.append(SentenceLength(max(lo, span.start), min(hi, span.end), count_words(piece)))
    return result
