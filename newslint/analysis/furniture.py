"""Page furniture: headlines, captions, credits and scraped page debris that are not news copy.

A paragraph is furniture when it is short and starts like page debris ("Share this", "Leave a
Reply", "Also Read: ...") or carries a photo credit ("Photo: ...", "| (Cordon Press)"), or when it has the shape of a headline: no sentence-final punctuation and
either first in the document, short, or mostly capitalised words; a first paragraph of mostly
capitalised words is a headline even with a final stop. Patterns live in
`rules/attribution.yaml`; attribution rules skip these paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack
from newslint.nlp import lasting

NEEDS = ("tags",)

TERMINAL = tuple('.!?:;"”’…')


@dataclass(frozen=True)
class Furniture:
    """A paragraph that is not news copy; `kind` is "headline", "caption" or "debris"."""

    start: int
    end: int
    kind: str
    text: str


@cache
def _matchers(vocab) -> tuple:
    from spacy.matcher import Matcher

    pack = load_pack("attribution")["furniture"]
    start, anywhere = Matcher(vocab), Matcher(vocab)
    lasting(vocab, ["start", "anywhere"])
    start.add("start", pack["start"])
    anywhere.add("anywhere", pack["anywhere"])
    return start, anywhere


def classify(doc, index: int) -> str | None:
    """The furniture kind of a paragraph's Doc (`index` is its place in the document), or None."""
    pack = load_pack("attribution")
    start, anywhere = _matchers(doc.vocab)
    words = [t for t in doc if t.is_alpha]
    if len(words) <= pack["caption-max-words"]:
        if any(m_start == 0 for _, m_start, _ in start(doc)):
            return "debris"
        if anywhere(doc):
            return "caption"
    if not words:
        return "debris"
    shape = pack["headline"]
    capitalised = sum(1 for t in words if t.text[0].isupper()) / len(words)
    if index == 0 and capitalised >= shape["title-case-share"] and len(words) <= shape["first-max-words"]:
        return "headline"
    if doc.text.rstrip().endswith(TERMINAL):
        return None
    if index == 0 or len(words) <= shape["max-words"] or capitalised >= shape["title-case-share"]:
        return "headline"
    return None


def paragraph(analysis, pa) -> list[Furniture]:
    p = pa.paragraph
    kind = "headline" if p.kind == "heading" else classify(pa.doc, pa.position)
    return [Furniture(p.start, p.end, kind, analysis.document.text[p.start : p.end])] if kind else []
