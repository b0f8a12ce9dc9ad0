"""Spelling-insensitive forms of names: case, diacritics, hyphens, periods and spacing folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

POSSESSIVE = re.compile(r"[’'‘`]s?$")
LEADING = re.compile(r"[\s\-‐‑–—•*]*(?:[Tt]he\s+)?")
TRAILING = " \t\n-‐‑–—,;:"
SEPARATORS = re.compile(r"[\s\-‐‑–—.,’'‘`]+")


def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The lower-case words of a name, without diacritics: "Jong-un" -> ["jong", "un"]."""
    return [w for w in SEPARATORS.split(strip_diacritics(text).casefold()) if w]


@lru_cache(maxsize=8192)  # the names of the drafts open at once, not of every draft of a run
def fold(text: str) -> str:
    """One lookup form for every spelling that differs only in case, accents or separators
    (remembered: every lint of a document folds the same names again)."""
    return " ".join(words(text))


def strip_possessive(text: str) -> str:
    """Without a possessive ending: "Russia's" -> "Russia", "Paris'" -> "Paris"."""
    return POSSESSIVE.sub("", text) if len(text) > 2 else text


def bare(text: str) -> tuple[int, str]:
    """An entity's name without a leading dash or article, a possessive or trailing dashes, and
    the number of characters cut in front: "the White House's" -> (4, "White House")."""
    offset = len(LEADING.match(text).group())
    return offset, strip_possessive(text[offset:].rstrip(TRAILING)).rstrip(TRAILING)


def is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin script (accented letters included)."""
    return text.isascii() or all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) between two folded names."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def is_abbreviation(text: str) -> bool:
    """ "US", "U.K.", "DPRK": forms whose spelling is a matter of house style, not of identity."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 3 or text.isupper() or "." in text


def is_typing_slip(a: str, b: str) -> bool:
    """Two neighbouring letters swapped ("tikhorestk" / "tikhoretsk"), or a letter doubled or
    undoubled ("barcelonna" / "barcelona"): slips of the keyboard rather than other names."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            return (i > 0 and long[i] == long[i - 1]) or (i + 1 < len(long) and long[i] == long[i + 1])
    return False


def is_plural(a: str, b: str) -> bool:
    """ "clintons" / "clinton", "buckeyes" / "buckeye": a plural, not another spelling."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def is_derived(word: str, base: str, endings: frozenset[str]) -> bool:
    """True when folded `word` is `base` plus a demonym ending ("russian" from "russia")."""
    for stem in {base, base[:-1]} if base[-1:] in "aeyo" else {base}:
        if word.startswith(stem) and word[len(stem) :] in endings:
            return True
    return False
