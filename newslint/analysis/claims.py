"""Claims: sentences that assert something checkable or contested, and whether a source covers them.

A claim kind is a dependency pattern from `rules/attribution.yaml`: a reaction stated as fact
("This has sparked concerns"), a verdict in a predicate adjective ("The timing is
significant"), an accusation of wrongdoing ("The contractor bribed two inspectors"), a
prediction ("Bread prices will double"), a cause ("The fire was started by a cigarette"), an
intention of someone else ("The ministry intends to close 12 clinics"), a rate of a group
("Two in five nurses plan to leave", "60 per cent of voters support it"), a loaded account of
violence ("fired on the unarmed crowd"), or a figure written with digits. A negated or hedged one ("allegedly") is not a claim stated as fact. A claim is attributed when its sentence holds an attribution cue,
lies inside an attribution's content, is mostly direct quotation, or follows "X said:" in its
paragraph. Headlines (also one run into a paragraph), captions and page debris are not news
copy and hold no claims, nor do the sentences of a quotation that the paragraph opens and never
closes, nor those after marks that pair doubtfully (`quotes.doubtful_from`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newslint.analysis.attributions import Scope, scope
from newslint.analysis.furniture import copy_start, whole
from newslint.data import load_pack
from newslint.nlp import lasting, per_vocab
from newslint.positions import entities, sentences
from newslint.quotes import doubtful_from

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


@dataclass(frozen=True)
class ClaimSentence:
    """A sentence of one paragraph, whether it ends with a colon, and the claim it makes."""

    start: int
    end: int
    colon: bool
    claim: Claim | None


def verb_with(verb: dict, *children: tuple[str, dict]) -> list[dict]:
    """A dependency pattern: a verb and children named by their attributes."""
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": verb}]
    for name, attrs in children:
        pattern.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": name, "RIGHT_ATTRS": attrs})
    return pattern


def patterns() -> dict[str, list[list[dict]]]:
    """Dependency patterns per claim kind, from the pack's word lists."""
    claims = load_pack("attribution")["claims"]
    reaction, verdict = claims["reaction"], claims["characterisation"]
    accusation, prediction = claims["accusation"], claims["prediction"]
    cause, intention = claims["cause"], claims["intention"]
    statistic, loaded = claims["statistic"], claims["loaded"]
    main = {"IN": ["ROOT", "conj"]}
    rate_verb = {"POS": "VERB", "DEP": main, "LEMMA": {"IN": statistic["verbs"]}}
    return {
        "reaction": [
            verb_with(
                {"POS": "VERB", "LEMMA": {"IN": reaction["verbs"]}},
                ("object", {"DEP": {"IN": ["dobj", "nsubjpass"]}, "LEMMA": {"IN": reaction["objects"]}}),
            )
        ],
        "characterisation": [
            verb_with({"LEMMA": "be"}, ("adjective", {"DEP": "acomp", "LOWER": {"IN": verdict["adjectives"]}}))
        ],
        "accusation": [
            verb_with(
                {"POS": "VERB", "DEP": main, "LEMMA": {"IN": accusation["verbs"]}}, ("subject", {"DEP": "nsubj"})
            ),
            verb_with(
                {"POS": "VERB", "DEP": main, "LEMMA": {"IN": accusation["verbs"]}},
                ("subject", {"DEP": "nsubjpass"}),
                ("passive", {"DEP": "auxpass"}),
            ),
        ],
        "prediction": [
            verb_with(
                {"POS": "VERB", "DEP": "ROOT", "LEMMA": {"IN": prediction["verbs"]}},
                ("will", {"DEP": "aux", "LOWER": {"IN": prediction["auxiliaries"]}}),
                ("subject", {"DEP": "nsubj", "POS": "NOUN"}),
            )
        ],
        "cause": [
            verb_with(
                {"POS": "VERB", "DEP": "ROOT", "LEMMA": {"IN": cause["verbs"]}},
                ("subject", {"DEP": "nsubjpass", "LEMMA": {"IN": cause["events"]}}),
                ("agent", {"DEP": "agent"}),
            )
        ],
        "intention": [
            verb_with(
                {"POS": "VERB", "DEP": "ROOT", "LEMMA": {"IN": intention["verbs"]}, "TAG": {"IN": ["VBZ", "VBP"]}},
                ("subject", {"DEP": "nsubj", "POS": {"IN": ["NOUN", "PROPN"]}}),
                ("plan", {"DEP": "xcomp", "POS": "VERB"}),
            )
        ],
        "statistic": [
            verb_with(rate_verb, ("subject", {"DEP": "nsubj", "LOWER": {"IN": statistic["rates"]}})),
            verb_with(rate_verb, ("subject", {"DEP": "nsubj", "LIKE_NUM": True}))
            + [{"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "in", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "in"}}],
            verb_with(rate_verb, ("subject", {"DEP": "nsubj"}))
            + [
                {"LEFT_ID": "subject", "REL_OP": ">", "RIGHT_ID": "count", "RIGHT_ATTRS": {"DEP": "nummod"}},
                {"LEFT_ID": "count", "REL_OP": ">", "RIGHT_ID": "in", "RIGHT_ATTRS": {"LOWER": "in"}},
            ],
        ],
        "loaded": [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "DEP": main, "LEMMA": {"IN": loaded["verbs"]}}},
                {
                    "LEFT_ID": "verb",
                    "REL_OP": ">>",
                    "RIGHT_ID": "adjective",
                    "RIGHT_ATTRS": {"DEP": "amod", "LOWER": {"IN": loaded["adjectives"]}},
                },
            ]
        ],
    }


