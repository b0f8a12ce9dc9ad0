"""Readers turn bytes into a `Document`: plain text and Markdown.

Both readers share the steps here: decoding with clear errors, suppression comments, quote
spans and paragraph trimming. They differ only in which characters count as prose.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from newslint.document import Directive, Document, Paragraph, Span
from newslint.errors import InputError

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
PROSE_SUFFIXES = MARKDOWN_SUFFIXES | {".txt", ".text"}

DIRECTIVE = re.compile(r"<!--\s*newslint:\s*(disable|enable|ignore)\b")
CODE = re.compile(r"\bNL\w+")  # a code or prefix; a mistyped one is kept so it can be reported


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
UNSUPPORTED_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(path: str, data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without a byte-order mark); raise InputError naming the problem.

    UTF-16 and UTF-32 are refused rather than read: a fix must never change a file's encoding.
    """
    for mark, encoding in UNSUPPORTED_BOMS:
        if data.startswith(mark):
            raise InputError(path, f"{encoding} is not supported; save the file as UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}") from None
    return text, bom


def blank(text: str) -> str:
    """Same-length blanks for `text`, keeping its line breaks."""
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def comments(text: str) -> list[tuple[int, int]]:
    """[start, end) of each HTML comment, `<!--` to the first `-->` after it (linear scan)."""
    found, start = [], text.find("<!--")
    while start >= 0:
        close = text.find("-->", start + 4)
        if close < 0:  # no later comment can close either
            break
        found.append((start, close + 3))
        start = text.find("<!--", close + 3)
    return found


def find_directives(text: str) -> list[Directive]:
    """Suppression comments (also one opened inside another comment), in one pass over `text`."""
    directives, start = [], text.find("<!--")
    while start >= 0:
        m = DIRECTIVE.match(text, start)
        if not m:
            start = text.find("<!--", start + 4)
            continue
        close = text.find("-->", m.end())
        if close < 0:  # no later directive can close either
            break
        directives.append(Directive(start, close + 3, m.group(1), tuple(CODE.findall(text, m.end(), close))))
        start = text.find("<!--", close + 3)
    return directives


def without_comments(text: str) -> str:
    """`text` with its HTML comments blanked (a copy only when it has some)."""
    parts, at = [], 0
    for start, end in comments(text):
        parts += [text[at:start], blank(text[start:end])]
        at = end
    return "".join([*parts, text[at:]]) if parts else text


def mask_comments(text: str, chars: list[str]) -> None:
    for start, end in comments(text):
        mask(chars, start, end)


def trimmed(prose: str, start: int, end: int, kind: str = "paragraph") -> Paragraph | None:
    """The paragraph [start, end) without surrounding blanks, or None when it is empty."""
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return Paragraph(start, end, kind) if start < end else None


def read_document(path: str, data: bytes) -> Document:
    """Read `data` as the file at `path`; Markdown by suffix, plain text otherwise."""
    from newslint.quotes import find_quotes

    text, bom = decode(path, data)
    if PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES:
        from newslint.readers.markdown import read_markdown as reader
    else:
        from newslint.readers.plain import read_plain as reader
    prose, paragraphs, metadata = reader(text)
    quotes: list[Span] = find_quotes(prose, paragraphs)
    return Document(
        path=path,
        text=text,
        prose=prose,
        paragraphs=paragraphs,
        quotes=quotes,
        directives=find_directives(text),
        bom=bom,
        metadata=metadata,
    )
