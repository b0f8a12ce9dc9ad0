"""Claims: sentences that assert something checkable or contested, and whether a source covers them.

A claim kind is a dependency pattern from `rules/attribution.yaml`: a reaction stated as fact
("This has sparked concerns"), a verdict in a predicate adjective ("The timing is
significant"), or a figure written with digits. A claim is attributed when its sentence holds an attribution cue,
lies inside an attribution's content, is mostly direct quotation, or follows "X said:" in its
paragraph. Headlines, captions and page debris are not news copy and hold no claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.analysis.attributions import Scope, scope
from newslint.data import load_pack
from newslint.positions import Quotations, entities, quotations, sentences

NEEDS = ("attributions", "furniture", "entities")

MOSTLY_QUOTED = 0.5


@dataclass(frozen=True)
class Claim:
    """A claim sentence (`start`-`end`), its kinds, the words that make it one, and its cover."""

    start: int
    end: int
    kinds: tuple[str, ...]
    evidence: str
    evidence_start: int
    evidence_end: int
    attributed: bool


def patterns() -> dict[str, list[list[dict]]]:
    """Dependency patterns per claim kind, from the pack's word lists."""
    claims = load_pack("attribution")["claims"]
    reaction, verdict = claims["reaction"], claims["characterisation"]
    return {
        "reaction": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "LEMMA": {"IN": reaction["verbs"]}}},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">",
                    "RIGHT_ID": "object",
                    "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "nsubjpass"]}, "LEMMA": {"IN": reaction["objects"]}},
                },
            ]
        ],
        "characterisation": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">",
                    "RIGHT_ID": "adjective",
                    "RIGHT_ATTRS": {"DEP": "acomp", "LOWER": {"IN": verdict["adjectives"]}},
                },
            ]
        ],
    }


@cache
def matcher(vocab):
    from spacy.matcher import DependencyMatcher

    built = DependencyMatcher(vocab)
    for kind, kind_patterns in patterns().items():
        built.add(kind, kind_patterns)
    return built


def qualified(token) -> bool:
    """A reaction whose holders are named ("fears among residents") or a negated verdict."""
    claims = load_pack("attribution")["claims"]
    reaction = claims["reaction"]
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in claims["characterisation"]["negators"]:
            return True
        if child.dep_ != "prep":
            continue
        if child.lower_ in reaction["holders"]:
            return True
        if child.lower_ in reaction["proper-holders"] and any(t.pos_ == "PROPN" for t in child.subtree):
            return True
    return False


def in_scope(start: int, end: int, attributions: Scope, quotes: Quotations) -> bool:
    """True when a source covers the sentence [start, end)."""
    return quotes.share(start, end) >= MOSTLY_QUOTED or attributions.covers(start, end)


def extract(analysis) -> list[Claim]:
    furniture = {(f.start, f.end) for f in analysis.facts("furniture")}
    attributions = scope(analysis)
    quotes = quotations(analysis)
    figures = set(load_pack("attribution")["claims"]["figure"]["entities"])
    claims = []
    for pa in analysis.paragraphs:
        if (pa.paragraph.start, pa.paragraph.end) in furniture:
            continue
        sentence_index = sentences(pa.doc)
        found: dict[int, list] = {}  # matches by the sentence of their first token
        for key, ids in matcher(pa.doc.vocab)(pa.doc):
            found.setdefault(sentence_index.index(min(ids)), []).append((key, ids))
        ents = entities(pa.doc)
        covered_by_colon = False
        for position, sent in enumerate(sentence_index.spans):
            start, end = pa.offset + sent.start_char, pa.offset + sent.end_char
            attributed = covered_by_colon or in_scope(start, end, attributions, quotes)
            covered_by_colon = attributed and sent.text.rstrip().endswith(":")
            evidence = sorted(
                (pa.doc.vocab.strings[key], min(ids), max(ids))
                for key, ids in found.get(position, ())
                if sent.start <= min(ids) and max(ids) < sent.end and not qualified(pa.doc[ids[-1]])
            )
            kinds = [kind for kind, _, _ in evidence]
            entity = next(
                (
                    e
                    for e in ents.within(sent.start, sent.end)
                    if e.label_ in figures and any(c.isdigit() for c in e.text)
                ),
                None,
            )
            if not evidence and entity is not None:
                evidence, kinds = [("figure", entity.start, entity.end - 1)], ["figure"]
            if evidence:
                _, first, last = evidence[0]
                lo, hi = pa.doc[first].idx, pa.doc[last].idx + len(pa.doc[last])
                claims.append(
                    Claim(
                        start,
                        end,
                        tuple(dict.fromkeys(kinds)),
                        analysis.document.prose[pa.offset + lo : pa.offset + hi],
                        pa.offset + lo,
                        pa.offset + hi,
                        attributed,
                    )
                )
    return claims