@per_vocab
def matchers(vocab) -> list[tuple[list[tuple[int, frozenset[int]]], Any]]:
    """One dependency matcher per claim pattern (its match key the kind), with the words the
    pattern requires: per node that names its words, the attribute (LEMMA, LOWER) and the
    hashes of the words allowed. A Doc lacking one node's words cannot match that pattern."""
    from spacy.attrs import LEMMA, LOWER
    from spacy.matcher import DependencyMatcher
    from spacy.strings import get_string_id

    lasting(vocab, patterns())
    found = []
    for kind, kind_patterns in patterns().items():
        for pattern in kind_patterns:
            needs = []
            for node in pattern:
                for name, attr in (("LEMMA", LEMMA), ("LOWER", LOWER)):
                    value = node["RIGHT_ATTRS"].get(name)
                    if value is not None:
                        words = value["IN"] if isinstance(value, dict) else [value]
                        needs.append((attr, frozenset(get_string_id(w) for w in words)))
            built = DependencyMatcher(vocab)
            built.add(kind, [pattern])
            found.append((needs, built))
    return found


def matches(doc) -> list[tuple[int, list[int]]]:
    """The claim patterns' matches in `doc`. A pattern's matcher runs only when the words it
    names are all there: a dependency matcher first matches every node over every token, so
    running all patterns on every paragraph cost as much as a rule."""
    from spacy.attrs import LEMMA, LOWER

    columns = doc.to_array([LEMMA, LOWER])
    present = {LEMMA: set(columns[:, 0].tolist()), LOWER: set(columns[:, 1].tolist())}
    found = []
    for needs, built in matchers(doc.vocab):
        if all(present[attr] & allowed for attr, allowed in needs):
            found += built(doc)
    return found


def unclosed_quote(text: str) -> int:
    """Where a quotation that the paragraph never closes opens (a quote running on to the next
    paragraph, as news copy runs long quotes), else the paragraph's length."""
    opens = []
    if text.count('"') % 2 == 1:
        opens.append(text.rfind('"'))
    if text.rfind("“") > text.rfind("”"):
        opens.append(text.rfind("“"))
    return min(opens, default=len(text))


def excused(kind: str, doc, ids) -> bool:
    """A match that is no claim stated as fact: its verb negated or hedged ("might cause
    controversy"), or a reaction or verdict `qualified` in its
    object or its verb ("caused outrage among residents")."""
    claims = load_pack("attribution")["claims"]
    verb = doc[ids[0]]
    if any(c.dep_ == "neg" or (c.dep_ in ("aux", "advmod") and c.lower_ in claims["hedged-by"]) for c in verb.children):
        return True
    return kind in ("reaction", "characterisation") and (qualified(doc[ids[-1]]) or qualified(verb))


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
        if child.lower_ in reaction["proper-holders"] and any(
            c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children
        ):  # "outrage in Congress", not "in light of the invasion of Ukraine"
            return True
    return False


def in_scope(start: int, end: int, attributions: Scope, document) -> bool:
    """True when a source covers the sentence [start, end)."""
    return document.quoted_share(start, end) >= MOSTLY_QUOTED or attributions.covers(start, end)


def paragraph(analysis, pa) -> list[ClaimSentence]:
    """Every sentence of the paragraph, with the claim it makes (not yet marked attributed);
    none in page furniture."""
    if whole(analysis, pa):
        return []
    copy_from = copy_start(analysis, pa) - pa.offset  # after a headline run into the paragraph
    quoted_from = min(unclosed_quote(pa.text), doubtful_from(pa.text))
    figures = set(load_pack("attribution")["claims"]["figure"]["entities"])
    sentence_index = sentences(pa.doc)
    found: dict[int, list] = {}  # matches by the sentence of their first token
    for key, ids in matches(pa.doc):
        found.setdefault(sentence_index.index(min(ids)), []).append((key, ids))
    ents = entities(pa.doc)
    result = []
    for position, sent in enumerate(sentence_index.spans):
        evidence = sorted(
            (pa.doc.vocab.strings[key], min(ids), max(ids))
            for key, ids in (found.get(position, ()) if sent.start_char < quoted_from else ())
            if sent.start <= min(ids)
            and max(ids) < sent.end
            and pa.doc[min(ids)].idx >= copy_from
            and not excused(pa.doc.vocab.strings[key], pa.doc, ids)
        )
        kinds = [kind for kind, _, _ in evidence]
        entity = next(
            (e for e in ents.within(sent.start, sent.end) if e.label_ in figures and any(c.isdigit() for c in e.text)),
            None,
        )
        if not evidence and entity is not None:
            evidence, kinds = [("figure", entity.start, entity.end - 1)], ["figure"]
        start, end = pa.offset + sent.start_char, pa.offset + sent.end_char
        claim = None
        if evidence:
            _, first, last = evidence[0]
            lo, hi = pa.offset + pa.doc[first].idx, pa.offset + pa.doc[last].idx + len(pa.doc[last])
            claim = Claim(start, end, tuple(dict.fromkeys(kinds)), analysis.document.prose[lo:hi], lo, hi, False)
        result.append(ClaimSentence(start, end, sent.text.rstrip().endswith(":"), claim))
    return result


def combine(analysis, parts: list[list[ClaimSentence]]) -> list[Claim]:
    """The claims, each marked attributed when a source covers it (a sentence ending in a colon
    carries its cover to the next)."""
    attributions = scope(analysis)
    claims = []
    for sentences_of in parts:
        covered_by_colon = False
        for s in sentences_of:
            attributed = covered_by_colon or in_scope(s.start, s.end, attributions, analysis.document)
            covered_by_colon = attributed and s.colon
            if s.claim is not None:
                claims.append(replace(s.claim, attributed=attributed))
    return claims
