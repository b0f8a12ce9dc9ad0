"""Quote speakers: the source each direct quotation is attributed to.

A quote takes the source of the nearest attribution outside quotation marks in its own
sentence, else in the previous or next sentence of its paragraph, else the speaker of an
earlier quote in the paragraph, else the named words that introduce it with a colon, else
the subject (a person or personal pronoun) of the sentence a partial quote sits in. A paragraph that opens with a quote continues the previous
paragraph's speaker: the speaker of its last quote, else its last named source outside quotes
("X said:", or "X said ..." followed by a quote paragraph, as news copy runs quotes on).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from newslint.data import load_pack
from newslint.positions import SpanIndex, sentences

NEEDS = ("attributions", "sentences", "entities", "tags")

SPEAKING = {"PERSON", "ORG", "NORP"}
TRANSCRIPT = re.compile(r"[\"“‘']?([A-Z][A-Z.'’ -]{1,30}):\s")


@cache
def _pronouns() -> frozenset[str]:
    """Pronouns that can speak a quotation ("he said"): `speaking-pronouns` in rules/attribution.yaml."""
    return frozenset(load_pack("attribution")["speaking-pronouns"])


@dataclass(frozen=True)
class QuoteSpeaker:
    """A direct quotation (`start`-`end`) and who said it; `speaker` is None when nobody did.

    `words` counts its words with letters and `capitalised` those that start with a capital (a
    quoted title or chant is mostly capitalised); `malformed` says its marks pair wrongly.
    """

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    link: str = "none"
    words: int = 0
    capitalised: int = 0
    malformed: bool = False


def badly_paired(text: str, start: int, end: int) -> bool:
    """Quotation marks paired wrongly: a closing mark after a blank, or an inch mark after a digit."""
    closing_after_blank = end - start > 2 and text[end - 1] in '"”’' and text[end - 2].isspace()
    inch_mark = start > 0 and text[start - 1].isdigit()
    return closing_after_blank or inch_mark


def with_shape(quote: QuoteSpeaker, text: str) -> QuoteSpeaker:
    """The quote with its word counts and whether its marks pair wrongly; `text` is the document's."""
    words = [w for w in text[quote.start : quote.end].split() if any(ch.isalpha() for ch in w)]
    capitalised = sum(1 for w in words if w.strip("“‘\"'(")[:1].isupper())
    return replace(
        quote, words=len(words), capitalised=capitalised, malformed=badly_paired(text, quote.start, quote.end)
    )


def sentence_spans(pa) -> list[tuple[int, int]]:
    return [(pa.offset + s.start_char, pa.offset + s.end_char) for s in pa.doc.sents]


def nearest(attributions: SpanIndex, start: int, end: int, lo: int, hi: int):
    """The attribution with a cue in [lo, hi) closest to the quote [start, end)."""
    inside = attributions.starting_in(lo, hi)
    return min(inside, key=lambda a: min(abs(a.start - end), abs(a.end - start)), default=None)


def speaker_for(quote, attributions: SpanIndex, sentences):
    """(attribution, link) for a quote from its own paragraph, or (None, "none")."""
    first = bisect.bisect_right(sentences, quote.start, key=lambda span: span[1])  # the first ending after it
    last = bisect.bisect_left(sentences, quote.end, key=lambda span: span[0]) - 1  # the last starting before its end
    if first > last:
        return None, "none"
    found = nearest(attributions, quote.start, quote.end, sentences[first][0], sentences[last][1])
    if found:
        return found, "sentence"
    for index, link in ((first - 1, "previous sentence"), (last + 1, "next sentence")):
        if 0 <= index < len(sentences):
            found = nearest(attributions, quote.start, quote.end, *sentences[index])
            if found:
                return found, link
    return None, "none"


def introducer(pa, quote, text: str) -> tuple[int, int] | None:
    """The words that introduce a quote with a colon ("Peggy Drexler, CNN:", "Limbaugh
    continued:"), when they name someone: a person, an organisation, a proper noun or a personal
    pronoun. `text` is the paragraph's."""
    colon = quote.start - pa.offset
    while colon > 0 and text[colon - 1].isspace():
        colon -= 1
    colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    sentence = sentences(pa.doc).at_char(colon)
    tokens = [t for t in sentence if t.idx < colon] if sentence is not None else []
    if tokens and any(t.ent_type_ in SPEAKING or t.pos_ == "PROPN" or t.lower_ in _pronouns() for t in tokens):
        return pa.offset + tokens[0].idx, pa.offset + colon
    return None


def transcript_label(document, quote) -> tuple[int, int] | None:
    """A transcript line quoted whole: the speaker's name in capitals before a colon ("PENCE: ...")."""
    text = document.text[quote.start : quote.end]
    m = TRANSCRIPT.match(text)
    return (quote.start + m.start(1), quote.start + m.end(1)) if m else None


def embedding_subject(pa, quote, text: str) -> tuple[int, int] | None:
    """The subject of the sentence a partial quote sits in ("McConnell commended the president
    “for taking ...”", "she was “whisked ... off”"), when it is a person or a personal pronoun."""
    start = quote.start - pa.offset
    sentence = sentences(pa.doc).at_char(start)
    if sentence is None or not text[sentence.start_char : start].strip():
        return None
    for t in sentence:
        if t.idx >= start:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and (t.ent_type_ in SPEAKING or t.lower_ in _pronouns()):
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
    all_attributions = SpanIndex(analysis.facts("attributions"))
    for pa in analysis.paragraphs:
        p = pa.paragraph
        quotes = document.quote_index.starting_in(p.start, p.end)
        attributions = SpanIndex(
            [
                a
                for a in all_attributions.starting_in(p.start, p.end)
                if a.source_text and not document.in_quote(a.start, a.end)
            ]
        )
        spans = sentence_spans(pa)
        text = document.prose[p.start : p.end]  # what the paragraph's Doc was made from
        previous: QuoteSpeaker | None = None
        for quote in quotes:
            attribution, link = speaker_for(quote, attributions, spans)
            if attribution:
                found = as_speaker(quote, attribution, link)
            elif previous and previous.speaker:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(previous), "paragraph")
            elif carried and quote.start == p.start:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(carried), "continued")
            elif (
                named := introducer(pa, quote, text)
                or transcript_label(document, quote)
                or embedding_subject(pa, quote, text)
            ):
                link = (
                    "introduced"
                    if introducer(pa, quote, text)
                    else "transcript"
                    if transcript_label(document, quote)
                    else "subject"
                )
                found = QuoteSpeaker(quote.start, quote.end, document.text[slice(*named)], *named, link)
            else:
                found = QuoteSpeaker(quote.start, quote.end, None, None, None)
            found = with_shape(found, document.text)
            speakers.append(found)
            previous = found
        carried = carried_speaker(p, previous, attributions.spans)
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
