"""Page furniture: headlines, captions, credits and scraped page debris that are not news copy.

A paragraph is furniture when it is short and starts like page debris ("Share this", "Leave a
Reply", "Also Read: ...") or carries a photo credit ("Photo: ...", "| (Cordon Press)"), or when it has the shape of a headline: no sentence-final punctuation and
either first in the document, short, or mostly capitalised words; a first paragraph of mostly
capitalised words is a headline even with a final stop. A paragraph of copy may open with a
headline run into it ("Boston reportedly looks to sign him for eight years Though the Red Sox
..."): a few words with no final stop, cut off by a capitalised function word that starts the
prose; that run is furniture of kind "run". Patterns live in `rules/attribution.yaml`;
attribution rules skip furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.data import load_pack
from newslint.nlp import lasting, per_vocab

NEEDS = ("tags",)

TERMINAL = tuple('.!?:;"”’…')


@dataclass(frozen=True)
class Furniture:
    """A paragraph that is not news copy; `kind` is "headline", "caption" or "debris"."""

    start: int
    end: int
    kind: str
    text: str


@per_vocab
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


BREAKS = {"SCONJ", "CCONJ", "PRON", "ADV", "AUX"}  # capitalised mid-sentence only after a lost stop
STOPS = {".", "!", "?", ":"}
ENDS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}  # what a headline's last word is (not "and")


def starts_prose(doc, i: int, title_share: float, shape: dict) -> bool:
    """Token `i` opens the prose after a headline run: a capitalised function word after a word
    after a word a headline can end with (a determiner before a name only when the run is
    mostly capitalised: not "in The Hague"),
    followed by lower-case words."""
    token, before = doc[i], doc[i - 1]
    if not (token.is_title and token.text != "I" and before.is_alpha and before.pos_ in ENDS):
        return False
    if token.pos_ not in BREAKS and not (
        token.pos_ == "DET" and (doc[i + 1].pos_ != "PROPN" or title_share >= shape["title-case-share"])
    ):
        return False
    following = [t for t in doc[i + 1 : i + 1 + shape["run-lookahead"]] if t.is_alpha]
    return sum(1 for t in following if t.is_lower) >= shape["run-lower-words"]


def headline_run(doc) -> int | None:
    """The character offset in `doc` where the prose starts after a headline run into it, if any."""
    shape = load_pack("attribution")["headline"]
    words = capitalised = 0  # alphabetic words before token i, and those with a capital
    for i, token in enumerate(doc[: shape["run-max-tokens"]]):
        if token.text in STOPS or token.is_quote or token.is_bracket:
            return None
        if words >= shape["run-min-words"] and i + 1 < len(doc) and starts_prose(doc, i, capitalised / words, shape):
            return token.idx
        if token.is_alpha:
            words += 1
            capitalised += token.text[0].isupper()
    return None


def paragraph(analysis, pa) -> list[Furniture]:
    p = pa.paragraph
    text = analysis.document.text
    kind = "headline" if p.kind == "heading" else classify(pa.doc, pa.position)
    if kind:
        return [Furniture(p.start, p.end, kind, text[p.start : p.end])]
    run = headline_run(pa.doc)
    return [Furniture(p.start, pa.offset + run, "run", text[p.start : pa.offset + run])] if run else []


def whole(analysis, pa) -> bool:
    """True when the paragraph is furniture, not copy that opens with a headline run."""
    return any(f.kind != "run" for f in analysis.paragraph_facts("furniture", pa))


def copy_start(analysis, pa) -> int:
    """Where the paragraph's copy starts: after a headline run into it, if any."""
    return max((f.end for f in analysis.paragraph_facts("furniture", pa) if f.kind == "run"), default=pa.offset)
