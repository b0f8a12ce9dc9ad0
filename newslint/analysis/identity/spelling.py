"""Same-entity tests on names as written: when two spellings name one place or one person.

Pure string logic over folded names plus the lists and thresholds of `rules/places.yaml` and
`rules/names.yaml`; no text is parsed here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from newslint.data import load_pack
from newslint.folding import distance, fold, is_abbreviation, is_derived, is_plural, strip_diacritics


@cache
def limits() -> tuple[int, int]:
    """(near-length, far-length): the shortest name compared by spelling, and the shortest
    that may lie two edits from another."""
    pack = load_pack("places")
    return pack["near-length"], pack["far-length"]


@cache
def demonym_endings() -> frozenset[str]:
    return frozenset(load_pack("places").get("demonym-endings", []))


@cache
def variant_groups() -> list[set[str]]:
    return [{fold(f) for f in group["forms"]} for group in load_pack("places").get("variant-groups", [])]


def in_phrase(text: str, start: int, end: int, phrases: Iterable[str]) -> bool:
    """True when [start, end) lies inside one of `phrases` (case-insensitive) in `text`."""
    for phrase in phrases:
        window = text[max(0, start - len(phrase)) : end + len(phrase)].lower()
        offset = max(0, start - len(phrase))
        at = window.find(phrase.lower())
        while at >= 0:
            if offset + at <= start and end <= offset + at + len(phrase):
                return True
            at = window.find(phrase.lower(), at + 1)
    return False


@cache
def house_groups() -> list[frozenset[str]]:
    """The folded spellings of each place in the house style (`house-style` in
    `rules/places.yaml`): the one to use and those it replaces."""
    return [frozenset({fold(e["use"]), *map(fold, e["not"])}) for e in load_pack("places").get("house-style", [])]


@cache
def pack_spellings() -> dict[str, dict[str, Any]]:
    """Each spelling the house style replaces -> its `house-style` entry in `rules/places.yaml`."""
    return {old: entry for entry in load_pack("places").get("house-style", []) for old in entry["not"]}


@cache
def fixed_phrases() -> dict[str, tuple[str, ...]]:
    """Each folded spelling the house style replaces -> the phrases in which it is right ("chicken Kiev")."""
    return {fold(old): tuple(entry.get("except", ())) for old, entry in pack_spellings().items()}


def house_forms(a: str, b: str) -> bool:
    """Two spellings of one place in the house style ("Odessa" and "Odesa"), whatever place
    of that name the gazetteer reads either as."""
    fa, fb = fold(a), fold(b)
    return fa != fb and any(fa in g and fb in g for g in house_groups())


def in_fixed_phrase(text: str, start: int, end: int) -> bool:
    """True when the name at [start, end) is an old spelling inside a phrase it is right in."""
    return in_phrase(text, start, end, fixed_phrases().get(fold(text[start:end]), ()))


def same_place(a: str, b: str) -> bool:
    """True when two names of one place differ in spelling rather than in kind."""
    if is_abbreviation(a) or is_abbreviation(b):
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if any(fa in g and fb in g for g in variant_groups()):
        return True
    return min(len(fa), len(fb)) >= limits()[0] and distance(fa, fb) <= 2


class Nearby:
    """Known folded names by first letter and length: the only ones `closest` can pick."""

    def __init__(self, names: Iterable[str]):
        self.order = {name: i for i, name in enumerate(dict.fromkeys(names))}
        self.groups: dict[tuple[str, int], list[str]] = defaultdict(list)
        for name in self.order:
            self.groups[(name[:1], len(name))].append(name)

    def near(self, folded: str) -> list[str]:
        """The names two edits or fewer from `folded` may be, in their first order."""
        found = [name for n in range(len(folded) - 2, len(folded) + 3) for name in self.groups.get((folded[:1], n), ())]
        return sorted(found, key=self.order.__getitem__)


def closest(folded: str, known: Iterable[str] | Nearby) -> str | None:
    """The known name one edit from `folded` (two for longer names), if it is not a demonym."""
    near_length, far_length = limits()
    if len(folded) < near_length:
        return None
    best = None
    for name in known.near(folded) if isinstance(known, Nearby) else known:
        if name == folded or name[:1] != folded[:1] or len(name) < near_length:
            continue
        if is_derived(folded, name, demonym_endings()) or is_derived(name, folded, demonym_endings()):
            continue
        if is_plural(folded, name):
            continue
        limit = 2 if max(len(name), len(folded)) >= far_length else 1
        d = distance(folded, name)
        if d <= limit and (best is None or d < best[0]):
            best = (d, name)
    return best[1] if best else None


def derived_or_plural(folded: str, named: set[str], endings: frozenset[str]) -> bool:
    """Whether `folded` is a demonym or plural of one of `named`, looking only at the names that
    can be: a start of `folded` (with a letter added) or `folded` with a plural ending."""
    starts = [folded[:k] for k in range(len(folded) + 1)]
    candidates = {*starts, *(start + letter for start in starts for letter in "aeyo"), folded + "s", folded + "es"}
    return any(is_derived(folded, n, endings) or is_plural(folded, n) for n in candidates & named)


def name_spelling(text: str) -> str:
    """A name as spelled, minus what is not spelling: periods ("Jr." / "Jr"), the case of a
    word's first letter ("De Clercq" at the start of a sentence) and a lead-in in capitals
    ("PETER Capaldi")."""
    lead_in = load_pack("names")["lead-in-length"]
    spelled = []
    for word in text.replace(".", "").split():
        if word.isupper() and len(word) >= lead_in:
            word = word.capitalize()
        spelled.append(word[:1].upper() + word[1:])
    return " ".join(spelled)


def slip_keys(name: str) -> tuple[tuple[str, str], ...]:
    """Keys that two names share when they are equal or a typing slip apart: the same letters
    (neighbours swapped) or the same letters with doubled ones single (a letter doubled)."""
    single = "".join(ch for i, ch in enumerate(name) if i == 0 or name[i - 1] != ch)
    return (("letters", "".join(sorted(name))), ("single", single))


def place_form(text: str) -> str:
    """A place name as compared across documents: case, accents and separators folded."""
    return fold(text)


def name_form(text: str) -> str:
    """A person's or organisation's name as compared across documents: `name_spelling` without accents."""
    return name_spelling(strip_diacritics(text))
