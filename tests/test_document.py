"""Positions map back exactly to the original text: CRLF, BOM, tabs, emoji, combining marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.document import Span
from newslint.readers import read_document


def doc(text: str, name: str = "a.txt", bom: bool = False):
    return read_document(name, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def test_crlf_lines_and_columns():
    d = doc("First line.\r\nSecond line here.\r\n")
    offset = d.text.index("here")
    assert d.position(offset) == (2, 13)
    assert d.utf16_position(offset) == (1, 12)
    assert d.text[d.paragraphs[1].start : d.paragraphs[1].end] == "Second line here."


def test_bom_is_not_a_column_and_is_remembered():
    d = doc("Hello world.", bom=True)
    assert d.bom and d.text == "Hello world."
    assert d.position(d.text.index("world")) == (1, 7)


def test_tab_counts_as_one_column():
    d = doc("\tIndented text.")
    assert d.position(d.text.index("Indented")) == (1, 2)


def test_emoji_is_one_code_point_and_two_utf16_units():
    d = doc("Fire 🔥 in the hall.")
    offset = d.text.index("in")
    assert d.position(offset).column == 8
    assert d.utf16_position(offset) == (0, 8)


def test_combining_characters_count_as_code_points():
    d = doc("Cafe\u0301 owners said so.")
    assert d.position(d.text.index("owners")).column == 7


def test_lone_cr_ends_a_line():
    d = doc("One.\rTwo.")
    assert d.position(d.text.index("Two")) == (2, 1)


@given(st.text(alphabet=st.sampled_from("ab \t\n\r😀é\u0301"), max_size=60), st.data())
def test_utf16_positions_round_trip(text, data):
    d = doc(text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        offset -= 1  # the middle of a CRLF pair is not a position
    line, character = d.utf16_position(offset)
    assert d.offset_of_utf16(line, character) == offset


def test_plain_text_one_paragraph_per_unwrapped_line():
    d = doc("A headline\n\nFirst paragraph is here and it is long enough.\nSecond paragraph follows it.\n")
    texts = [d.text[p.start : p.end] for p in d.paragraphs]
    assert texts == ["A headline", "First paragraph is here and it is long enough.", "Second paragraph follows it."]


def test_plain_text_hard_wrapped_block_is_one_paragraph():
    body = (
        "The council voted on Tuesday to close the old bridge for\n"
        "repairs that engineers say will take at least three months\n"
        "and cost more than the city had set aside for the work.\n"
    )
    d = doc(body)
    assert len(d.paragraphs) == 1
    assert d.text[d.paragraphs[0].start : d.paragraphs[0].end] == body.strip()


def test_quotes_are_marked():
    d = doc('He said: “We will not stop.” Then he left. Critics said "it is over" later.')
    quoted = [d.text[q.start : q.end] for q in d.quotes]
    assert quoted == ["“We will not stop.”", '"it is over"']


def test_apostrophes_are_not_quotes():
    d = doc("Russia’s ships and the DPRK’s ports were watched. ‘Scare quotes’ too.")
    assert [d.text[q.start : q.end] for q in d.quotes] == ["‘Scare quotes’"]


def test_quote_left_open_runs_to_the_end_of_its_paragraph():
    d = doc("“We will fight on,” he said. “We have no choice.\n\n“And we will win,” he added.")
    assert [d.text[q.start : q.end] for q in d.quotes] == [
        "“We will fight on,”",
        "“We have no choice.",
        "“And we will win,”",
    ]


@given(st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", "a", " ", "(", "\n", "\n\n"]), max_size=40))
def test_quotes_found_once_per_paragraph_equal_quotes_found_in_place(pieces):
    from newslint.quotes import quotes_in

    d = doc("".join(pieces))
    assert d.quotes == [q for p in d.paragraphs for q in quotes_in(d.prose, p)]
    moved = doc("First.\n\n" + "".join(pieces))  # the same paragraphs, found again from the cache
    assert moved.quotes == [Span(q.start + 8, q.end + 8) for q in d.quotes]
