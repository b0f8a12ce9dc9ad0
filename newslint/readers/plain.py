"""Plain-text reader: paragraphs from blank lines and from the shape of the lines.

Copy pasted from a CMS often has one paragraph per line; copy from an email or a wire feed
is often hard-wrapped. A block of lines (between blank lines) counts as one wrapped paragraph
only when its lines look wrapped; otherwise each line is a paragraph of its own.
"""

from __future__ import annotations

import re

from newslint.document import Paragraph
from newslint.readers import trimmed, without_comments

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


def blocks(prose: str) -> list[list[re.Match[str]]]:
    """Runs of lines that are not blank, each line with its line break."""
    runs: list[list[re.Match[str]]] = [[]]
    for line in LINE.finditer(prose):
        if not line.group():
            break
        if line.group().isspace():
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run]


def read_plain(text: str) -> tuple[str, list[Paragraph], dict[str, str]]:
    prose = without_comments(text)
    paragraphs: list[Paragraph] = []
    for lines in blocks(prose):
        pieces = (
            [(lines[0].start(), lines[-1].end())]
            if looks_wrapped([m.group() for m in lines])
            else [(m.start(), m.end()) for m in lines]
        )
        for start, end in pieces:
            paragraph = trimmed(prose, start, end)
            if paragraph:
                paragraphs.append(paragraph)
    return prose, paragraphs, {}
