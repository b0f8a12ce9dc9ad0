"""Common nouns: each written form of a common noun in the document and its lemma, by which
a headline's title-case word ("Containers", tagged a proper noun) finds its lemma."""

from __future__ import annotations

from dataclasses import dataclass

NEEDS = ("lemmas",)


@dataclass(frozen=True)
class Noun:
    text: str  # lower case, as written
    lemma: str  # lower case


def paragraph(analysis, pa) -> list[Noun]:
    """The paragraph's common nouns, each form once (its last lemma, as the document's)."""
    lemmas = {t.lower_: t.lemma_.lower() for t in pa.doc if t.pos_ == "NOUN"}
    return [Noun(text, lemma) for text, lemma in lemmas.items()]
