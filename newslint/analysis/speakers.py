"""Quote speakers: the source each direct quotation is attributed to.

A quote takes the source of the nearest attribution outside quotation marks in its own
sentence, else in the previous or next sentence of its paragraph, else the speaker of an
earlier quote in the paragraph, else the named words that introduce it with a colon, else
a name signed after a dash, else a transcript or an interview's answer label ("A:"), else a
noun that names the words ("an old saying that ..."), else the subject (a person or personal
pronoun) of the sentence a partial quote sits in. A paragraph that opens with a quote continues
the previous paragraph's speaker: the speaker of its last quote, else its last named source outside quotes ("X said:",
or "X said ..." followed by a quote paragraph, as news copy runs quotes on). A quote in a
paragraph with no attribution at all takes the speaker of the paragraph before, else the first
source of the paragraph after.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from newslint.data import load_pack
from newslint.positions import SpanIndex, sentences
from newslint.quotes import misshapen_from

NEEDS = ("attributions", "sentences", "entities", "tags")

SPEAKING = {"PERSON", "ORG", "NORP"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
DASHES = "—―–-"
TRANSCRIPT = re.compile(r"[\"“‘']?([A-Z][A-Z.'’ -]{1,30}):\s")
ANSWER = re.compile(r"\s*(A|Answer):\s*$")


@cache
def _pronouns() -> frozenset[str]:
    """Pronouns that can speak a quotation ("he said"): `speaking-pronouns` in rules/attribution.yaml."""
    return frozenset(load_pack("attribution")["speaking-pronouns"])


@dataclass(frozen=True)
class QuoteSpeaker:
    """A direct quotation (`start`-`end`) and who said it; `speaker` is None when nobody did.

    `words` counts its words with letters and `capitalised` those that start with a capital (a
    quoted title or chant is mostly capitalised); `malformed` says its marks pair wrongly;
    `sentence` says it reads as a spoken sentence (it opens with a capital and holds a finite
    verb), not a quoted term or phrase.
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
    sentence: bool = False


def badly_paired(text: str, start: int, end: int) -> bool:
    """Quotation marks paired wrongly: a closing mark after a blank, or an inch mark after a digit."""
    closing_after_blank = end - start > 2 and text[end - 1] in '"”’' and text[end - 2].isspace()
    inch_mark = start > 0 and text[start - 1].isdigit()
    return closing_after_blank or inch_mark


