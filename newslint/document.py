"""The document model: original text, the prose the analysis reads, and position maps.

Everything inside newslint works with character (code point) offsets into `Document.text`,
the decoded original without its byte-order mark. Readers mask non-prose (code, front matter,
markup) in `Document.prose` with same-length blanks, so an offset in the prose is an offset in
the original. Lines, code-point columns and UTF-16 positions are computed only for output.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from newslint.positions import SpanIndex

LINE_BREAK = re.compile(r"\r\n|\r|\n")
BLANKS = re.compile(r"\s+")
# Code units of one character in each position encoding of the Language Server Protocol.
UNIT_WIDTHS = {
    "utf-8": lambda ch: len(ch.encode("utf-8", "surrogatepass")),
    "utf-16": lambda ch: 2 if ord(ch) > 0xFFFF else 1,
    "utf-32": lambda ch: 1,
}


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (CRLF, CR and LF all end a line)."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def split_lines(text: str) -> list[str]:
    """`text` cut into lines that keep their ends; only CRLF, CR and LF end a line (unlike
    `str.splitlines`, which also cuts at form feeds and Unicode separators)."""
    starts = line_starts(text)
    lines = [text[a:b] for a, b in zip(starts, starts[1:])]
    return lines + [text[starts[-1] :]] if starts[-1] < len(text) else lines


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets, [start, end)."""

    start: int
    end: int

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Paragraph(Span):
    """A block of prose; `kind` is "paragraph", "heading" or "item"."""

    kind: str = "paragraph"


@dataclass(frozen=True)
class Directive(Span):
    """An inline suppression comment: `<!-- newslint: disable|enable|ignore CODES -->`."""

    action: str = "disable"
    codes: tuple[str, ...] = ()


class Position(NamedTuple):
    """A rendered position: `line` 1-based, `column` 1-based in code points."""

    line: int
    column: int


@dataclass
class Document:
    """One file (or buffer) as read, with its prose regions and position maps."""

    path: str
    text: str
    prose: str
    paragraphs: list[Paragraph]
    quotes: list[Span] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    bom: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)

    def line_index(self, offset: int) -> int:
        """0-based line containing `offset`."""
        return bisect.bisect_right(self._line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """1-based line and code-point column of `offset`."""
        line = self.line_index(offset)
        return Position(line + 1, offset - self._line_starts[line] + 1)

    def utf16_position(self, offset: int) -> tuple[int, int]:
        """0-based line and UTF-16 code-unit character, as the Language Server Protocol counts."""
        return self.lsp_position(offset, "utf-16")

    def offset_of_utf16(self, line: int, character: int) -> int:
        """The character offset of an LSP position (clamped to the line)."""
        return self.offset_of_lsp(line, character, "utf-16")

    def lsp_position(self, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
        """0-based line and character counted in `encoding`'s code units ("utf-8", "utf-16", "utf-32")."""
        line = self.line_index(offset)
        prefix = self.text[self._line_starts[line] : offset]
        units = len(prefix) if encoding == "utf-32" else sum(map(UNIT_WIDTHS[encoding], prefix))
        return line, units

    def offset_of_lsp(self, line: int, character: int, encoding: str = "utf-16") -> int:
        """The character offset of an LSP position in `encoding` (clamped to the line)."""
        width = UNIT_WIDTHS[encoding]
        line = min(max(line, 0), len(self._line_starts) - 1)
        offset, units = self._line_starts[line], 0
        while offset < len(self.text) and units < character and self.text[offset] not in "\r\n":
            units += width(self.text[offset])
            offset += 1
        return offset

    def is_prose(self, start: int, end: int) -> bool:
        """True when [start, end) holds prose only: no masked code, markup, comment or link target."""
        return self.text[start:end] == self.prose[start:end]

    def hides_words(self, start: int, end: int) -> bool:
        """True when masked text in [start, end) holds letters or digits (code, a comment, an
        image), so the prose on either side is not adjacent in what the reader sees."""
        return any(ch.isalnum() for ch, seen in zip(self.text[start:end], self.prose[start:end]) if ch != seen)

    @cached_property
    def quote_index(self) -> SpanIndex:
        """The direct quotations, by offset."""
        return SpanIndex(self.quotes)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def in_quote(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a direct quotation."""
        return self.quote_index.covers(start, end)

    def quotes_between(self, start: int, end: int) -> list[Span]:
        """The quotations that overlap [start, end), in order."""
        return self.quote_index.overlapping(start, end)

    def quoted_share(self, start: int, end: int) -> float:
        """The share of non-blank characters of [start, end) that lie inside quotations."""
        total = non_blank(self.prose[start:end])
        if not total:
            return 0.0
        inside = sum(
            non_blank(self.prose[max(q.start, start) : min(q.end, end)]) for q in self.quotes_between(start, end)
        )
        return inside / total

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing `offset`, if any."""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset in self.paragraphs[index]:
            return self.paragraphs[index]
        return None


def non_blank(text: str) -> int:
    """How many characters of `text` are not white space."""
    return len(text) - sum(len(blank) for blank in BLANKS.findall(text))
