"""Cross-source checking: a draft against its sources, or versions of one story compared.

Cross rules (category `sources`, `cross=True`) see one draft and the other documents. Two
modes share them:

- `against`: the others are the draft's sources; anything in the draft that differs from what
  every source says is reported.
- `compare`: every document is a version; a disagreement is reported once, at the minority
  version, with related locations in the others. On a tie the version that a wire or official
  text agrees with is not the one reported: a version credited to one of the `reference`
  sources (`[sources] reference = ["AP", "Reuters"]`, matched against its path and the
  credit in parentheses of its first paragraph), else the oldest by its date, else the first
  given.

Facts are aligned across documents by each rule; `Vote` decides where a difference is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newslint.analysis.dates import reference_for
from newslint.checks import CheckContext

if TYPE_CHECKING:
    from newslint.analysis import Analysis
    from newslint.document import Document

# What one other document says about a draft fact: its reading, and the facts that say it
# (anything with `start` and `end`); None when it does not mention the thing.
Reading = tuple[Hashable, Sequence[Any]] | None

AGAINST = "against"
COMPARE = "compare"


@dataclass
class CrossContext(CheckContext):
    """A check context that also sees the other documents."""

    others: Sequence[Analysis] = ()
    mode: str = AGAINST
    order: int = 0  # the draft's position among all versions (compare mode)

    @property
    def them(self) -> str:
        """How messages name the other documents."""
        return "the sources" if self.mode == AGAINST else "the other versions"

    def others_in_order(self) -> list[tuple[int, Analysis]]:
        """The other documents with their positions among all versions."""
        positions = [i for i in range(len(self.others) + 1) if i != self.order]
        return list(zip(positions, self.others, strict=True))

    def disagreements(
        self,
        facts: Sequence[Any],
        mine: Callable[[Any], Hashable],
        theirs_of: Callable[[Analysis], Any],
        read: Callable[[Any, Any], Reading],
    ) -> Iterator[tuple[Any, list[tuple[Document, Any]]]]:
        """Each draft fact the other documents disagree with, with where they say otherwise.

        `theirs_of` prepares what a rule needs of each other document (once); `read` tells what
        that document says about one draft fact; `mine` is the draft's own reading.
        """
        others = [
            (self.rank(other, position), other.document, theirs_of(other)) for position, other in self.others_in_order()
        ]
        for fact in facts:
            votes, where = [], []
            for rank, document, prepared in others:
                reading = read(fact, prepared)
                if reading is not None:
                    votes.append((rank, reading[0]))
                    if reading[0] != mine(fact):
                        where += [(document, said) for said in reading[1]]
            if self.reports(mine(fact), votes):
                yield fact, where

    def rank(self, analysis: Analysis, position: int) -> tuple:
        """How a tie between versions ranks this one: first those credited to a `reference`
        source, then the oldest by date, then by position."""
        names = {name.casefold() for name in self.options.get("reference", ())}
        document = analysis.document
        head = document.text[: document.paragraphs[0].end] if document.paragraphs else ""
        credits = re.findall(r"\w+", f"{document.path} {' '.join(re.findall(r'[(]([^()]{1,40})[)]', head))}".casefold())
        dated = reference_for(analysis) or date.max
        return (not names & set(credits), dated, position)

    @cached_property
    def own_rank(self) -> tuple:
        return self.rank(self.analysis, self.order)

    def reports(self, mine: Hashable, theirs: Sequence[tuple[tuple, Hashable]]) -> bool:
        """Whether the draft's value `mine` is a finding, given the others' (rank, value).

        Nothing to compare with is never a finding. Against: `mine` differs from every source.
        Compare: more versions share another value, or as many do and one of them ranks
        before every version that shares `mine` (see `rank`).
        """
        if not theirs:
            return False
        if self.mode == AGAINST:
            return all(value != mine for _, value in theirs)
        votes: dict[Hashable, int] = {mine: 1}
        first_seen: dict[Hashable, tuple] = {mine: self.own_rank}
        for rank, value in theirs:
            votes[value] = votes.get(value, 0) + 1
            first_seen[value] = min(first_seen.get(value, rank), rank)
        return any(
            count > votes[mine] or (count == votes[mine] and first_seen[value] < first_seen[mine])
            for value, count in votes.items()
            if value != mine
        )
