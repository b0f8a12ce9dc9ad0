"""Place mentions: spaCy GPE/LOC/FAC entities plus pack names the model misses, resolved
through the gazetteer with the document's own countries breaking ties."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newslint.data import load_pack
from newslint.folding import bare, fold
from newslint.nlp import lasting, pattern_tokenizer, per_vocab
from newslint.positions import entities, sentences

if TYPE_CHECKING:
    from newslint.analysis import Analysis, ParagraphAnalysis

NEEDS = ("entities", "sentences")

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities that may contain a place name without being a mention of the place itself.
NAME_LABELS = {"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "PERSON", "NORP", "LAW"}
# Labels the model sometimes gives a place ("São Paulo" as PERSON): such an entity is a place
# mention when the same name is tagged as a place elsewhere in the document, or when it is the
# name of a country or a large city (population for its main name, for its other names).
MISTAKEN_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT"}
# Labels of a city's other name that counts when the document tags the city under another
# ("UNTAGGED": a capitalised name that is no entity at all). An organisation counts only
# after a place word ("in Torino"): otherwise it is often a club named in the local form
# ("Napoli fans"); a NORP is a people ("Roma").
OTHER_NAME_LABELS = {"PERSON", "PRODUCT", "UNTAGGED"}
WELL_KNOWN_POPULATION = (100_000, 1_000_000)
MIN_FOREIGN_FUNCTION_WORDS = 2


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text; `key`, `canonical` and `country` are None when unresolved."""

    start: int
    end: int
    text: str
    key: str | None
    canonical: str | None
    country: str | None
    label: str  # the entity label, or "PACK" for a name found through the pack
    candidates: int  # how many gazetteer entries the name may denote
    foreign: bool  # inside a sentence that does not read as English


@dataclass(frozen=True)
class Candidate:
    """A possible place name in one paragraph, before the document decides what it names."""

    start: int
    end: int
    text: str
    label: str
    foreign: bool
    place_context: bool  # see `in_place_context`


def combine(analysis: Analysis, parts: list[list[Candidate]]) -> list[PlaceMention]:
    """The place mentions: entities the model tagged as places, names from the pack, and names
    the document or the gazetteer shows to be places; each resolved in the gazetteer, where
    the countries the document names settle an ambiguous name."""
    from newslint.gazetteer import gazetteer, resolve

    gaz = gazetteer()
    raw = [c for part in parts for c in part]
    tagged = {fold(c.text) for c in raw if c.label in PLACE_LABELS}
    keys = {p.key for c in raw if c.label in PLACE_LABELS for p in gaz.lookup(c.text)}
    raw = [
        c
        for c in raw
        if c.label in PLACE_LABELS
        or c.label == "PACK"
        or (c.label in MISTAKEN_LABELS and mislabelled(c.text, tagged))
        or another_name(c, keys)
    ]
    looked_up = [(c, gaz.lookup(c.text)) for c in raw]
    countries = {ps[0].country for _, ps in looked_up if len({p.country for p in ps}) == 1}
    mentions = []
    for c, candidates in looked_up:
        place = resolve(candidates, countries)
        mentions.append(
            PlaceMention(
                c.start,
                c.end,
                c.text,
                place.key if place else None,
                place.name if place else None,
                place.country if place else None,
                c.label,
                len(candidates),
                c.foreign,
            )
        )
    return mentions


def mislabelled(text: str, tagged: set[str]) -> bool:
    """True for a place the model gave another label: named as a place elsewhere in the
    document, or the name of a well-known place."""
    from newslint.gazetteer import gazetteer

    return fold(text) in tagged or (text.istitle() and gazetteer().is_well_known(text, *WELL_KNOWN_POPULATION))


def another_name(candidate: Candidate, keys: set[str]) -> bool:
    """True for a name the model did not tag as a place (or took for a person, or for an
    organisation in a place context) that is another name of a city the document tags as a place ("Lisboa"
    beside "Lisbon")."""
    from newslint.gazetteer import gazetteer

    if candidate.label not in OTHER_NAME_LABELS and not (candidate.label == "ORG" and candidate.place_context):
        return False
    return any(p.key in keys and p.kind == "city" for p in gazetteer().lookup(candidate.text))


