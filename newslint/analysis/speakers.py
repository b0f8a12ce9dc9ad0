"""Quote speakers: the source each direct quotation is attributed to.

A quote takes the source of the nearest attribution outside quotation marks in its own
sentence, else in the previous or next sentence of its paragraph, else the speaker of an
earlier quote in the paragraph. A paragraph that opens with a quote continues the previous
paragraph's speaker: the speaker of its last quote, else its last named source outside quotes
("X said:", or "X said ..." followed by a quote paragraph, as news copy runs quotes on).
"""

from __future__ import annotations

from dataclasses import dataclass

NEEDS = ("attributions", "sentences")


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
