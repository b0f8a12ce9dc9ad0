"""Whether a draft's figure and another document's count one set (NL601).

Within a document NL301 judges one set by `same_thing`; across documents that is not enough:
two versions of a story give other events' counts in the same words ("killed 612 people" in
an earlier quake) and counts that grow while the story develops. So a pair must also share
words of their sentences' event (`figure_frames`), and a count that grows is compared only
between documents of one date or between sentences that copy each other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.alignment import intervals_meet
from newslint.analysis.dates import reference_for
from newslint.analysis.figure_frames import Frame, frames
from newslint.checks.figures import noun_key, same_thing
from newslint.data import load_pack

if TYPE_CHECKING:
    from newslint.analysis import Analysis


@cache
def _growing() -> tuple[frozenset[str], frozenset[str]]:
    pack = load_pack("sources")
    rising = load_pack("figures")["change-verbs"]["up"]
    return frozenset([*pack["growing-verbs"], *rising]), frozenset(pack["growing-nouns"])


def growing(figure) -> bool:
    """A count that grows as a story develops: a toll, an arrest, a figure risen to."""
    verbs, nouns = _growing()
    told = {figure.verb, figure.clause_verb, figure.noun, *figure.modifiers}
    return bool(told & verbs) or bool(told & nouns)


def one_count(mine, theirs) -> bool:
    """The same noun, a verb of substance of one group, modifiers, subject, places and dates,
    as `same_thing` judges in one document; sentence offsets of two documents say nothing of
    their sentences, so they are set apart. A sum with no noun needs only its verb, which
    `figure_counterparts` compares."""
    return mine.noun is None or same_thing(mine, replace(theirs, sentence_start=-1 - mine.sentence_start))


def attested(mine, figures) -> bool:
    """Another document gives the draft's number for its noun (or noun group) and currency,
    whatever the verb: the draft's figure is the source's, said of another part of it."""
    return any(
        g.kind == mine.kind
        and g.currency == mine.currency
        and noun_key(g.noun) == noun_key(mine.noun)
        and abs(g.value - mine.value) <= max(g.precision, mine.precision, 1e-9)
        for g in figures
    )


def rounding(figure) -> float:
    """How far a bare round number may lie from the figure it rounds: half a unit of its last
    non-zero digit ("1,200" for 1,234), at most `rounding-share` of it, for numbers of at least
    two trailing zeros."""
    value = figure.value
    if figure.qualifier is not None or value < 100 or value != int(value):
        return 0.0
    unit = 1
    while int(value) % (unit * 10) == 0:
        unit *= 10
    return min(unit / 2, load_pack("sources")["rounding-share"] * value) if unit >= 100 else 0.0


def meet(a, b) -> bool:
    """The two figures' intervals can both hold, a bare round number beside another bare
    number read as rounded (a qualifier's interval already allows for rounding)."""
    if a.qualifier is None and b.qualifier is None:
        a, b = replace(a, precision=max(a.precision, rounding(a))), replace(b, precision=max(b.precision, rounding(b)))
    return intervals_meet(a, b)


def same_places(mine, ours: frozenset[str], theirs, their: frozenset[str]) -> bool:
    """Each figure's sentence names a place that the other's sentence names too, by its words
    ("in the village" beside "the village of Toro")."""

    def named(places, words) -> bool:
        return any(set(place.split()) <= words for place in places)

    return named(mine.places, their) or named(theirs.places, ours)


@dataclass(frozen=True)
class Pair:
    """The draft's analysis and another document's, and the options NL601 compares them by."""

    here: Analysis
    there: Analysis
    min_shared: int
    copy_share: float

    def one_set(self, mine, theirs) -> bool:
        """The two figures count one set: one count, sentences that share words of one event
        beyond the figures' own, and, for a growing count, documents of one date, or of
        unknown dates and sentences that copy each other."""
        none = Frame(0, 0, (), ())
        ours, their = frames(self.here).get(mine.start, none), frames(self.there).get(theirs.start, none)
        if same_places(mine, frozenset(ours.words), theirs, frozenset(their.words)):
            theirs = replace(theirs, places=mine.places)
        if not one_count(mine, theirs):
            return False
        own = {mine.noun, mine.verb, theirs.verb, mine.clause_verb, theirs.clause_verb, *mine.modifiers}
        if len((set(ours.words) & set(their.words)) - own) < self.min_shared + (mine.noun is None):
            return False  # nothing but the figure says that the sentences tell of one event
        if not (growing(mine) or growing(theirs)):
            return True
        here, there = reference_for(self.here), reference_for(self.there)
        if here is not None and there is not None:
            return here == there
        return SequenceMatcher(None, ours.sentence, their.sentence, autojunk=False).ratio() >= self.copy_share
