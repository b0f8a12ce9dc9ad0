"""Dated events: what each single date or weekday dates, so that two documents' dates of one
event can be aligned (NL605): "the hearing on March 3" dates a hearing, "was arrested on
Sunday" an arrest of whoever the verb's subject is.

The event is the word the date hangs on through a preposition ("since") or directly
("arrested Sunday", "Sunday's vote"), with that preposition (none for "on", as
`on-the-day` in `rules/sources.yaml` lists), a noun's modifiers ("attempted murder") and,
for a verb, its subject or object. Dates of speech (the `cue-verbs` of `rules/attribution.yaml`: "said on Tuesday")
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
MODIFIERS = ("amod", "compound")


@dataclass(frozen=True)
class DatedEvent:
    """A date mention (`start`-`end`, as written) and the event it dates."""

    start: int
    end: int
    text: str
    event: tuple[str, ...]  # (preposition, word dated, and a noun's modifiers: "attempted murder")
    actor: str  # the verb's subject or object, "" when it has none
    month: int | None
    day: int | None
    year: int | None
    weekday: int | None
    offset: int | None  # days from the document's date, for "yesterday"
    described: tuple[str, ...] = ()  # the actor's adjectives: "old" of "the old bridge"


@cache
def _undated() -> frozenset[str]:
    return frozenset(load_pack("sources")["undated-events"]) | frozenset(load_pack("attribution")["cue-verbs"])


@cache
def _times_of_day() -> frozenset[str]:
    return frozenset(load_pack("sources")["times-of-day"])


def paragraph(analysis, pa) -> list[DatedEvent]:
    found = []
    dates = analysis.paragraph_facts("dates", pa)
    # A dateline ("LONDON, May 6 -") is no actor, though the parse may take it for a subject.
    prose = max((d.end for d in dates if d.kind == "dateline"), default=pa.offset) - pa.offset
    for d in dates:
        if d.kind not in DATED_KINDS or (d.day is None and d.weekday is None and d.offset is None):
            continue
        span = pa.doc.char_span(d.start - pa.offset, d.end - pa.offset, alignment_mode="expand")
        event = dated(span.root, prose) if span is not None and len(span) else None
        if event is not None:
            words, actor, described = event
            found.append(
                DatedEvent(d.start, d.end, d.text, words, actor, d.month, d.day, d.year, d.weekday, d.offset, described)
            )
    return found


def same_event(a: DatedEvent, b: DatedEvent) -> bool:
    """Two dated events that may be one: the same word, preposition and modifiers, and actors
    that agree (the same, but for a plural's "s", or one of them not given) and that no
    adjectives set apart ("the old bridge" is not "the new bridge"; "the bridge" may be either)."""
    if a.event != b.event:
        return False
    if a.described and b.described and not set(a.described) & set(b.described):
        return False
    return not a.actor or not b.actor or a.actor.rstrip("s") == b.actor.rstrip("s")


def dated(token, prose: int = 0) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """((preposition, word, modifiers), actor, the actor's adjectives) for the event a date's
    head token dates, or None; a noun's modifiers must match ("attempted murder" is not
    "murder"), and an actor must stand at or after the paragraph's character `prose`. A time
    of day the date names ("Sunday night", "Monday evening") dates what that time hangs on."""
    preposition = ""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        preposition, head = head.lower_, head.head
        preposition = "" if preposition in load_pack("sources")["on-the-day"] else preposition
    elif token.dep_ not in ("npadvmod", "tmod", "poss", "compound", "nmod"):
        return None
    if head is token:
        return None
    if head.lower_ in _times_of_day():
        return dated(head, prose)
    if head.pos_ not in ("VERB", "NOUN") or head.lemma_.lower() in _undated():
        return None
    actors = [c for c in head.children if c.dep_ in ACTORS and c.idx >= prose] if head.pos_ == "VERB" else []
    if head.pos_ == "VERB" and not actors and head.dep_ == "acl":
        actors = [head.head]  # a participle's noun: "a bill signed on March 11"
    modifiers = sorted(c.lemma_.lower() for c in head.children if c.dep_ in MODIFIERS and c is not token)
    actor = actors[0] if actors else None
    described = tuple(sorted(c.lemma_.lower() for c in actor.children if c.dep_ == "amod")) if actor else ()
    return (preposition, head.lemma_.lower(), *modifiers), actor.lemma_.lower() if actor else "", described
