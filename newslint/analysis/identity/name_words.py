"""When two full names name one person: word by word, the same, transliterated or slipped.

Two folded full names with as many words name one person when every word agrees, or is the
same word romanised another way (the pack's `transliteration` rewrites), and at most one is a
slip: one edit ("Merkel" / "Merkl"), or for short words two letters swapped or one doubled
("Khan" / "Kahn"). A given name that differs at its end is another name ("Maria" / "Mario").
The model often takes a person for an organisation, so names of both kinds are compared.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from newslint.data import load_pack
from newslint.folding import distance, is_plural, is_typing_slip
from newslint.positions import grouped


@cache
def rewrites() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), use) for pattern, use in load_pack("names").get("transliteration", []))


@cache
def lengths() -> tuple[int, int, int]:
    """(edit-length, slip-length, ending-length) from the pack."""
    pack = load_pack("names")
    return pack["edit-length"], pack["slip-length"], pack["ending-length"]


@lru_cache(maxsize=4096)  # a long run meets ever more names: keep those of the drafts at hand
def sound(word: str) -> str:
    """A folded word with its transliteration letter groups rewritten and doubled letters single."""
    for pattern, use in rewrites():
        word = pattern.sub(use, word)
    return "".join(ch for i, ch in enumerate(word) if i == 0 or word[i - 1] != ch)


def transliterated(a: str, b: str) -> bool:
    """Two folded words that romanise one name: "aleksandr" / "alexander"."""
    return a != b and a.isalpha() and b.isalpha() and sound(a) == sound(b)


def slipped(a: str, b: str, given: bool) -> bool:
    """Two folded words a typing slip apart; given names that differ only at the end are two
    names ("maria" / "mario", "paul" / "paula"), and words with digits are model numbers."""
    edit, slip, ending = lengths()
    if not (a.isalpha() and b.isalpha()) or a[:1] != b[:1] or is_plural(a, b) or min(len(a), len(b)) < slip:
        return False
    if given and len(os.path.commonprefix((a, b))) >= max(len(a), len(b)) - ending:
        return False
    return is_typing_slip(a, b) or (min(len(a), len(b)) >= edit and distance(a, b) == 1)


def same_person(key: str, other: str) -> bool:
    """Two folded full names of one person spelled two ways (see the module's docstring)."""
    words, others = key.split(), other.split()
    if key == other or len(words) != len(others) or len(words) < 2:
        return False
    slips = 0
    for i, (a, b) in enumerate(zip(words, others)):
        if a == b or transliterated(a, b):
            continue
        if not slipped(a, b, given=i < len(words) - 1):
            return False
        slips += 1
    return slips <= 1 and any(a == b for a, b in zip(words, others))


@lru_cache(maxsize=4096)
def comparison_keys(key: str) -> tuple[tuple[Any, ...], ...]:
    """Keys that two full names `same_person` may join share: per word, the others' sounds and
    this word's sound, letters in order or with one letter left out (remembered by name: every
    lint of a document asks again for the same names)."""
    words = key.split()
    found = []
    for i, word in enumerate(words):
        rest = tuple(sound(w) for j, w in enumerate(words) if j != i)
        forms = {sound(word), "".join(sorted(word)), word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}
        found += [(len(words), i, rest, form) for form in forms]
    return tuple(found)


def merged_people(mentions: list[Any], apart: Callable[[str, str], bool] = lambda a, b: False) -> dict[str, str]:
    """Full names of one person spelled two ways -> one shared key, except pairs `apart`
    (two people by the document's own account)."""
    keys = sorted({m.key for m in mentions if m.label in ("PERSON", "ORG") and " " in m.key})
    merged: dict[str, str] = {}
    alike = grouped(keys, comparison_keys)
    for i, key in enumerate(keys):
        candidates = sorted({j for k in comparison_keys(key) for j in alike[k] if j < i})
        for other in (keys[j] for j in candidates):
            if merged.get(other, other) == other and same_person(key, other) and not apart(key, other):
                merged[key] = other
                break
    return merged
