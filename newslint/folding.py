"""Spelling-insensitive forms of names: case, diacritics, hyphens, periods and spacing folded."""

from __future__ import annotations

import re
import unicodedata

POSSESSIVE = re.compile(r"[’'‘`]s?$")
SEPARATORS = re.compile(r"[\s\-‐‑–—.,’'‘`]+")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The lower-case words of a name, without diacritics: "Jong-un" -> ["jong", "un"]."""
    return [w for w in SEPARATORS.split(strip_diacritics(text).casefold()) if w]


def fold(text: str) -> str:
    """One lookup form for every spelling that differs only in case, accents or separators."""
    return " ".join(words(text))


def strip_possessive(text: str) -> str:
    """ "Russia's" -> "Russia"; "Paris'" -> "Paris"."""
    return POSSESSIVE.sub("", text) if len(text) > 2 else text


def is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin script (accented letters included)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) between two folded names."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def is_abbreviation(text: str) -> bool:
    """ "US", "U.K.", "DPRK": forms whose spelling is a matter of house style, not of identity."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 3 or text.isupper() or "." in text


def is_derived(word: str, base: str, endings: frozenset[str]) -> bool:
    """True when folded `word` is `base` plus a demonym ending ("russian" from "russia")."""
    for stem in {base, base[:-1]} if base[-1:] in "aeyo" else {base}:
        if word.startswith(stem) and word[len(stem) :] in endings:
            return True
    return False
