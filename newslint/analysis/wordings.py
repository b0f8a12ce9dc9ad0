"""Quoted wordings: the pieces of each direct quotation between ellipses and editors'
[insertions], with their words
normalised for comparison with other documents (NL607)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.textmatch import Normalised, fragments, normalise
from newslint.data import load_pack

if TYPE_CHECKING:
    from newslint.analysis import Analysis

NEEDS = ()

LETTERS = re.compile(r"[^\W\d_]+")
INTRODUCED = re.compile(r':\s+"$')  # a quotation's end that opens the next one: `He said: "`


@dataclass(frozen=True)
class Wording:
    """A quotation, or a piece of one between ellipses and insertions."""

    start: int
    end: int
    words: Normalised  # folded for comparison
    titled: bool  # mostly capitalised: a quoted title or name, not speech
    misread: bool = False  # straight marks paired the wrong way round: narrative between two quotes

    @property
    def size(self) -> int:
        """How many words the piece has."""
        return len(self.words.text.split())


def extract(analysis: Analysis) -> list[Wording]:
    text = analysis.document.text
    return [
        Wording(
            start,
            end,
            normalise(text, start, end),
            mostly_capitalised(text[start:end]),
            INTRODUCED.search(text, quote.start, quote.end) is not None,
        )
        for quote in analysis.document.quotes
        for start, end in fragments(text, quote.start, quote.end)
    ]


def mostly_capitalised(quote: str) -> bool:
    """A quoted title or name ("Old Mill Road Warehouse"), not speech."""
    length, share = title_limits()
    words = [w for w in LETTERS.findall(quote) if len(w) >= length]
    return bool(words) and sum(w[0].isupper() for w in words) >= share * len(words)


@cache
def title_limits() -> tuple[int, float]:
    pack = load_pack("sources")
    return pack["title-word-length"], pack["title-capitalised-share"]
