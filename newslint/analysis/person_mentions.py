"""Person mentions: where a paragraph names a person or introduces one without a name.

A back reference such as "the 49-year-old" is read as the nearest person mentioned before it;
an unnamed introduction ("a man", "an 18-year-old student") stops it from reaching a named
person further back. A noun in apposition ("Ana Costa, a nurse,") describes the person named. The person nouns are listed in `rules/figures.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.data import load_pack

NEEDS = ("entities", "lemmas", "names")

INDEFINITE = {"a", "an", "another"}


@dataclass(frozen=True)
class PersonMention:
    """A person mentioned at `start`..`end`; `name` is None for "a man", "a 23-year-old"."""

    start: int
    end: int
    name: str | None


def paragraph(analysis, pa) -> list[PersonMention]:
    found = [
        PersonMention(n.start, n.end, n.text) for n in analysis.paragraph_facts("names", pa) if n.label == "PERSON"
    ]
    nouns = set(load_pack("figures")["person-nouns"])
    for token in pa.doc:
        if token.pos_ == "NOUN" and token.lemma_.lower() in nouns and token.dep_ != "appos" and _indefinite(token):
            start = pa.offset + token.idx
            found.append(PersonMention(start, start + len(token.text), None))
    return sorted(found, key=lambda m: m.start)


def _indefinite(token) -> bool:
    """The noun's phrase opens with "a", "an" or "another"."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)
