"""Quote speakers: the source each direct quotation is attributed to.

A quote takes the source of the nearest attribution outside quotation marks in its own
sentence, else in the previous or next sentence of its paragraph, else the speaker of an
earlier quote in the paragraph, else the named words that introduce it with a colon, else
the subject (a person or personal pronoun) of the sentence a partial quote sits in. A paragraph that opens with a quote continues the previous
paragraph's speaker: the speaker of its last quote, else its last named source outside quotes
("X said:", or "X said ..." followed by a quote paragraph, as news copy runs quotes on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEEDS = ("attributions", "sentences", "entities", "tags")

SPEAKING = {"PERSON", "ORG", "NORP"}
PERSONAL = {"i", "we", "he", "she", "they"}
TRANSCRIPT = re.compile(r"[\"“‘']?([A-Z][A-Z.'’ -]{1,30}):\s")


@dataclass(frozen=True)
class QuoteSpeaker:
    """A direct quotation (`start`-`end`) and who said it; `speaker` is None when nobody did."""

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    link: str = "none"


def sentence_spans(pa) -> list[tuple[int, int]]:
    return [(pa.offset + s.start_char, pa.offset + s.end_char) for s in pa.doc.sents]


def nearest(attributions, start: int, end: int, lo: int, hi: int):
    """The attribution with a cue in [lo, hi) closest to the quote [start, end)."""
    inside = [a for a in attributions if lo <= a.start < hi]
    return min(inside, key=lambda a: min(abs(a.start - end), abs(a.end - start)), default=None)


def speaker_for(quote, attributions, sentences):
    """(attribution, link) for a quote from its own paragraph, or (None, "none")."""
    touching = [i for i, (lo, hi) in enumerate(sentences) if lo < quote.end and quote.start < hi]
    if not touching:
        return None, "none"
    first, last = touching[0], touching[-1]
    found = nearest(attributions, quote.start, quote.end, sentences[first][0], sentences[last][1])
    if found:
        return found, "sentence"
    for index, link in ((first - 1, "previous sentence"), (last + 1, "next sentence")):
        if 0 <= index < len(sentences):
            found = nearest(attributions, quote.start, quote.end, *sentences[index])
            if found:
                return found, link
    return None, "none"


def introducer(pa, quote) -> tuple[int, int] | None:
    """The words that introduce a quote with a colon ("Peggy Drexler, CNN:", "Limbaugh
    continued:"), when they name someone: a person, an organisation, a proper noun or a personal
    pronoun."""
    start = quote.start - pa.offset
    before = pa.doc.text[:start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    sentence = next((s for s in pa.doc.sents if s.start_char <= colon < s.end_char), None)
    tokens = [t for t in pa.doc if sentence is not None and sentence.start_char <= t.idx < colon]
    if tokens and any(t.ent_type_ in SPEAKING or t.pos_ == "PROPN" or t.lower_ in PERSONAL for t in tokens):
        return pa.offset + tokens[0].idx, pa.offset + colon
    return None


def transcript_label(document, quote) -> tuple[int, int] | None:
    """A transcript line quoted whole: the speaker's name in capitals before a colon ("PENCE: ...")."""
    text = document.text[quote.start : quote.end]
    m = TRANSCRIPT.match(text)
    return (quote.start + m.start(1), quote.start + m.end(1)) if m else None


def embedding_subject(pa, quote) -> tuple[int, int] | None:
    """The subject of the sentence a partial quote sits in ("McConnell commended the president
    “for taking ...”", "she was “whisked ... off”"), when it is a person or a personal pronoun."""
    start = quote.start - pa.offset
    sentence = next((s for s in pa.doc.sents if s.start_char <= start < s.end_char), None)
    if sentence is None or not pa.doc.text[sentence.start_char : start].strip():
        return None
    for t in sentence:
        if t.idx >= start:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and (t.ent_type_ in SPEAKING or t.lower_ in PERSONAL):
            return pa.offset + t.left_edge.idx, pa.offset + t.idx + len(t)
    return None


def as_speaker(quote, attribution, link: str) -> QuoteSpeaker:
    return QuoteSpeaker(
        quote.start,
        quote.end,
        attribution.resolved_source or attribution.source_text,
        attribution.source_start,
        attribution.source_end,
        link,
    )


def extract(analysis) -> list[QuoteSpeaker]:
    document = analysis.document
    speakers: list[QuoteSpeaker] = []
    carried: QuoteSpeaker | None = None
    for pa in analysis.paragraphs:
        p = pa.paragraph
        quotes = [q for q in document.quotes if p.start <= q.start < p.end]
        attributions = [
            a
            for a in analysis.facts("attributions")
            if p.start <= a.start < p.end and a.source_text and not document.in_quote(a.start, a.end)
        ]
        sentences = sentence_spans(pa)
        previous: QuoteSpeaker | None = None
        for quote in quotes:
            attribution, link = speaker_for(quote, attributions, sentences)
            if attribution:
                found = as_speaker(quote, attribution, link)
            elif previous and previous.speaker:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(previous), "paragraph")
            elif carried and quote.start == p.start:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(carried), "continued")
            elif named := introducer(pa, quote) or transcript_label(document, quote) or embedding_subject(pa, quote):
                link = (
                    "introduced"
                    if introducer(pa, quote)
                    else "transcript"
                    if transcript_label(document, quote)
                    else "subject"
                )
                found = QuoteSpeaker(quote.start, quote.end, document.text[slice(*named)], *named, link)
            else:
                found = QuoteSpeaker(quote.start, quote.end, None, None, None)
            speakers.append(found)
            previous = found
        carried = carried_speaker(p, previous, attributions)
    return speakers


def speaker_fields(quote: QuoteSpeaker) -> tuple:
    return quote.speaker, quote.speaker_start, quote.speaker_end


def carried_speaker(paragraph, last_quote, attributions) -> QuoteSpeaker | None:
    """The speaker a quote opening the next paragraph continues, if any."""
    if last_quote and last_quote.speaker:
        return last_quote
    if attributions:
        a = attributions[-1]
        return QuoteSpeaker(
            paragraph.end, paragraph.end, a.resolved_source or a.source_text, a.source_start, a.source_end
        )
    return None
