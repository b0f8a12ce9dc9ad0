"""Markdown reader: only paragraphs, headings and list items are prose.

Everything starts masked; the lines of prose blocks (found with markdown-it) are copied back,
then inline non-prose (code spans, link targets, images, HTML, markup characters) is masked
again. Offsets in the prose are therefore offsets in the file.
"""

from __future__ import annotations

import re

from newslint.document import LINE_BREAK, Paragraph, line_starts
from newslint.readers import blank, mask, mask_comments, trimmed

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
META_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")
QUOTES = ("'", '"')

INLINE_MASKS = [
    re.compile(r"(`+)(?:.|\n)+?\1"),  # code span
    re.compile(r"!\[[^\][\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)"),  # image
    re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>"),  # autolink
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # inline HTML tag
]
LINK_TARGET = re.compile(r"(\[)[^\][\n]*(\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\][\n]*\])")
LINE_MARKUP = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:#{1,6}[ \t]+)?", re.M)
SETEXT_RULE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.M)
CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$", re.M)
EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~|\\(?=[^\w\s])")

PROSE_BLOCKS = {"paragraph_open": "paragraph", "heading_open": "heading"}
CONTAINERS = {"blockquote_open", "list_item_open"}
MAX_NESTING = 200  # markdown-it's limit on nested blocks; deeper ones are read as plain lines


def read_front_matter(text: str) -> tuple[int, dict[str, str]]:
    """The length of a leading YAML front-matter block and its simple `key: value` pairs."""
    match = FRONT_MATTER.match(text)
    if not match:
        return 0, {}
    pairs = {}
    for line in match.group(1).split("\n"):
        key = META_KEY.match(line)
        if key:
            pairs[key.group(1).lower()] = unquoted(line[key.end() :].strip())
    return match.end(), pairs


def unquoted(value: str) -> str:
    """`value` without one opening and one closing quotation mark, where it has them."""
    if value[:1] in QUOTES:
        value = value[1:]
    return value[:-1] if value[-1:] in QUOTES else value


def prose_blocks(text: str) -> list[tuple[int, int, str]]:
    """(first line, end line, kind) of each paragraph and heading, from markdown-it.

    markdown-it stops reading blocks nested deeper than `maxNesting` (it recurses once per
    level); the lines of such a too-deep block still count as prose, one paragraph per run of
    non-blank lines, so that no text goes unchecked.
    """
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable("inline")
    blocks = []
    in_item = 0
    lines: list[str] = []
    for token in parser.parse(text):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type in PROSE_BLOCKS and token.map:
            kind = PROSE_BLOCKS[token.type]
            blocks.append((token.map[0], token.map[1], "item" if in_item and kind == "paragraph" else kind))
        if token.type in CONTAINERS and token.level + 1 >= MAX_NESTING and token.map:
            lines = lines or LINE_BREAK.split(text)
            blocks.extend(line_runs(lines, *token.map))
    return sorted(blocks)


def line_runs(lines: list[str], first: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of non-blank lines in [first, end) as paragraphs."""
    runs, start, end = [], None, min(end, len(lines))
    for number in range(first, end):
        if lines[number].strip(" \t>"):
            start = number if start is None else start
        elif start is not None:
            runs.append((start, number, "paragraph"))
            start = None
    return runs if start is None else [*runs, (start, end, "paragraph")]


def read_markdown(text: str) -> tuple[str, list[Paragraph], dict[str, str]]:
    front_end, metadata = read_front_matter(text)
    source = list(text)
    mask(source, 0, front_end)
    mask_comments(text, source)
    unmasked = "".join(source)

    starts = line_starts(text) + [len(text)]
    prose = list(blank(text))
    spans = []
    for first, last, kind in prose_blocks(unmasked):
        start, end = starts[min(first, len(starts) - 1)], starts[min(last, len(starts) - 1)]
        prose[start:end] = unmasked[start:end]
        spans.append((start, end, kind))

    block_text = "".join(prose)
    for pattern in (*INLINE_MASKS, LINE_MARKUP, SETEXT_RULE, CLOSING_HASHES, EMPHASIS):
        for m in pattern.finditer(block_text):
            mask(prose, m.start(), m.end())
    for m in LINK_TARGET.finditer(block_text):
        mask(prose, m.start(1), m.end(1))
        mask(prose, m.start(2), m.end(2))

    masked = "".join(prose)
    paragraphs = [p for p in (trimmed(masked, s, e, kind) for s, e, kind in spans) if p]
    return masked, paragraphs, metadata
