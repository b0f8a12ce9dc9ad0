"""Whether a draft's figure and another document's count one set (NL601).

Within a document NL301 judges one set by `same_thing`; across documents that is not enough:
two versions of a story give other events' counts in the same words ("killed 612 people" in
an earlier quake) and counts that grow while the story develops. Sentences that copy each
other (syndicated copy) align their figures by place; other sentences must share words of
their event (`figure_frames`) and, for a count that grows, belong to documents of one date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.alignment import counted_figures, intervals_meet
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
    their sentences, so they are set apart."""
    return same_thing(mine, replace(theirs, sentence_start=-1 - mine.sentence_start))


def attested(mine, other: Analysis) -> bool:
    """The other document gives this figure's number for its noun (or noun group) and
    currency too, whatever the verb: the two figures count parts of one set."""
    return any(
        g.kind == mine.kind
        and g.currency == mine.currency
        and noun_key(g.noun) == noun_key(mine.noun)
        and abs(g.value - mine.value) <= max(g.precision, mine.precision, 1e-9)
        for g in counted_figures(other)
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


def as_written(figure):
    """The figure's number alone, its qualifier left out: copies of one sentence give one number."""
    return replace(figure, qualifier=None, low=figure.value, high=figure.value, low_open=False, high_open=False)


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

    def agrees(self, mine, theirs) -> bool | None:
        """Whether the two figures agree, or None when they do not count one set. In sentences
        that copy each other, a figure in the same place counts the same set and agrees only
        with the same number (give or take rounding); elsewhere it must be one count, in
        sentences that share words of one event beyond the figures' own, and its interval
        must meet the other's. A count that grows is compared only in documents of one date,
        or, in copies, of dates not known to differ."""
        none = Frame(0, 0, (), ())
        ours, their = frames(self.here).get(mine.start, none), frames(self.there).get(theirs.start, none)
        here, there = reference_for(self.here), reference_for(self.there)
        moved_on = (growing(mine) or growing(theirs)) and not (here is not None and here == there)
        copied = SequenceMatcher(None, ours.sentence, their.sentence, autojunk=False).ratio() >= self.copy_share
        placed = (mine.modifiers, rank(self.here, mine)) == (theirs.modifiers, rank(self.there, theirs))
        if (
            copied
            and placed
            and not (set(mine.dates) and set(theirs.dates) and not set(mine.dates) & set(theirs.dates))
        ):
            if moved_on and here is not None and there is not None:
                return None
            return meet(as_written(mine), as_written(theirs))
        if same_places(mine, frozenset(ours.words), theirs, frozenset(their.words)):
            theirs = replace(theirs, places=mine.places)
        if mine.noun is None or not one_count(mine, theirs) or moved_on:
            return None  # a sum with no noun says too little of what it counts beyond a copy
        own = {mine.noun, mine.verb, theirs.verb, mine.clause_verb, theirs.clause_verb, *mine.modifiers}
        if len((set(ours.words) & set(their.words)) - own) < self.min_shared:
            return None  # nothing but the figure says that the sentences tell of one event
        return meet(mine, theirs) or attested(mine, self.there) or attested(theirs, self.here)


def rank(analysis: Analysis, figure) -> int:
    """The figure's place among its sentence's counted figures of its noun and currency."""

    def compute() -> dict[int, int]:
        seen: Counter = Counter()
        ranks = {}
        for f in counted_figures(analysis):
            key = (f.sentence_start, f.kind, f.noun, f.currency)
            ranks[f.start] = seen[key]
            seen[key] += 1
        return ranks

    return analysis.derived("figure-ranks", compute).get(figure.start, -1)
