"""Where a paragraph is cut before it is parsed: the pieces whose Docs are parsed, cached and joined.

A paragraph of at most `WHOLE` characters is parsed whole. A longer one is cut after each of its
sentence ends, so an edit re-parses only the sentence it touched (the parse is nearly all of the
cost of an edit, and a 200-word paragraph takes the parser four times as long as a sentence of
it; parsing the sentences apart costs no more than parsing them together). The cut is one a parser of the whole text would nearly always make: after a ".", "?" or "!"
the tokenizer splits off (so not after "Mr." or "U.S.") and not after an abbreviated title the
pack lists ("Lt."), before a capitalised word (perhaps after
an opening mark), and outside quotation marks, so a quotation is parsed with its attribution. Any piece over
`limit` characters (spaCy refuses a text over its `max_length`, and its memory grows with the
text) is first cut by `chunks`, at the best seam in each window.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newslint.data import load_pack

WHOLE = 600  # characters of a paragraph parsed in one piece; a news paragraph is seldom longer
SENTENCE_ENDS = frozenset(".?!")
CLOSING = frozenset("\"'”’)]")
OPENING = frozenset("\"'“‘([")
# Where `chunks` may cut, best first: a sentence end before a capital, "?" or "!", a line break,
# any space. The cut falls after the blanks, so sentences stay whole.
SEAMS = (
    re.compile(r"[.?!][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]*[A-Z0-9])"),
    re.compile(r"[?!][\"'”’)\]]*\s+"),
    re.compile(r"\n\s*"),
    re.compile(r"\s+"),
)


def pieces(tokenizer: Any, text: str, limit: int) -> list[str]:
    """`text` as the pieces it is parsed in; they join back into `text`."""
    found = []
    for chunk in chunks(text, limit):
        start = 0
        for cut in sentence_cuts(tokenizer(chunk)) if len(chunk) > WHOLE else ():
            found.append(chunk[start:cut])
            start = cut
        found.append(chunk[start:])
    return found


def sentence_cuts(doc: Any) -> list[int]:
    """Character offsets in `doc`'s text where a sentence begins after the end of another,
    outside quotation marks (see the module's docstring)."""
    tokens = list(doc)
    inside = quoted_after(tokens)
    cuts = []
    for i, token in enumerate(tokens):
        if token.text not in SENTENCE_ENDS or (
            i and not tokens[i - 1].whitespace_ and tokens[i - 1].lower_ in abbreviations()
        ):
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text in CLOSING and not tokens[j - 1].whitespace_:
            j += 1  # the marks closing what the sentence end is inside of
        if j < len(tokens) and tokens[j - 1].whitespace_ and not inside[j - 1] and begins_sentence(tokens, j):
            cuts.append(tokens[j].idx)
    return cuts


def quoted_after(tokens: list[Any]) -> list[bool]:
    """Whether each token leaves the text inside a quotation. A single mark opens one where a
    word would begin and closes it where a word ends; elsewhere it is an apostrophe. A mark
    that never closes keeps the rest of the paragraph uncut, the safe way to be wrong."""
    double = single = False
    inside = []
    for i, token in enumerate(tokens):
        mark = token.text
        if mark in ("“", "”", '"'):
            double = mark == "“" or (mark == '"' and not double)
        elif mark in ("‘", "’", "'"):
            after_blank = i == 0 or bool(tokens[i - 1].whitespace_)
            if mark == "‘" or (mark == "'" and after_blank):
                single = True
            elif single and not after_blank:
                single = False
        inside.append(double or single)
    return inside


@cache
def abbreviations() -> frozenset[str]:
    """Words a period abbreviates mid-sentence that the tokenizer does not know (`rules/names.yaml`)."""
    return frozenset(load_pack("names").get("abbreviations", []))


def begins_sentence(tokens: list[Any], j: int) -> bool:
    """Whether token `j` begins a sentence: a capitalised word, or an opening mark before one
    (not a figure: "No. 5", "Juror No. 8")."""
    if tokens[j].text in OPENING and j + 1 < len(tokens) and not tokens[j].whitespace_:
        j += 1
    return tokens[j].text[:1].isupper()


def chunks(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters, each cut at the best seam found in
    the second half of its window, else at its last blank (a hard cut only where it has none)."""
    found, start = [], 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        ends = [last_end(seam, text, low, high) for seam in SEAMS] + [last_end(SEAMS[-1], text, start + 1, low)]
        cut = next((end for end in ends if end is not None), high)
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


def last_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    """Where the last match of `pattern` in text[low:high] ends, or None."""
    end = None
    for match in pattern.finditer(text, low, high):
        end = match.end()
    return end
