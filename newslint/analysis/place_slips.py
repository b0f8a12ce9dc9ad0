"""Capitalised words and compounds in prose, wherever the model tagged them or not, that the
gazetteer does not know and that lie an edit or two from a prominent place ("Brazill",
"Kazahkstan"): the candidates for a misspelled place (NL203), with what the paragraph says
about them (entity label, place context, a word the model knows)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.places import capitalised, in_place_context, reads_as_english
from newslint.data import load_pack
from newslint.folding import fold
from newslint.nlp import model_words
from newslint.positions import entities, sentences

if TYPE_CHECKING:
    from newslint.analysis import Analysis, ParagraphAnalysis

NEEDS = ("entities", "sentences")

MAX_WORDS = 3  # the longest compound compared: "Ho Chi Mihn"
# Entity labels of names that may hold a place's name without naming the place.
NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP"}


@dataclass(frozen=True)
class PlaceSlip:
    """A name an edit or two from prominent places; `near` are the closest ones, `distance`
    edits away, as (spelling, country, gazetteer key, major: a country, a US state, a capital
    or a pack place rather than a large city)."""

    start: int
    end: int
    text: str
    near: tuple[tuple[str, str, str, bool], ...]
    distance: int
    label: str  # the label of an entity that is exactly this name, else ""
    in_name: bool  # part of a longer entity of a name label ("Jordon" in "Michael Jordon")
    word: bool  # a word the model knew before reading any text ("Mail", "Parris")
    place_context: bool  # after "in", "to", "near"..., or before ", <place>"
    initial: bool  # starts a sentence, where a capital says nothing
    foreign: bool  # inside a sentence that does not read as English


def paragraph(analysis: Analysis, pa: ParagraphAnalysis) -> list[PlaceSlip]:
    doc = pa.doc
    ents = entities(doc)
    index = sentences(doc)
    words = model_words(doc.vocab)
    english: dict[int, bool] = {}
    found = []
    for start, end in compounds(doc):
        span = doc[start:end]
        folded = fold(span.text)
        near = near_places(folded)
        if not near:
            continue
        sentence = index.index(start)
        if sentence not in english:
            english[sentence] = reads_as_english(index.spans[sentence])
        ent = ents.at(start)
        exact = ent is not None and (ent.start, ent.end) == (start, end)
        inside = ent is not None and not exact and end <= ent.end and ent.label_ in NAME_LABELS
        begin = pa.offset + span.start_char
        found.append(
            PlaceSlip(
                begin,
                begin + len(span.text),
                span.text,
                near[1],
                near[0],
                ent.label_ if exact else "",
                inside,
                all(t.lower_ in words for t in span),
                in_place_context(doc, start, end),
                bool(doc[start].is_sent_start),
                not english[sentence],
            )
        )
    return found


def compounds(doc) -> list[tuple[int, int]]:
    """Token ranges of every run of capitalised words (hyphenated parts included) of up to
    `MAX_WORDS` words, and of such a run without its first word when that starts a sentence
    ("In Brazill"), in order. A word inside a longer run is part of another name ("Parris
    Island", "Xi Jinping")."""
    found = []
    run: list[int] = []
    for token in [*doc, None]:
        if token is not None and capitalised(token.text):
            run.append(token.i)
            continue
        if token is not None and token.text == "-" and run and run[-1] == token.i - 1 and not doc[run[-1]].whitespace_:
            continue  # "Rajin-Sonbong": the hyphen joins the run
        if run and len(run) <= MAX_WORDS:
            found.append((run[0], run[-1] + 1))
            if len(run) > 1 and doc[run[0]].is_sent_start:
                found.append((run[1], run[-1] + 1))
        run = []
    return found


@cache
def settings() -> dict:
    return load_pack("places")["misspellings"]


def limit(length: int) -> int:
    """The edits a name of `length` letters may lie from a place: none below `min-length`."""
    s = settings()
    return 0 if length < s["min-length"] else 2 if length >= s["two-edits-from"] else 1


def near_places(folded: str) -> tuple[int, tuple[tuple[str, str, str, bool], ...]] | None:
    """(distance, `PlaceSlip.near`) of the closest prominent places within the `limit` of `folded`,
    unless `folded` is itself a known place."""
    from newslint.gazetteer import gazetteer

    edits = limit(len(folded.replace(" ", "")))
    if not edits or gazetteer().lookup(folded):
        return None
    names, buckets = prominent_places()
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    choices = [n for size in range(len(folded) - edits, len(folded) + edits + 1) for n in buckets.get(size, ())]
    matches = process.extract(folded, choices, scorer=OSA.distance, score_cutoff=edits, limit=None)
    if not matches:
        return None
    best = min(score for _, score, _ in matches)
    return int(best), tuple(sorted({names[n] for n, score, _ in matches if score == best}))


@cache
def prominent_places() -> tuple[dict[str, tuple[str, str, str, bool]], dict[int, list[str]]]:
    """The gazetteer's prominent places (folded -> `PlaceSlip.near` entry) and their folded names by length."""
    from newslint.gazetteer import capitals, gazetteer

    s = settings()
    names = gazetteer().prominent(s["prominent-population"], capitals(s["capital-of-population"]))
    buckets: dict[int, list[str]] = defaultdict(list)
    for n in names:
        buckets[len(n)].append(n)
    return names, buckets
