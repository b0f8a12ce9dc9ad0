"""The Markdown reader masks non-prose with same-length blanks, keeping offsets exact."""

from __future__ import annotations

from newslint.readers import read_document

SAMPLE = """---
title: "Port traffic"
date: 2023-10-13
---

# Ships leave the port

The port handled `1,000 containers` last week, [officials said](https://example.org/x "t").

<!-- a note for the desk -->

```
code code code
```

    indented code block

- A list item with ![a photo](img.png) inside.

<div>raw html</div>

[ref]: https://example.org/ref
"""


def read(text: str):
    return read_document("story.md", text.encode("utf-8"))


def test_prose_has_the_same_length_and_line_breaks():
    d = read(SAMPLE)
    assert len(d.prose) == len(d.text)
    assert [i for i, c in enumerate(d.prose) if c == "\n"] == [i for i, c in enumerate(d.text) if c == "\n"]


def test_prose_characters_are_the_original_characters():
    d = read(SAMPLE)
    assert all(p == t for p, t in zip(d.prose, d.text) if not p.isspace())


def test_only_prose_survives():
    prose = read(SAMPLE).prose
    for hidden in ("title", "code code", "indented code", "https://", "img.png", "raw html", "a note", "1,000", "ref]"):
        assert hidden not in prose, hidden
    for kept in ("Ships leave the port", "officials said", "A list item with", "last week"):
        assert kept in prose, kept


def test_front_matter_is_metadata():
    assert read(SAMPLE).metadata["date"] == "2023-10-13"


def test_paragraph_kinds():
    d = read(SAMPLE)
    kinds = [(d.text[p.start : p.end], p.kind) for p in d.paragraphs]
    assert kinds[0] == ("Ships leave the port", "heading")
    assert kinds[1][1] == "paragraph"
    assert kinds[-1][1] == "item"


def test_crlf_markdown_keeps_offsets():
    text = SAMPLE.replace("\n", "\r\n")
    d = read(text)
    assert len(d.prose) == len(text)
    start = d.text.index("officials said")
    assert d.prose[start : start + 14] == "officials said"
    assert d.position(start).line == 8


def test_suppression_comment_is_a_directive():
    d = read("<!-- newslint: disable NL503 -->\n\nThe the end.\n")
    assert [(x.action, x.codes) for x in d.directives] == [("disable", ("NL503",))]
    assert "newslint" not in d.prose