def paragraph(analysis: Analysis, pa: ParagraphAnalysis) -> list[Candidate]:
    """Each possible place name in one paragraph, in order."""
    doc = pa.doc
    ents = entities(doc)
    found: dict[tuple[int, int], str] = {}
    for ent in ents.spans:
        if ent.label_ in PLACE_LABELS or ent.label_ in MISTAKEN_LABELS:
            found[(ent.start, ent.end)] = ent.label_
    for start, end in untagged_city_names(doc, ents):
        found[(start, end)] = "UNTAGGED"
    for _, start, end in pack_matcher(doc.vocab)(doc):
        if doc[start:end].text.islower():
            continue  # "madras" the cloth
        inside = ents.around(start, end)
        if not any(e.label_ in NAME_LABELS and (e.start, e.end) != (start, end) for e in inside) and not any(
            e.label_ in PLACE_LABELS for e in inside
        ):
            found[(start, end)] = "PACK"
    spans = []
    sentence_index = sentences(doc)
    english: dict[int, bool] = {}  # by sentence
    for (start, end), label in sorted(found.items()):
        span = doc[start:end]
        offset, text = bare(span.text)
        if not text:
            continue
        begin = pa.offset + span.start_char + offset
        sentence = sentence_index.index(start)
        if sentence not in english:
            english[sentence] = reads_as_english(sentence_index.spans[sentence])
        context = in_place_context(doc, start, end)
        spans.append(Candidate(begin, begin + len(text), text, label, not english[sentence], context))
    return spans


def untagged_city_names(doc, ents) -> list[tuple[int, int]]:
    """Token ranges of capitalised words outside every entity that name a city ("Göteborg").

    A word that starts a sentence is left out: there a capital letter says nothing."""
    from newslint.gazetteer import gazetteer

    gaz = gazetteer()
    found = []
    for token in doc:
        text = token.text
        if token.ent_type_ or token.is_sent_start or not (text[:1].isupper() and text.isalpha() and len(text) > 2):
            continue
        if any(p.kind == "city" for p in gaz.lookup(text)):
            found.append((token.i, token.i + 1))
    return found


def reads_as_english(sentence) -> bool:
    """False for a sentence of other-language text (a Spanish caption, say): one with more
    function words of another language than of English."""
    words = [t.lower_ for t in sentence if t.is_alpha and len(t) > 1]
    english = sum(1 for w in words if w in english_function_words())
    other = sum(1 for w in words if w in foreign_function_words())
    return other < MIN_FOREIGN_FUNCTION_WORDS or other <= english


def capitalised(text: str) -> bool:
    return text[:1].isupper() and text.isalpha() and not (len(text) > 1 and text.isupper())


def in_place_context(doc, start: int, end: int) -> bool:
    """True after a word that introduces a place ("in", "near"), before ", <Capitalised>"
    ("Tikhorestk, Russia"), or joined by "and" to a place or to a name in such a context."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end : end + 2]
    if before in place_words() or (len(after) == 2 and after[0].text == "," and capitalised(after[1].text)):
        return True
    head = doc[end - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
        if head.ent_type_ in PLACE_LABELS or (head.i > 0 and doc[head.i - 1].lower_ in place_words()):
            return True
    return False


@cache
def place_words() -> frozenset[str]:
    return frozenset(load_pack("places").get("place-words", []))


@cache
def english_function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def foreign_function_words() -> frozenset[str]:
    """Function words of other languages often quoted in English news, minus English ones."""
    return frozenset(load_pack("places").get("foreign-function-words", [])) - english_function_words()


@per_vocab
def pack_matcher(vocab):
    """A PhraseMatcher for the pack's place names (variant forms, house-style forms, small
    places), in any case but lower case ("KIEV" in a dateline)."""
    from spacy.matcher import PhraseMatcher

    pack = load_pack("places")
    names = {form for group in pack.get("variant-groups", []) for form in group["forms"]}
    names |= {s["name"] for s in pack.get("small-places", [])}
    names |= {form for entry in pack.get("house-style", []) for form in (entry["use"], *entry["not"])}
    matcher = PhraseMatcher(vocab, attr="LOWER")
    tokenizer = pattern_tokenizer(vocab)
    lasting(vocab, ["PLACE"])
    matcher.add("PLACE", [tokenizer(name) for name in sorted(names)])
    return matcher
