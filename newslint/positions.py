"""Offset look-ups for the extractors and checks, so that no single look-up scans a whole
paragraph or document: the sentence of a token or character, the entities inside a sentence,
the quotations covering a span, the facts starting in a range, the start of the last words
before an offset.

The indexes are built once per Doc or per analysis and answer by bisection.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import Any


class Sentences:
    """The sentences of one spaCy Doc (as `doc.sents` gives them), by token or character."""

    def __init__(self, doc):
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self.char_spans = [(s.start_char, s.end_char) for s in self.spans]
        self.char_starts = [start for start, _ in self.char_spans]

    def index(self, i: int) -> int:
        """The position of the sentence holding token `i` (what `token.sent` returns)."""
        return bisect.bisect_right(self.starts, i) - 1

    def of_token(self, i: int):
        return self.spans[self.index(i)]

    def at_char(self, offset: int):
        """The sentence whose characters include `offset` (relative to the Doc), or None."""
        k = bisect.bisect_right(self.char_starts, offset) - 1
        return self.spans[k] if k >= 0 and offset < self.char_spans[k][1] else None


def _per_doc(name: str, doc, build):
    """`build(doc)`, made once and kept in the Doc's `user_data`: an index holds spans of its Doc,
    so kept anywhere else (even in a weak-keyed table) it would keep the Doc alive for ever."""
    key = f"newslint.{name}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build(doc)
    return found


def sentences(doc) -> Sentences:
    """The sentence index of `doc`, built once for as long as the Doc lives."""
    return _per_doc("sentences", doc, Sentences)


class Entities:
    """The named entities of one spaCy Doc, by token range."""

    def __init__(self, doc):
        self.spans = list(doc.ents)
        self.starts = [e.start for e in self.spans]

    def within(self, start: int, end: int) -> list:
        """What `doc[start:end].ents` gives: the entities inside tokens [start, end)."""
        found = []
        for e in self.spans[bisect.bisect_left(self.starts, start) :]:
            if e.end > end:
                break
            found.append(e)
        return found

    def at(self, i: int):
        """The entity holding token `i`, or None."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.spans[k] if k >= 0 and i < self.spans[k].end else None

    def around(self, start: int, end: int) -> list:
        """The entities that contain tokens [start, end) (entities never overlap: one at most)."""
        e = self.at(start)
        return [e] if e is not None and end <= e.end else []


def entities(doc) -> Entities:
    """The entity index of `doc`, built once for as long as the Doc lives."""
    return _per_doc("entities", doc, Entities)


class SpanIndex:
    """Facts with `start` and `end` (quotations, attributions), by offset."""

    def __init__(self, spans: Sequence[Any]):
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        self.reach = list(itertools.accumulate((s.end for s in self.spans), max))
        self.disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self.spans))

    def starting_in(self, lo: int, hi: int) -> list:
        """The facts that start in [lo, hi), in order."""
        return self.spans[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def holding(self, offset: int) -> int | None:
        """The position (in start order) of the first fact holding `offset`, for disjoint facts."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if not self.disjoint:
            return next((i for i, s in enumerate(self.spans) if s.start <= offset < s.end), None)
        return k if k >= 0 and offset < self.spans[k].end else None

    def covers(self, start: int, end: int) -> bool:
        """True when one fact covers [start, end) (what `Document.in_quote` tells for quotes)."""
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def overlapping(self, start: int, end: int) -> list:
        """The facts sharing characters with [start, end)."""
        if not self.disjoint:
            return [s for s in self.spans if s.start < end and start < s.end]
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        return [s for s in self.spans[first : bisect.bisect_left(self.starts, end)] if start < s.end]


def tail_start(text: str, end: int, words: int, lo: int = 0) -> int:
    """Where the last `words` runs of non-blanks before `end` begin, never before `lo`.

    A pattern that ends at `end` (`\\Z` with `endpos`), begins with a non-blank and spans at most
    `words` runs matches from there exactly when it matches from `lo` (`\\b` sees the text before).
    """
    i = end
    for _ in range(words):
        while i > lo and text[i - 1].isspace():
            i -= 1
        while i > lo and not text[i - 1].isspace():
            i -= 1
    return i


def head_end(text: str, start: int, words: int) -> int:
    """Where the first `words` runs of non-blanks after `start` end."""
    i = start
    for _ in range(words):
        while i < len(text) and text[i].isspace():
            i += 1
        while i < len(text) and not text[i].isspace():
            i += 1
    return i


def grouped(items: Sequence[Any], keys: Callable[[Any], Sequence[Any]]) -> dict[Any, list[int]]:
    """Positions of `items` under each of their keys, for comparing only items that share one."""
    groups: dict[Any, list[int]] = {}
    for position, item in enumerate(items):
        for key in dict.fromkeys(keys(item)):
            groups.setdefault(key, []).append(position)
    return groups
