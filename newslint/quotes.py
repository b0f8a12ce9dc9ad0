"""Direct quotations: the spans a reporter may not rewrite.

Curly and straight double quotes, and curly single quotes used as quotation marks (an
apostrophe inside a word is not one). News convention: a quote left open at the end of a
paragraph continues in the next paragraph, which reopens it with a quotation mark; each
paragraph's part is its own span, running to the end of the paragraph.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.document import Paragraph, Span

OPENERS = "([{—–-/"


def opens_here(text: str, i: int, start: int) -> bool:
    """A straight or single mark at `i` opens a quote when it starts a word."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENERS) and not after.isspace()


def misshapen_from(text: str) -> int:
    """The first straight quotation mark of a paragraph when a mark that closes a quote is shaped
    like an opening one (a blank before it, a word after: `"destroying "its`, `loud. "And`, as in
    paragraphs run together); else the paragraph's length."""
    marks = [i for i, ch in enumerate(text) if ch == '"']
    for closing in marks[1::2]:
        if text[closing - 1].isspace() and opens_here(text, closing, 0):
            return marks[0]
    return len(text)


def doubtful_from(text: str) -> int:
    """Where the pairing of a paragraph's straight quotation marks stops being certain: the first
    mark when their number is odd or they are `misshapen_from` there; else the paragraph's
    length. What lies after it may be inside a quotation."""
    first = text.find('"')
    return first if first >= 0 and text.count('"') % 2 else misshapen_from(text)


def quotes_in(text: str, paragraph: Paragraph) -> list[Span]:
    spans: list[Span] = []
    double_at: int | None = None
    single_at: int | None = None
    for i in range(paragraph.start, paragraph.end):
        ch = text[i]
        if ch == "“" or (ch == '"' and double_at is None and opens_here(text, i, paragraph.start)):
            if double_at is None:
                double_at, single_at = i, None
        elif ch in '”"' and double_at is not None:
            spans.append(Span(double_at, i + 1))
            double_at = None
        elif double_at is not None:
            continue
        elif ch == "‘" and opens_here(text, i, paragraph.start):
            single_at = i
        elif ch == "’" and single_at is not None:
            after = text[i + 1] if i + 1 < len(text) else " "
            if not after.isalpha():
                spans.append(Span(single_at, i + 1))
                single_at = None
    if double_at is not None:
        spans.append(Span(double_at, paragraph.end))
    return spans


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Span]:
    """Every quotation span in `text`, paragraph by paragraph; a paragraph's are found once for
    what they depend on (its text and the character after it), so an edit finds only its own."""
    return [
        Span(p.start + start, p.start + end)
        for p in paragraphs
        for start, end in _quotes_of(text[p.start : p.end + 1], p.end - p.start)
    ]


@lru_cache(maxsize=1024)  # paragraphs: those of the drafts open at once
def _quotes_of(segment: str, length: int) -> tuple[tuple[int, int], ...]:
    """The quotations of a paragraph of `length` characters at the start of `segment`, relative to it."""
    return tuple((q.start, q.end) for q in quotes_in(segment, Paragraph(0, length)))
