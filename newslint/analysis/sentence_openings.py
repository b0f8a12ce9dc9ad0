"""Sentence openings: a sentence of news copy that begins with a numeral written in digits
("20 people died"), which most style books spell out or recast. Years ("2004 was"), list
numbers ("1." or "2)"), and numbers inside a name, an address or a date ("10 Downing Street",
"5 March"), clock times and gallery counters ("10.58", "1 of 18") are not openings; nor are
headings, headlines and page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.analysis import paragraph_sentences
from newslint.analysis.furniture import whole
from newslint.data import load_pack

NEEDS = ("sentences", "entities", "tags", "furniture")

CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")


@dataclass(frozen=True)
class NumeralOpening:
    """The numeral (`start`-`end`, as written) that opens a sentence."""

    start: int
    end: int
    text: str


def paragraph(analysis, pa) -> list[NumeralOpening]:
    pack = load_pack("readability")["numeral-openings"]
    if pa.paragraph.kind != "paragraph" or whole(analysis, pa):
        return []
    sentences = paragraph_sentences(pa)
    if pa.position == 0 and len(sentences) == 1 and len(pa.doc) <= pack["headline-tokens"]:
        return []  # a headline with its full stop: "2 leaders arrested in Canada."
    counted = set(pack["counted-entities"])
    found = []
    for _, sent in sentences:
        first = next((t for t in sent if not (t.is_punct or t.is_space or t.is_quote)), None)
        if first is None or not (first.like_num and first.text[:1].isdigit()):
            continue
        if first.text[-1] in pack["list-marks"] or (
            not first.whitespace_ and first.i + 1 < len(pa.doc) and pa.doc[first.i + 1].text in pack["list-marks"]
        ):
            continue  # "1. Open the valve", "2) Close it"
        if first.ent_type_ and first.ent_type_ not in counted:
            continue  # "5 March", "2004 was"
        following = pa.doc[first.i + 1 : first.i + 3]
        if following and following[0].pos_ == "PROPN":
            continue  # an address or a name: "10 Downing Street", "7 World Trade Center"
        if CLOCK.fullmatch(first.text) or (
            len(following) == 2 and following[0].lower_ == "of" and following[1].like_num
        ):
            continue  # a live blog's time stamp ("10.58"), a gallery's counter ("1 of 18")
        if first.text.isdigit() and len(first.text) == 4 and pack["first-year"] <= int(first.text) <= pack["last-year"]:
            continue
        start = pa.offset + first.idx
        found.append(NumeralOpening(start, start + len(first), first.text))
    return found
