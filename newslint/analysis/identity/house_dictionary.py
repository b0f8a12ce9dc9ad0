"""The house dictionary of names (NL204): the newsroom's spelling of a person or organisation.

An entry names the spelling to use and, optionally, forms it replaces; any run of whole words
of a name mention that reads as one of them (folded, transliterated, spaced or run together)
but is not spelled as the house writes it is replaced: with "Gaddafi" in the dictionary,
"Qaddafi" in "Muammar Qaddafi" becomes "Gaddafi".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity.mentions import checked
from newslint.analysis.identity.name_words import sound
from newslint.analysis.identity.places import Replacement
from newslint.analysis.identity.spelling import name_spelling
from newslint.analysis.names import name_key
from newslint.data import load_pack

if TYPE_CHECKING:
    from newslint.analysis import Analysis

WORD = re.compile(r"\S+")


def sounds(text: str) -> str:
    """A name's words as compared with the dictionary: folded, transliterated, run together."""
    return "".join(sound(word) for word in name_key(text).split())


def house_spellings(spellings: dict[str, str]) -> dict[str, str]:
    """The sounds of every listed form -> the house spelling: the pack's entries, then the
    configuration's (old -> use), which override them."""
    chosen = {sounds(form): entry["use"] for entry in pack_entries() for form in (entry["use"], *entry.get("not", ()))}
    for old, use in spellings.items():
        chosen[sounds(old)] = chosen[sounds(use)] = use
    chosen.pop("", None)
    return chosen


@cache
def pack_entries() -> tuple[dict[str, Any], ...]:
    return tuple(load_pack("names").get("house-style", []))


def house_names(analysis: Analysis, spellings: dict[str, str], quotes: bool = False) -> list[Replacement]:
    """Runs of words of name mentions that the house dictionary spells otherwise."""
    chosen = house_spellings(spellings)
    if not chosen:
        return []
    found = []
    for m in checked(analysis, analysis.facts("names"), quotes):
        words = list(WORD.finditer(m.text))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):  # the longest run first
                start, end = words[i].start(), words[j - 1].end()
                written = m.text[start:end]
                use = chosen.get(sounds(written))
                if use:
                    use = use.upper() if m.text.isupper() else use
                    if name_spelling(written) != name_spelling(use):
                        span = replace(m, start=m.start + start, end=m.start + end, text=written)
                        found.append(Replacement(span, use))
                    i = j - 1
                    break
            i += 1
    return found
