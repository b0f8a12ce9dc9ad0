"""Change verbs: words whose lemma says a figure went up ("rose", "doubled") or down ("fell"),
from `change-verbs` in `rules/figures.yaml`; the arithmetic of changes reads their direction."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.data import load_pack

NEEDS = ("lemmas",)


@dataclass(frozen=True)
class ChangeVerb:
    start: int
    end: int
    direction: str  # "up" or "down"


def paragraph(analysis, pa) -> list[ChangeVerb]:
    verbs = load_pack("figures")["change-verbs"]
    found = []
    for t in pa.doc:
        lemma = t.lemma_.lower()
        for direction in ("up", "down"):
            if lemma in verbs[direction]:
                found.append(ChangeVerb(pa.offset + t.idx, pa.offset + t.idx + len(t), direction))
    return found
