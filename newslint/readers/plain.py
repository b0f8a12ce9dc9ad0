"""Plain-text reader: paragraphs from blank lines and from the shape of the lines.

Copy pasted from a CMS often has one paragraph per line; copy from an email or a wire feed
is often hard-wrapped. A block of lines (between blank lines) counts as one wrapped paragraph
only when its lines look wrapped; otherwise each line is a paragraph of its own.
"""

from __future__ import annotations

import re

from newslint.document import Paragraph
from newslint.readers import mask_comments, trimmed

BLOCK = re.compile(r"(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
TERMINAL = tuple('.!?:;"”’)]')
MAX_WRAP = 100


def looks_wrapped(lines: list[str]) -> bool:
    """True when a block's line breaks are wrapping inside one paragraph."""
    body = [line.rstrip() for line in lines]
    if len(body) < 2:
        return False
    heads = body[:-1]
    longest = max(len(line) for line in heads)
    if longest > MAX_WRAP or any(len(line) < 0.7 * longest for line in heads):
        return False
    if len(body) >= 3:
        return True
    return not heads[0].endswith(TERMINAL) and body[1].lstrip()[:1].islower()


def read_plain(text: str) -> tuple[str, list[Paragraph], dict[str, str]]:
    chars = list(text)
    mask_comments(text, chars)
    prose = "".join(chars)
    paragraphs: list[Paragraph] = []
    for block in BLOCK.finditer(prose):
        lines = [m for m in LINE.finditer(prose, block.start(), block.end()) if m.group()]
        pieces = (
            [(block.start(), block.end())]
            if looks_wrapped([m.group() for m in lines])
            else [(m.start(), m.end()) for m in lines]
        )
        for start, end in pieces:
            paragraph = trimmed(prose, start, end)
            if paragraph:
                paragraphs.append(paragraph)
    return prose, paragraphs, {}
