"""Person and organisation mentions with a spelling-insensitive key.

The key folds case, diacritics, hyphens, spacing, periods, honorifics and the pack's
transliteration groups, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" share the key
"kim jong un", and "Col. Qaddafi" and "Gaddafi" share "gaddafi". Besides the model's
entities, a run of capitalised words it left untagged is a mention when it spells a full name
the document names ("Recep Tayyip Erdgoan" beside "Tayyip Erdogan").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from newslint.data import load_pack
from newslint.folding import bare, fold
from newslint.positions import SpanIndex, grouped

if TYPE_CHECKING:
    from newslint.analysis import Analysis

NEEDS = ("entities", "parse", "lemmas", "places")  # a place the model took for a person is not a name

LABELS = {"PERSON", "ORG"}
UNTAGGED = "UNTAGGED"  # a run of capitalised words that may be a name
QUOTE_MARKS = "'\"‘’“”"
HANDLES = ("#", "@")  # "#RyanAir", "@Ryanair": a hashtag or an account, not a name in prose


@dataclass(frozen=True)
class NameMention:
    """A person or organisation named in the text."""

    start: int
    end: int
    text: str  # without a leading article, title or trailing possessive
    label: str  # "PERSON" or "ORG"
    key: str  # folded identity: "kim jong un"
    surname: str | None  # a person's last folded word, None for organisations
    role: str | None = None  # a person's occupation as the text gives it: "teacher", "mayor"


def paragraph(analysis: Analysis, pa) -> list[NameMention]:
    mentions = []
    for ent in pa.doc.ents:
        if ent.label_ not in LABELS or pa.text[ent.start_char - 1 : ent.start_char] in HANDLES:
            continue
        if ent.label_ == "PERSON" and len(ent) == 1 and any(c.dep_ == "det" for c in ent.root.children):
            continue  # "the 22-year-old Scot": a noun, not a surname
        start, text = trimmed(ent.text, ent.label_)
        key = name_key(text)
        begin = pa.offset + ent.start_char + start
        if key:
            surname = key.split()[-1] if ent.label_ == "PERSON" else None
            role = occupation(ent) if ent.label_ == "PERSON" else None
            mentions.append(NameMention(begin, begin + len(text), text, ent.label_, key, surname, role))
    return mentions + untagged(pa)


def untagged(pa) -> list[NameMention]:
    """Runs of capitalised words outside any entity, as long as a full name may be: names the
    model missed (often because they are misspelled), kept by `combine` only when they name a
    person or organisation the document names in full."""
    longest = load_pack("names")["untagged-words"]
    found = []
    run: list[Any] = []
    for token in [*pa.doc, None]:
        if token is not None and not token.ent_type_ and token.is_alpha and token.text[:1].isupper():
            run.append(token)
            continue
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + longest) + 1):
                start, end = run[i].idx, run[j - 1].idx + len(run[j - 1].text)
                found.append((pa.offset + start, pa.text[start:end]))
        run = []
    return [NameMention(start, start + len(text), text, UNTAGGED, name_key(text), None) for start, text in found]


def combine(analysis: Analysis, parts: list[list[NameMention]]) -> list[NameMention]:
    """The name mentions that the document does not read as places, and the untagged runs
    of words that name one of its full names, spelled alike or as one person."""
    from newslint.analysis.identity.name_words import comparison_keys, same_person

    places = {(p.start, p.end) for p in analysis.facts("places")}
    tagged = [m for part in parts for m in part if m.label != UNTAGGED and (m.start, m.end) not in places]
    taken = SpanIndex(analysis.facts("places"))
    full = {m.key: m.label for m in tagged if " " in m.key}
    keys = list(full)
    alike = grouped(keys, comparison_keys)
    found = []
    for m in (m for part in parts for m in part if m.label == UNTAGGED):
        near = {keys[i] for k in comparison_keys(m.key) for i in alike.get(k, ())}
        label = full.get(m.key) or next((full[k] for k in sorted(near) if same_person(m.key, k)), None)
        if label and not taken.overlapping(m.start, m.end):
            surname = m.key.split()[-1] if label == "PERSON" else None
            found.append(replace(m, label=label, surname=surname))
    return sorted(tagged + found, key=lambda m: m.start)


def trimmed(text: str, label: str) -> tuple[int, str]:
    """(offset cut in front, name) without quotation marks, an article, a possessive or, for
    a person, titles."""
    offset, name = bare(text)
    quoted = len(name) - len(name.lstrip(QUOTE_MARKS))
    offset, name = offset + quoted, name[quoted:].rstrip(QUOTE_MARKS)
    titles = honorifics() if label == "PERSON" else frozenset()
    while True:
        head, _, rest = name.partition(" ")
        rest = rest.lstrip()
        if not rest or not head.rstrip(".").isalpha() or head.rstrip(".").lower() not in titles:
            return offset, name
        offset += len(name) - len(rest)
        name = rest


def occupation(ent) -> str | None:
    """The common noun that says what a person is: in apposition ("John Smith, a teacher",
    "the mayor, John Smith") or in front of the name ("teacher John Smith")."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    nouns += [
        t
        for t in ent.doc[max(ent.start - 2, 0) : ent.end]
        if t.pos_ == "NOUN" and t.head.i in range(ent.start, ent.end)
    ]
    return nouns[0].lemma_.lower() if nouns else None


def name_key(text: str) -> str:
    """The folded identity of a name."""
    folded = fold(text)
    for spelling, canonical in variant_spellings().items():
        if f" {spelling} " in f" {folded} ":
            folded = f" {folded} ".replace(f" {spelling} ", f" {canonical} ").strip()
    return folded


@cache
def honorifics() -> frozenset[str]:
    return frozenset(load_pack("names").get("honorifics", []))


@cache
def variant_spellings() -> dict[str, str]:
    """Each listed spelling (folded) -> the first spelling of its group."""
    mapping = {}
    for group in load_pack("names").get("variant-groups", []):
        canonical = fold(group[0])
        for spelling in group[1:]:
            mapping[fold(spelling)] = canonical
    return mapping
