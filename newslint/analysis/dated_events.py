"""Dated events: what each single date or weekday dates, so that two documents' dates of one
event can be aligned (NL605): "the hearing on March 3" dates a hearing, "was arrested on
Sunday" an arrest of whoever the verb's subject is.

The event is the word the date hangs on through a preposition ("on", "since") or directly
("arrested Sunday", "Sunday's vote"), with that preposition and, for a verb, its subject or
object. Dates of speech (the `cue-verbs` of `rules/attribution.yaml`: "said on Tuesday")
date the telling, not the event, and are left out with those of the verbs in
`undated-events` (`rules/sources.yaml`: "is on Monday"), datelines and ranges.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack

NEEDS = ("dates", "parse", "lemmas")

DATED_KINDS = ("date", "weekday", "relative")
ACTORS = ("nsubj", "nsubjpass", "dobj")


@dataclass(frozen=True)
class DatedEvent:
    """A date mention (`start`-`end`, as written) and the event it dates."""

    start: int
    end: int
    text: str
    event: tuple[str, ...]  # (preposition, word dated, the verb's subject or object)
    month: int | None
    day: int | None
    year: int | None
    weekday: int | None
    offset: int | None  # days from the document's date, for "yesterday"


@cache
def _undated() -> frozenset[str]:
    return frozenset(load_pack("sources")["undated-events"]) | frozenset(load_pack("attribution")["cue-verbs"])


def paragraph(analysis, pa) -> list[DatedEvent]:
    found = []
    for d in analysis.paragraph_facts("dates", pa):
        if d.kind not in DATED_KINDS or (d.day is None and d.weekday is None and d.offset is None):
            continue
        span = pa.doc.char_span(d.start - pa.offset, d.end - pa.offset, alignment_mode="expand")
        event = dated(span.root) if span is not None and len(span) else None
        if event is not None:
            found.append(DatedEvent(d.start, d.end, d.text, event, d.month, d.day, d.year, d.weekday, d.offset))
    return found


def dated(token) -> tuple[str, ...] | None:
    """(preposition, word, actor) for the event a date's head token dates, or None."""
    preposition = ""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        preposition, head = head.lower_, head.head
    elif token.dep_ not in ("npadvmod", "tmod", "poss", "compound", "nmod"):
        return None
    if head is token or head.pos_ not in ("VERB", "NOUN") or head.lemma_.lower() in _undated():
        return None
    actor = next((c for c in head.children if c.dep_ in ACTORS), None) if head.pos_ == "VERB" else None
    return preposition, head.lemma_.lower(), actor.lemma_.lower() if actor is not None else ""
