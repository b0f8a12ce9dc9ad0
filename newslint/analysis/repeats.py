"""Repeated words: a word typed twice ("the the"), or a function word repeated around a short
adverb ("may again may").

Correct doubles, the function words and the adverbs between them are listed in
`rules/readability.yaml`; capitalised pairs that are names or titles ("Duran Duran") and words
separated by masked text holding letters (code, a comment, an image) are not repeats.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.data import load_pack

NEEDS = ("tokens",)


@dataclass(frozen=True)
class Repeat:
    """A repeated word over [start, end); `around` is the word between the two, if any;
    [fix_start, fix_end) is what removing the repeat deletes (None when no fix is offered)."""

    start: int
    end: int
    word: str
    second: str
    around: str | None
    quoted: bool
    fix_start: int | None = None
    fix_end: int | None = None


def same_word(a, b) -> bool:
    """Two spellings of one whole word; "the the-ory" is not a repeat."""
    if not (a.is_alpha and b.is_alpha and a.lower_ == b.lower_):
        return False
    hyphenated = not b.whitespace_ and b.i + 1 < len(b.doc) and b.doc[b.i + 1].text in "-–"
    return not hyphenated and (a.text == b.text or not (a.is_upper or b.is_upper))


def is_name(first, second, function_words: set[str]) -> bool:
    """A capitalised pair such as "Duran Duran" or "NIL NIL" is a name, a title or a table cell."""
    return second.text[:1].isupper() and first.lower_ not in function_words


def paragraph(analysis, pa) -> list[Repeat]:
    pack = load_pack("readability")
    doubles = set(pack["legitimate-doubles"])
    function_words = set(pack["repeatable-function-words"])
    between = set(pack["intervening-words"])
    doc = analysis.document
    found = []
    words = [t for t in pa.doc if not t.is_space]
    for i, first in enumerate(words[:-1]):
        second = words[i + 1]
        start = pa.offset + first.idx
        if doc.hides_words(pa.offset + first.idx, pa.offset + second.idx):
            continue  # "the `config.yaml` the": code, a comment or an image between
        if same_word(first, second) and first.lower_ not in doubles and not is_name(first, second, function_words):
            end = pa.offset + second.idx + len(second)
            quoted = doc.in_quote(start, end)
            fix = (None, None) if quoted else (pa.offset + first.idx + len(first), end)
            found.append(Repeat(start, end, first.text, second.text, None, quoted, *fix))
        elif i + 2 < len(words) and first.lower_ in function_words:
            third = words[i + 2]
            hidden = doc.hides_words(pa.offset + first.idx, pa.offset + third.idx)
            if same_word(first, third) and second.lower_ in between and second.is_alpha and not hidden:
                end = pa.offset + third.idx + len(third)
                found.append(Repeat(start, end, first.text, third.text, second.text, doc.in_quote(start, end)))
    return found
