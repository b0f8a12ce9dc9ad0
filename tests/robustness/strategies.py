"""Hypothesis strategies for news-like documents full of the things that trip a linter:
Markdown constructs around fixable slips, odd line breaks, quotes, numbers and units."""

from __future__ import annotations

import os

from hypothesis import strategies as st

# Scales every fuzz test: CI runs the default (about two minutes in all); a long local hunt
# sets NEWSLINT_FUZZ_SCALE=20 or more.
SCALE = float(os.environ.get("NEWSLINT_FUZZ_SCALE", "1"))


def examples(count: int) -> int:
    return max(1, int(count * SCALE))


WORDS = st.sampled_from(
    [
        "the",
        "the the",
        "Officials",
        "said",
        "may again may",
        "Kiev",
        "Bombay",
        "Kharkov",
        "Brazill",
        "Najin",
        "290 kilometres (180.198 miles)",
        "1,000 containers",
        "more than 1,000",
        "Tuesday, March 5, 2024",
        "9999-12-31",
        "40%",
        "$3.2bn",
        "reportedly",
        "experts say",
        "“We will will win,” she said.",
        '"quoted',
        "’s",
        "e\u0301",
        "🙂",
        "Ü",
        "\t",
        "  ",
        "-",
        ".",
        ",",
        "Kim Jong-un",
        "Kim Jong Un",
    ]
)

INLINE = st.sampled_from(
    [
        "`the`",
        "`config.yaml`",
        "<!-- the -->",
        "![the](the.png)",
        "[Kiev](https://example.com/kiev-report)",
        "[the](x)",
        "**",
        "_",
        "~~",
        "<span>",
        "</span>",
        "<https://example.com/the>",
        "\\*",
        "[1]",
        "|",
    ]
)

LINE_START = st.sampled_from(["", "", "", "# ", "## ", "- ", "1. ", "> ", "    ", "| ", "```", "---", "<div>", "  * "])
BREAK = st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\r", "\n\n\n", "\f", "\u2028"])


NOISE = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=6)


@st.composite
def news_line(draw) -> str:
    pieces = draw(st.lists(st.one_of(WORDS, WORDS, WORDS, INLINE, NOISE), min_size=1, max_size=14))
    return draw(LINE_START) + " ".join(pieces)


@st.composite
def news_document(draw) -> tuple[str, str]:
    """(suffix, text) of a small plain-text or Markdown draft."""
    suffix = draw(st.sampled_from([".md", ".txt"]))
    lines = draw(st.lists(news_line(), min_size=1, max_size=8))
    text = "".join(line + draw(BREAK) for line in lines)
    if draw(st.booleans()):
        text = "---\ntitle: A story\ndate: 2024-03-05\n---\n" + text
    return suffix, text