def spoken_sentence(pa, quote) -> bool:
    """The quote opens with a capital and holds a finite verb: a spoken sentence, not a term."""
    span = pa.doc.char_span(quote.start - pa.offset, quote.end - pa.offset, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    return bool(words) and words[0].text[:1].isupper() and any(t.tag_ in FINITE for t in words)


def shapes(analysis, pa, quotes) -> list[tuple[int, int, bool, bool]]:
    """(words, capitalised, malformed, sentence) of each quote of paragraph `pa`, kept with the
    paragraph's other facts: they read its text and Doc only."""

    def compute() -> list[tuple[int, int, bool, bool]]:
        text, misshapen = analysis.document.text, pa.offset + misshapen_from(pa.text)
        found = []
        for quote in quotes:
            words = [w for w in text[quote.start : quote.end].split() if any(ch.isalpha() for ch in w)]
            capitalised = sum(1 for w in words if w.strip("“‘\"'(")[:1].isupper())
            malformed = badly_paired(text, quote.start, quote.end) or quote.start >= misshapen
            found.append((len(words), capitalised, malformed, spoken_sentence(pa, quote)))
        return found

    return analysis.per_paragraph("quote-shapes", pa, compute)


def sentence_spans(pa) -> list[tuple[int, int]]:
    return [(pa.offset + start, pa.offset + end) for start, end in sentences(pa.doc).char_spans]


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


def signature(pa, quote) -> tuple[int, int] | None:
    """The name signed after a dash that follows a quote ("... over.” ― Ann Lee"): a person,
    an organisation or a proper noun, to the end of its name."""
    tokens = [t for t in pa.doc if t.idx >= quote.end - pa.offset]
    if len(tokens) < 2 or tokens[0].text not in DASHES or tokens[0].idx - (quote.end - pa.offset) > 2:
        return None
    name = []
    for t in tokens[1:]:
        if not (t.pos_ == "PROPN" or t.ent_type_ in SPEAKING):
            break
        name.append(t)
    return (pa.offset + name[0].idx, pa.offset + name[-1].idx + len(name[-1])) if name else None


def transcript_label(document, quote) -> tuple[int, int] | None:
    """A transcript line quoted whole: the speaker's name in capitals before a colon ("PENCE: ...")."""
    text = document.text[quote.start : quote.end]
    m = TRANSCRIPT.match(text)
    return (quote.start + m.start(1), quote.start + m.end(1)) if m else None


@cache
def _text_nouns() -> frozenset[str]:
    """Nouns for quoted words that nobody speaks (`quoted-text-nouns` in rules/attribution.yaml)."""
    return frozenset(load_pack("attribution")["quoted-text-nouns"])


def named_text(pa, quote) -> tuple[int, int] | None:
    """A noun before the quote in its sentence that names the quoted words as a saying or a
    motto ("an old saying that “...”", "the family's motto, “...”")."""
    start = quote.start - pa.offset
    sentence = sentences(pa.doc).at_char(start)
    if sentence is None:
        return None
    nouns = [t for t in sentence if t.idx < start and t.pos_ == "NOUN" and t.lemma_.lower() in _text_nouns()]
    return (pa.offset + nouns[-1].idx, pa.offset + nouns[-1].idx + len(nouns[-1])) if nouns else None


def answer_label(pa, quote, text: str) -> tuple[int, int] | None:
    """The answer label of a question-and-answer layout ("A: “...”") that opens the quote's
    paragraph: the answer is the interviewee's, introduced with the interview."""
    m = ANSWER.match(text[: quote.start - pa.offset])
    return (pa.offset + m.start(1), pa.offset + m.end(1)) if m else None


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


def named_nearby(pa, quote, text: str, document) -> tuple[tuple[int, int], str] | None:
    """The speaker a quote names around itself: words introducing it with a colon, a name
    signed after a dash, a transcript label, an interview's answer label, a noun naming the words
    as a saying or a motto, or the subject of the sentence it sits in."""
    for finder, link in (
        (lambda: introducer(pa, quote, text), "introduced"),
        (lambda: signature(pa, quote), "signed"),
        (lambda: transcript_label(document, quote), "transcript"),
        (lambda: answer_label(pa, quote, text), "answer"),
        (lambda: named_text(pa, quote), "named text"),
        (lambda: embedding_subject(pa, quote, text), "subject"),
    ):
        if named := finder():
            return named, link
    return None


def first_source(attributions: list) -> QuoteSpeaker | None:
    """The first attribution of a paragraph as a speaker (a quote paragraph followed by "That was
    the message from X, who said ...")."""
    if not attributions:
        return None
    a = attributions[0]
    return QuoteSpeaker(a.start, a.start, a.resolved_source or a.source_text, a.source_start, a.source_end)


def extract(analysis) -> list[QuoteSpeaker]:
    document = analysis.document
    speakers: list[QuoteSpeaker] = []
    carried: QuoteSpeaker | None = None
    all_attributions = SpanIndex(analysis.facts("attributions"))
    spoken = [
        [
            a
            for a in all_attributions.starting_in(pa.paragraph.start, pa.paragraph.end)
            if a.source_text and not document.in_quote(a.start, a.end)
        ]
        for pa in analysis.paragraphs
    ]
    for index, pa in enumerate(analysis.paragraphs):
        p = pa.paragraph
        quotes = document.quote_index.starting_in(p.start, p.end)
        attributions = SpanIndex(spoken[index])
        spans = sentence_spans(pa)
        text = pa.text
        following = first_source(spoken[index + 1]) if index + 1 < len(spoken) else None
        previous: QuoteSpeaker | None = None
        for quote, (words, capitalised, malformed, sentence) in zip(quotes, shapes(analysis, pa, quotes)):
            attribution, link = speaker_for(quote, attributions, spans)
            if attribution:
                found = as_speaker(quote, attribution, link)
            elif previous and previous.speaker:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(previous), "paragraph")
            elif carried and quote.start == p.start:
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(carried), "continued")
            elif nearby := named_nearby(pa, quote, text, document):
                (lo, hi), link = nearby
                found = QuoteSpeaker(quote.start, quote.end, document.text[lo:hi], lo, hi, link)
            elif neighbour := (None if spoken[index] else carried or following):
                link = "previous paragraph" if neighbour is carried else "next paragraph"
                found = QuoteSpeaker(quote.start, quote.end, *speaker_fields(neighbour), link)
            else:
                found = QuoteSpeaker(quote.start, quote.end, None, None, None)
            found = replace(found, words=words, capitalised=capitalised, malformed=malformed, sentence=sentence)
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
