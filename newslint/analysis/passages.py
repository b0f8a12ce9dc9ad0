"""Where a draft's quote may be found in another document (NL607), and who says it there.

A passage is a quotation of the other document, joined with the next one of its paragraph
when only a few words of attribution stand between them ("We will rebuild," he said, "and
soon."), and broken where an ellipsis or an editor's [insertion] stands for other words,
with the speaker the document gives it. Against sources, the prose between
quotations counts too, with no speaker: a transcript or press release need not use
quotation marks. Reported speech in that prose ("the company said it remains committed to
...") is left out: it is a paraphrase, not the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.textmatch import WORD, Normalised, Overlap, fragments, joined, normalise, overlap
from newslint.data import load_pack
from newslint.folding import fold

if TYPE_CHECKING:
    from newslint.analysis import Analysis


@dataclass(frozen=True)
class Passage:
    words: Normalised
    speaker: frozenset[str] | None  # as `speaker_key` folds it; None when the document names nobody


@cache
def _pack() -> dict:
    return load_pack("sources")


def speaker_key(name: str | None) -> frozenset[str] | None:
    """The words by which two attributions name one speaker, folded: the capitalised words of
    a name less titles (`honorifics` in `rules/names.yaml`: "Anna Berg, the transport chief"
    -> anna, berg), else the last word ("police", "the ministry"). None for nobody or a bare
    pronoun, which names no one."""
    words = [w for w in (name or "").replace(",", " ").split() if any(ch.isalpha() for ch in w)]
    if not words or (len(words) == 1 and fold(words[0]) in load_pack("attribution")["speaking-pronouns"]):
        return None
    titles = set(load_pack("names")["honorifics"])
    named = {fold(w).strip(".'’") for w in words if w[:1].isupper()} - titles - {"the"}
    return frozenset(named or {fold(words[-1])})


def same_speaker(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Two speaker keys that may be one speaker: sharing a word, or one of them unknown."""
    return a is None or b is None or bool(a & b)


def quote_speakers(analysis: Analysis) -> dict[tuple[int, int], frozenset[str] | None]:
    """Each quotation's (start, end) -> its speaker's key."""
    return analysis.derived(
        "quote-speakers", lambda: {(q.start, q.end): speaker_key(q.speaker) for q in analysis.facts("speakers")}
    )


def speaker_of(analysis: Analysis, fact) -> frozenset[str] | None:
    """The speaker's key of the quotation that holds `fact` (a piece of it)."""
    return next(
        (key for (start, end), key in quote_speakers(analysis).items() if start <= fact.start and fact.end <= end),
        None,
    )


def passages(analysis: Analysis, whole_text: bool) -> list[Passage]:
    """The passages of a document: its quotations (joined across a short attribution), and
    with `whole_text` the prose between them."""
    return analysis.derived(f"passages-{whole_text}", lambda: _passages(analysis, whole_text))


def _passages(analysis: Analysis, whole_text: bool) -> list[Passage]:
    text = analysis.document.text
    speakers = quote_speakers(analysis)
    found, group, cursor = [], [], 0
    for quote in analysis.document.quotes:
        if group and not attribution_gap(text, group[-1].end, quote.start):
            found += quoted(text, group, speakers)
            group = []
        if not group and whole_text and cursor < quote.start:
            found += prose(analysis, cursor, quote.start)
        group.append(quote)
        cursor = quote.end
    if group:
        found += quoted(text, group, speakers)
    if whole_text and cursor < len(text):
        found += prose(analysis, cursor, len(text))
    return [p for p in found if p.words.text]


def prose(analysis: Analysis, start: int, end: int) -> list[Passage]:
    """The prose of [start, end) as passages with no speaker, less its reported speech."""
    found = []
    for left, right in reported_speech(analysis):
        if right <= start or left >= end:
            continue
        if start < left:
            found.append(Passage(normalise(analysis.document.text, start, left), None))
        start = max(start, right)
    if start < end:
        found.append(Passage(normalise(analysis.document.text, start, end), None))
    return found


def reported_speech(analysis: Analysis) -> list[tuple[int, int]]:
    """The (start, end) of each attribution with its content, in order: "the company said it
    remains committed", whose words are the writer's, not the speaker's."""

    def compute() -> list[tuple[int, int]]:
        spans = []
        for a in analysis.facts("attributions"):
            if a.content_start is None:
                continue
            ends = [
                x
                for x in (a.start, a.end, a.content_start, a.content_end, a.source_start, a.source_end)
                if x is not None
            ]
            spans.append((min(ends), max(ends)))
        return sorted(spans)

    return analysis.derived("reported-speech", compute)


def quoted(text: str, group: list, speakers: dict) -> list[Passage]:
    """A run of quotations broken only by attribution, as passages: one per stretch between
    ellipses and editors' insertions, which stand for words left out or said otherwise."""
    speaker = next((s for q in group if (s := speakers.get((q.start, q.end)))), None)
    stretches: list[list[Normalised]] = [[]]
    for q in group:
        for i, (start, end) in enumerate(fragments(text, q.start, q.end)):
            if i:
                stretches.append([])
            stretches[-1].append(normalise(text, start, end))
    return [Passage(joined(parts), speaker) for parts in stretches if parts]


def attribution_gap(text: str, end: int, start: int) -> bool:
    """Between two quotations only a few words, in one paragraph, set off by a comma: the
    attribution that breaks a quotation ("...,” he said, “..."), at most
    `attribution-gap-words` of them; "“act of terror” and an “act of hate”" is two quotes."""
    gap = text[end:start]
    commas = "," in gap or "," in text[max(end - 2, 0) : end]
    return "\n" not in gap and commas and len(WORD.findall(gap)) <= _pack()["attribution-gap-words"]


def closest_wording(words: Normalised, speaker: frozenset[str] | None, found: list[Passage]) -> Overlap | None:
    """The overlap of `words` with the passage, of a speaker who may be `speaker`, that shares
    the most words with it."""
    overlaps = [o for p in found if same_speaker(speaker, p.speaker) and (o := overlap(words, p.words))]
    return max(overlaps, key=lambda o: (o.matched, o.score), default=None)
