"""Person and organisation identities in one document: one name written two ways (NL204)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity.mentions import checked
from newslint.analysis.identity.name_words import merged_people, sound, transliterated
from newslint.analysis.identity.places import Variant, variants
from newslint.analysis.identity.spelling import name_spelling, slip_keys
from newslint.folding import fold, is_typing_slip
from newslint.positions import grouped

if TYPE_CHECKING:
    from newslint.analysis import Analysis


def name_variants(analysis: Analysis, quotes: bool = False, replaced: Sequence[Any] = ()) -> list[Variant]:
    """Names written two ways: mentions of one folded identity, spaced or run together
    ("Time Warner" / "TimeWarner"), or full names of one person spelled two ways, that are
    spelled otherwise than the most frequent spelling; then surnames on their own spelled
    otherwise than the same person's full name (`near`, with the full name as reference).
    Names in capitals are headline typography, not spelling. A variant of a name the house
    dictionary spells (`replaced`: the spans it replaces) is the dictionary's to report."""
    mentions = [m for m in checked(analysis, analysis.facts("names"), quotes) if not m.text.isupper()]
    people = merged_people(mentions, two_people(mentions))
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        groups[people.get(m.key, m.key).replace(" ", "")].append(m)
    found = [v for group in groups.values() for v in variants(group, lambda a, b: True, name_spelling)]
    return [
        v
        for v in found + surname_variants(mentions)
        if not any(r.start < m.end and m.start < r.end for r in replaced for m in (v.mention, v.reference))
    ]


def two_people(mentions: list[Any]) -> Callable[[str, str], bool]:
    """Whether two full names one spelling apart are two people by the document's account:
    each given an occupation, and not the same one ("John Smith, a teacher" and "John Smyth,
    the mayor"), or each written more than once when they differ by more than
    transliteration (a slip is rarely repeated)."""
    roles: dict[str, set[str]] = defaultdict(set)
    uses = Counter(m.key for m in mentions)
    for m in mentions:
        if m.role:
            roles[m.key].add(m.role)

    def apart(key: str, other: str) -> bool:
        if roles[key] and roles[other] and not roles[key] & roles[other]:
            return True
        slipped = [sound(w) for w in key.split()] != [sound(w) for w in other.split()]
        return slipped and min(uses[key], uses[other]) > 1

    return apart


def surname_variants(mentions: list[Any]) -> list[Variant]:
    """A surname on its own spelled differently from the same person's full name.

    A surname one letter off may be another person ("Reagan" beside "Donald Regan",
    "Anderson" beside "Hans Christian Andersen"): it counts only when it is a typing slip
    (letters swapped, doubled or undoubled) or a transliteration, not the more frequent, and
    no full name in the document ends with it."""
    full = [m for m in mentions if m.label == "PERSON" and " " in m.key]
    uses = Counter(m.surname or m.key for m in mentions)
    surnames = {m.surname for m in full}
    candidates = grouped(full, lambda person: (*slip_keys(person.surname), ("sound", sound(person.surname))))
    found = []
    for m in mentions:
        if " " in m.key or m.label not in ("PERSON", "ORG"):
            continue
        keys = (*slip_keys(m.key), ("sound", sound(m.key)))
        for person in (full[i] for i in sorted({i for key in keys for i in candidates.get(key, ())})):
            last = person.text.split()[-1]
            if len(fold(last).split()) != 1 or name_spelling(m.text) == name_spelling(last):
                continue
            if m.key == person.surname:
                found.append(Variant(m, person, last, near=True))
                break
            if m.key in surnames:
                continue  # the surname of someone else named in full
            slip = is_typing_slip(m.key, person.surname) or transliterated(m.key, person.surname)
            if slip and uses[m.key] <= uses[person.surname]:
                found.append(Variant(m, person, last, near=True))
                break
    return found
