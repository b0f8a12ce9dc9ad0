"""Which mentions of places and names the rules look at, and their counterparts in another document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity.name_words import same_person
from newslint.analysis.identity.spelling import closest, house_forms, in_fixed_phrase, same_place
from newslint.folding import fold, is_abbreviation

if TYPE_CHECKING:
    from newslint.analysis import Analysis

QUOTE_MARKS = '"“”‘’'


def checked(analysis: Analysis, mentions: Iterable[Any], quotes: bool = False) -> list[Any]:
    """The mentions a rule looks at: capitalised, not in another language, and not inside a
    direct quotation unless `quotes`."""
    document = analysis.document
    return [
        m
        for m in mentions
        if not m.text.islower()
        and not getattr(m, "foreign", False)
        and (quotes or not document.in_quote(m.start, m.end))
    ]


def prose_mentions(analysis: Analysis, kind: str) -> list[Any]:
    """Place or name mentions ("places", "names") in the reporter's own prose, as compared
    across documents: those `checked` looks at, minus headline capitals, names holding a
    quotation mark and old spellings in phrases they are right in ("chicken Kiev")."""
    text = analysis.document.text
    return analysis.derived(
        f"prose-{kind}",
        lambda: [
            m
            for m in checked(analysis, analysis.facts(kind))
            if not m.text.isupper()
            and not any(mark in m.text for mark in QUOTE_MARKS)
            and not (kind == "places" and in_fixed_phrase(text, m.start, m.end))
        ],
    )


def place_counterparts(mention: Any, others: Sequence[Any]) -> list[Any]:
    """Mentions in another document of the same place: the same gazetteer entry spelled alike
    or as a listed variant, two spellings of one place in the house style ("Odessa" for
    "Odesa", wherever the gazetteer puts either), or, for a name the gazetteer does not know,
    a near spelling of a known place ("Nakhin" for "Najin")."""
    if is_abbreviation(mention.text):
        return []
    found = []
    for other in others:
        if is_abbreviation(other.text):
            continue
        if mention.key and other.key == mention.key:
            if same_place(mention.text, other.text) or house_forms(mention.text, other.text):
                found.append(other)
        elif fold(other.text) == fold(mention.text) or house_forms(mention.text, other.text):
            found.append(other)
        elif (mention.key is None) != (other.key is None):
            unknown, known = (mention, other) if mention.key is None else (other, mention)
            if unknown.label == "GPE" and closest(fold(unknown.text), [fold(known.text)]):
                found.append(other)
    return found


def name_counterparts(mention: Any, others: Sequence[Any]) -> list[Any]:
    """Mentions in another document of the same person or organisation by full name: the same
    folded identity, or a full name of the same person spelled another way."""
    if " " not in mention.key:
        return []
    return [
        other
        for other in others
        if other.label == mention.label
        and " " in other.key
        and (other.key == mention.key or (mention.label == "PERSON" and same_person(mention.key, other.key)))
    ]
