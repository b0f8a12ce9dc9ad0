"""The other documents' names looked for in a draft's own words (NL603/NL604).

Entity recognition misses names, more often misspelled ones ("Jacinda Arden", "Nairobbi"),
so the names and places the other documents give are an inventory to read the draft with:
a run of capitalised words in the draft's prose that the recogniser passed over, spelled as
one of them would be after a slip (a surname one letter off, as `same_person` tests; a place
name one letter from a known one, with the same last letter, that the gazetteer does not
list and that is not its demonym or plural), is a mention of that name, unless another document writes it too (then
it is a word of its own). Only whole words of letters count: no possessives ("Palin's") or
hyphenated compounds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity import prose_mentions, same_person
from newslint.analysis.identity.spelling import demonym_endings, derived_or_plural
from newslint.analysis.names import NameMention, name_key
from newslint.analysis.places import PlaceMention
from newslint.folding import distance, fold, is_abbreviation
from newslint.gazetteer import gazetteer
from newslint.positions import SpanIndex

if TYPE_CHECKING:
    from newslint.analysis import Analysis

CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)*\b(?![-'’])")


def runs(analysis: Analysis, taken: list[Any]) -> list[tuple[int, int, str]]:
    """Every run of capitalised words in the draft's prose, and every part of one, that no
    recognised mention overlaps and no quotation holds: (start, end, text)."""
    document = analysis.document
    mentions = SpanIndex(taken)
    found = []
    for m in CAPITALISED.finditer(document.text):
        words = list(re.finditer(r"\S+", m.group()))
        for i in range(len(words)):
            for j in range(i, min(i + 4, len(words))):
                start, end = m.start() + words[i].start(), m.start() + words[j].end()
                if document.in_quote(start, end) or mentions.overlapping(start, end):
                    continue
                found.append((start, end, document.text[start:end]))
    return found


def written_by(others: list[Analysis], text: str) -> bool:
    """Whether another document writes `text` itself: then it is a word of its own ("the
    Angels" beside "Los Angeles"), not a slip."""
    pattern = re.compile(rf"\b{re.escape(text)}\b")
    return any(pattern.search(other.document.text) for other in others)


def missed_names(analysis: Analysis, others: list[Analysis]) -> list[NameMention]:
    """People the other documents name in full that the draft spells with a slip where its
    recogniser found no name."""
    known = {m.key: m for other in others for m in prose_mentions(other, "names") if m.label == "PERSON"}
    known = {key: m for key, m in known.items() if " " in key}
    if not known:
        return []
    found = []
    for start, end, text in runs(analysis, analysis.facts("names")):
        key = name_key(text)
        if " " in key and key not in known and any(same_person(key, k) for k in known) and not written_by(others, text):
            found.append(NameMention(start, end, text, "PERSON", key, key.split()[-1]))
    return found


def slip(folded: str, known: str) -> bool:
    """One letter off a known name inside the word: a different ending makes a demonym or a
    plural ("Greek", "Somalis", "German"), not a slip."""
    return folded[-1:] == known[-1:] and distance(folded, known) == 1


def missed_places(analysis: Analysis, others: list[Analysis]) -> list[PlaceMention]:
    """Places the other documents name that the draft spells with a slip, where its recogniser
    found no place and the gazetteer lists no place of that spelling."""
    known = {fold(m.text) for other in others for m in prose_mentions(other, "places") if m.key}
    known = {k for k in known if not is_abbreviation(k)}
    if not known:
        return []
    # A single word the recogniser took for a name may still be a place ("Gothenberg").
    taken = [*analysis.facts("places"), *(m for m in analysis.facts("names") if " " in m.key)]
    found = []
    for start, end, text in runs(analysis, taken):
        folded = fold(text)
        if folded in known or is_abbreviation(text) or gazetteer().lookup(text):
            continue
        if (
            any(slip(folded, k) for k in known)
            and not derived_or_plural(folded, known, demonym_endings())
            and not written_by(others, text)
        ):
            found.append(PlaceMention(start, end, text, None, None, None, "GPE", 0, False))
    return found
