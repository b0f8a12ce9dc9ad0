"""Figure frames: what the sentence of each figure speaks of, so that two documents' figures
are compared only when their sentences tell of one event (NL601).

A frame is the set of content words (nouns, proper nouns, verbs and adjectives, as lower-case
lemmas) of the figure's sentence, less stop words, speech verbs (the `cue-verbs` of
`rules/attribution.yaml`) and the `frame-ignored-words` of `rules/sources.yaml` ("officials
said" tells of no event). "An earthquake on a Gulf island that killed 10 people" and "It
killed 612 people and injured more than 1,400" share no word beyond their figures' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack

NEEDS = ("figures", "parse", "lemmas")

CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")


@dataclass(frozen=True)
class Frame:
    """The content words of the sentence of the figure at `start`-`end`, and all its words."""

    start: int
    end: int
    words: tuple[str, ...]  # sorted
    sentence: tuple[str, ...]  # lower case, in order, numbers and punctuation left out


@cache
def _ignored() -> frozenset[str]:
    return frozenset(load_pack("sources")["frame-ignored-words"]) | frozenset(load_pack("attribution")["cue-verbs"])


def paragraph(analysis, pa) -> list[Frame]:
    found, by_sentence = [], {}
    for candidate in analysis.paragraph_facts("figures", pa):
        f = candidate.figure
        span = pa.doc.char_span(f.start - pa.offset, f.end - pa.offset, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span.sent
        if sent.start not in by_sentence:
            words = {t.lemma_.lower() for t in sent if t.pos_ in CONTENT and t.is_alpha and not t.is_stop}
            by_sentence[sent.start] = tuple(sorted(words - _ignored())), tuple(t.lower_ for t in sent if t.is_alpha)
        found.append(Frame(f.start, f.end, *by_sentence[sent.start]))
    return found


def frames(analysis) -> dict[int, Frame]:
    """Each figure's start -> its frame."""
    return analysis.derived("frames", lambda: {f.start: f for f in analysis.facts("figure_frames")})
