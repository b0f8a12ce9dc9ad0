"""Person and organisation identities in one document: one name written two ways (NL204)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity.mentions import checked
from newslint.analysis.identity.places import Variant, variants
from newslint.analysis.identity.spelling import merged_people, name_spelling, slip_keys
from newslint.folding import fold, is_typing_slip
from newslint.positions import grouped

if TYPE_CHECKING:
    from newslint.analysis import Analysis


def name_variants(analysis: Analysis, quotes: bool = False) -> list[Variant]:
    """Names written two ways: mentions of one folded identity (or of full names one letter
    apart) spelled otherwise than the most frequent spelling, then surnames on their own
    spelled otherwise than the same person's full name (`near`, with the full name as
    reference). Names in capitals are headline typography, not spelling."""
    mentions = [m for m in checked(analysis, analysis.facts("names"), quotes) if not m.text.isupper()]
    people = merged_people(mentions)
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        groups[people.get(m.key, m.key)].append(m)
    found = [v for group in groups.values() for v in variants(group, lambda a, b: True, name_spelling)]
    return found + surname_variants(mentions)


def surname_variants(mentions: list[Any]) -> list[Variant]:
    """A surname on its own spelled differently from the same person's full name.

    A surname one letter off may be another person ("Reagan" beside "Donald Regan",
    "Anderson" beside "Hans Christian Andersen"): it counts only when it is a typing slip
    (letters swapped, doubled or undoubled) and the rarer of the two."""
    full = [m for m in mentions if m.label == "PERSON" and " " in m.key]
    uses = Counter(m.surname or m.key for m in mentions)
    candidates = grouped(full, lambda person: slip_keys(person.surname))
    found = []
    for m in mentions:
        if " " in m.key or m.label not in ("PERSON", "ORG"):
            continue
        for person in (full[i] for i in sorted({i for key in slip_keys(m.key) for i in candidates.get(key, ())})):
            last = person.text.split()[-1]
            if len(fold(last).split()) != 1 or name_spelling(m.text) == name_spelling(last):
                continue
            near = is_typing_slip(m.key, person.surname) and uses[m.key] < uses[person.surname]
            if m.key == person.surname or near:
                found.append(Variant(m, person, last, near=True))
                break
    return found
