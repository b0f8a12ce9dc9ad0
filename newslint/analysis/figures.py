"""Figure facts: counts, money, percentages and ages, with qualifier, interval and counted noun.

Numbers come from `newslint.numbers`; the qualifier before a number ("more than", "about")
becomes the interval it implies (`rules/figures.yaml`). The counted noun is the head of the noun
phrase after the number ("containers of military equipment" -> container); the governing verb,
the noun's modifiers and the dates in the sentence are kept as context so that checks compare
only figures about the same thing. Ages are read from "Smith, 45,", "Smith (45)", "Smith, aged
45" and "the 45-year-old Smith".
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, replace
from functools import cache

from newslint.data import load_pack
from newslint.numbers import Number, find_numbers, parse_number
from newslint.positions import entities, sentences, tail_start

NEEDS = ("parse", "lemmas", "entities", "dates", "nouns", "person_mentions")

NOUN_POS = {"NOUN", "PROPN"}
PHRASE_POS = {"NOUN", "PROPN", "ADJ"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
NOT_PEOPLE = {"GPE", "LOC", "NORP", "DATE", "TIME", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
MAX_PHRASE = 5
MAX_CLIMB = 4
NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]+)"
AGE = r"(?P<age>\d{1,3}|[a-z]+(?:-[a-z]+)?)"
AGE_PATTERNS = [
    re.compile(rf"{NAME},\s(?P<age>\d{{1,3}})(?=,|\)|\.(?:\s|$)|\s(?:and|said|was|is|has|had|who|died|says)\b)"),
    re.compile(rf"{NAME}\s\((?P<age>\d{{1,3}})\)"),
    re.compile(rf"{NAME},?\s(?:aged|age)\s(?P<age>\d{{1,3}})\b"),
    re.compile(rf"{NAME},\s(?:a|an|the)\s(?:[a-z]+\s)?{AGE}-year-old\b"),
    re.compile(rf"\b(?i:the|a|an)\s{AGE}-year-old\s(?:[a-z]+\s)?{NAME}"),
]
BACK_REFERENCE = re.compile(rf"\b[Tt]he\s{AGE}-year-old\b")
RANGE_BEFORE = re.compile(r"(?:\d|\b(?:to|and|or)\s+\w+)\s*(?:%|percent)?\s*(?:-|–|\bto|\band|\bor)\s*\Z", re.I)
RANGE_AFTER = re.compile(r"\s*(?:-|–|to|or)\s*(?:\$|€|£)?\d")  # matched at the figure's end
RANGE_BETWEEN = re.compile(r"\b(?:between|from)\s+\Z|\bfrom\s+(?:\S+\s+){1,3}to\s+\Z", re.I)
RANGE_WORDS = 6  # the most runs of non-blanks a match of RANGE_BEFORE or RANGE_BETWEEN spans


@dataclass(frozen=True)
class Figure:
    """A figure and the interval it states; `low_open`/`high_open` mark strict bounds."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: str | None
    noun: str | None
    kind: str
    currency: str | None
    low_open: bool = False
    high_open: bool = False
    precision: float = 0.0
    verb: str | None = None
    subject: str | None = None
    actor: str | None = None  # the lemma of the verb's subject of any kind: "rival", "it"
    modifiers: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    sentence_start: int = 0
    distinct: bool = False
    back: bool = False  # written as a set named before: "the 350 passengers", "all 350"
    whole: bool = False  # the back reference names the whole set: "all 350", "of the 90 laptops"
    clause_verb: str | None = None  # the verb of a clause on the counted noun: "passengers injured"
    restrictors: tuple[str, ...] = ()  # where and when said of the counted noun itself: "workers on the night shift"
    places: tuple[str, ...] = ()  # the places (and "in the north") and dates of the figure's sentence
    dates: tuple[str, ...] = ()

    @property
    def phrase(self) -> str:
        """The figure as written with its normalised qualifier: "more than 1,000"."""
        return f"{self.qualifier} {self.text}" if self.qualifier not in (None, "vague") else self.text


@cache
def _pack() -> dict:
    return load_pack("figures")


@cache
def _qualifier_pattern() -> re.Pattern:
    words = sorted(_pack()["qualifiers"], key=len, reverse=True)
    return re.compile(rf"\b(?P<q>{'|'.join(re.escape(w) for w in words)})\s+\Z", re.I)


@cache
def _qualifier_words() -> int:
    """The most words a qualifier has: how far back before a number one may start."""
    return max((len(w.split()) for w in _pack()["qualifiers"]), default=1)


def interval(value: float, qualifier: str | None) -> tuple[float, float, bool, bool, str | None]:
    """(low, high, low_open, high_open, normalised qualifier) for a value after a qualifier."""
    if qualifier is None:
        return value, value, False, False, None
    entry = _pack()["qualifiers"][qualifier.lower()]
    t = _pack()["approximation"]
    kind = entry["interval"]
    bounds = {
        "above": (value, math.inf, True, False),
        "at-least": (value, math.inf, False, False),
        "below": (0.0, value, False, True),
        "at-most": (0.0, value, False, False),
        "about": (value * (1 - t), value * (1 + t), False, False),
        "nearly": (value * (1 - t), value, False, True),
    }[kind]
    return (*bounds, entry["normal"])


@dataclass(frozen=True)
class Candidate:
    """A figure as its paragraph gives it. `loose` says which of its noun and modifiers are
    written forms that the document's common nouns may lemmatise ("Containers" in a headline);
    `distinct` whether it is distinct for a reason other than its noun; `confirmed`, for an
    age, whether the parse confirmed the name (None for every other figure); `back`, whether
    the age is a back reference ("the 49-year-old") whose person `combine` finds."""

    figure: Figure
    loose: tuple[bool, ...] = ()
    distinct: bool = False
    confirmed: bool | None = None
    back: bool = False


def paragraph(analysis, pa) -> list[Candidate]:
    """The paragraph's figures and ages, outside its dates."""
    text = pa.text
    taken = [(d.start, d.end) for d in analysis.paragraph_facts("dates", pa)]
    ages = _ages(pa, text)
    taken += [(a.figure.start, a.figure.end) for a in ages]
    taken.sort()
    reach = list(itertools.accumulate((e for _, e in taken), max))
    starts = [s for s, _ in taken]
    memo: dict = {}  # what the figures of this paragraph share through their verb
    found = []
    for number in find_numbers(text):
        start, end = pa.offset + number.start, pa.offset + number.end
        k = bisect.bisect_left(starts, end)  # the taken spans starting before the number ends
        if k and reach[k - 1] > start:
            continue
        candidate = _figure(pa, text, number, memo)
        if candidate:
            found.append(candidate)
    return found + ages


def combine(analysis, parts: list[list[Candidate]]) -> list[Figure]:
    """The document's figures in order: loose nouns lemmatised through the document's common
    nouns, ages of a bare surname kept when a confirmed name has that surname, and back
    references given the person mentioned nearest before them."""
    lemmas = {n.text: n.lemma for n in analysis.facts("nouns")}
    candidates = [c for part in parts for c in part]
    surnames = {c.figure.subject.split()[-1] for c in candidates if c.confirmed}
    people = _people(analysis, candidates, surnames)
    figures = []
    for c in candidates:
        if c.back:
            if found := _referent(people, c.figure.sentence_start):
                figures.append(replace(c.figure, subject=found))
        elif c.confirmed is not None:
            if c.confirmed or c.figure.subject in surnames:
                figures.append(c.figure)
        elif any(c.loose):
            figures.append(_lemmatised(c, lemmas))
        else:
            figures.append(c.figure)
    return sorted(figures, key=lambda f: f.start)


def _people(analysis, candidates: list[Candidate], surnames: set[str]) -> list[tuple[int, str | None, bool]]:
    """(offset, name or None, whether an age is given there) of every person mentioned."""
    people = [(m.start, m.name, False) for m in analysis.facts("person_mentions")]
    for c in candidates:
        if c.confirmed or (c.confirmed is False and c.figure.subject in surnames):
            people.append((c.figure.sentence_start, c.figure.subject, True))
    return sorted(people, key=lambda p: (p[0], p[2]))


def _referent(people: list[tuple[int, str | None, bool]], offset: int) -> str | None:
    """The name of the person mentioned nearest before `offset`, when nobody else is mentioned
    between the age last given for that person and `offset`; else None."""
    k = bisect.bisect_left(people, offset, key=lambda p: p[0])
    if not k or people[k - 1][1] is None:
        return None
    name = people[k - 1][1]
    for _, other, aged in reversed(people[:k]):
        if other is None or other.split()[-1].lower() != name.split()[-1].lower():
            return None
        if aged:
            return name
    return None


def _lemmatised(c: Candidate, lemmas: dict[str, str]) -> Figure:
    f = c.figure
    words = [f.noun, *f.modifiers]
    noun, *modifiers = [lemmas.get(w, w) if loose else w for w, loose in zip(words, c.loose)]
    distinct = c.distinct or noun in _pack()["duration-nouns"]
    return replace(f, noun=noun, modifiers=tuple(modifiers), distinct=distinct)


def _figure(pa, text: str, number: Number, memo: dict) -> Candidate | None:
    """The figure of one number, or None; `memo` holds per-token results of its paragraph."""
    doc = pa.doc
    span = doc.char_span(number.start, number.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if text.startswith("-", number.end) or _year_like(number, text) or re.match(r"0\d", number.text):
        return None  # "000" or "007" is no count (a thousands group split off, a code)
    kind = "percent" if number.percent else "money" if number.currency else "count"
    head = _head_noun(doc, span, number.vague)
    phrase = [head, *(t for t in doc[span.end : head.i] if t.pos_ in PHRASE_POS)] if head is not None else []
    loose = tuple(t.pos_ != "NOUN" for t in phrase)
    noun, *modifiers = [_lemma(t) for t in phrase] or [None]
    q = _qualifier_pattern().search(text, tail_start(text, number.start, _qualifier_words()), number.start)
    if q and q.group("q").lower() in _pack()["span-prepositions"] and noun in _pack()["duration-nouns"]:
        q = None  # a span of time: "over six seasons"
    qualifier = q.group("q") if q else None
    low, high, low_open, high_open, normal = interval(number.value, qualifier)
    if number.vague:
        low, high = number.low, number.high
    anchor = head if head is not None else span.root
    verb = _governing_verb(anchor)
    sentence_index = sentences(doc)
    sent = sentence_index.of_token(span.start)
    lead = q.start() if q else number.start
    back = tail_start(text, lead, RANGE_WORDS)
    ranged = bool(
        RANGE_BEFORE.search(text, back, lead)
        or RANGE_AFTER.match(text, number.end)
        or RANGE_BETWEEN.search(text, back, lead)
    )
    distinct = ranged or _distinct(doc, span, head, q is not None, sentence_index) or _hypothetical(anchor)
    figure = Figure(
        start=pa.offset + number.start,
        end=pa.offset + number.end,
        text=number.text,
        value=number.value,
        low=low,
        high=high,
        qualifier=normal or ("vague" if number.vague else None),
        noun=noun,
        kind=kind,
        currency=number.currency,
        low_open=low_open,
        high_open=high_open,
        precision=number.precision,
        verb=verb.lemma_.lower() if verb is not None else None,
        subject=_remembered(memo, "subject", verb, _subject),
        actor=_remembered(memo, "actor", verb, _actor),
        modifiers=tuple(modifiers),
        context=_context(verb, head, memo),
        sentence_start=pa.offset + sent.start_char,
        distinct=distinct or noun in _pack()["duration-nouns"],
        back=_back_reference(doc, span, "set-references"),
        whole=_back_reference(doc, span, "whole-set-references"),
        clause_verb=_clause_verb(head),
        restrictors=tuple(sorted(_restrictors(head, memo))) if head is not None else (),
        places=_named(memo, sent, span, PLACE_LABELS),
        dates=_named(memo, sent, span, ("DATE",)),
    )
    return Candidate(figure, loose, distinct)


def _named(memo: dict, sent, span, labels: tuple[str, ...]) -> tuple[str, ...]:
    """The lower-case texts of the sentence's entities with one of `labels`, but the figure's own."""
    key = ("named", sent.start, labels)
    if key not in memo:
        memo[key] = [e for e in sent.ents if e.label_ in labels]
    named = {e.text.lower() for e in memo[key] if e.end <= span.start or e.start >= span.end}
    if labels == PLACE_LABELS:
        named |= _remembered(memo, "where", sent.root, lambda _: _where(sent))
    return tuple(sorted(named))


def _where(sent) -> set[str]:
    """The objects of the sentence's place prepositions ("in the north" -> "north")."""
    words = set(_pack()["place-prepositions"])
    return {
        c.lemma_.lower()
        for t in sent
        if t.dep_ == "prep" and t.lower_ in words
        for c in t.children
        if c.dep_ == "pobj" and c.ent_type_ != "DATE"
    }


def _hypothetical(token) -> bool:
    """The figure stands in a conditional clause ("if it had been 50 people")."""
    marks = set(_pack()["hypothetical-marks"])
    for _ in range(MAX_CLIMB + 1):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in token.children):
            return True
        if token.head is token:
            return False
        token = token.head
    return False


def _back_reference(doc, span, listed: str) -> bool:
    """The figure follows words of the `listed` pack entry: words that point back to a set
    ("the", "all", "those", "all of the"), or to the whole of it ("all", "of the")."""
    words = _pack()[listed]
    before = [t.lower_ for t in doc[max(span.start - 3, 0) : span.start]]
    return any(" ".join(before[i:]) in words for i in range(len(before)))


def _restrictors(head, memo: dict) -> set[str]:
    """Where and when said of the counted noun itself, each object with its modifiers ("new
    dramatic category"): the objects of its prepositions, of a clause on it ("films competing
    in the category") and of a restricting preposition right after it that the parse gave the
    verb ("sought out the three coworkers from her shift")."""
    anchors = [head, *(c for c in head.children if c.dep_ in ("acl", "relcl"))]
    objects = [
        p for a in anchors for c in a.children if c.dep_ in ("prep", "dative") for p in c.children if p.dep_ == "pobj"
    ]
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.dep_ == "prep" and following.lower_ in _pack()["restricting-prepositions"]:
        objects += [p for p in following.children if p.dep_ == "pobj" and p.ent_type_ != "DATE"]
    dates = {c for a in anchors for c in a.children if c.dep_ in ("npadvmod", "tmod") and c.ent_type_ == "DATE"}
    return {_described(t) for t in objects} | {_phrase_text(t) for t in dates}


def _described(token) -> str:
    """An object with the modifiers before it ("new world cinema dramatic category"), or a
    date entity's whole text."""
    if token.ent_type_:
        return _phrase_text(token)
    words = [c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    return " ".join([*words, token.lemma_.lower()])


def _clause_verb(head) -> str | None:
    """The lemma of a verb in a clause on the counted noun ("the 30 people injured", "who died")."""
    if head is None:
        return None
    verb = next((c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")), None)
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if verb is None and following is not None and following.tag_ == "VBN":
        verb = following  # a participle the parse did not attach: "the dozen people interviewed"
    return verb.lemma_.lower() if verb is not None else None


def _year_like(number: Number, text: str) -> bool:
    """A bare four-digit year ("in 2023"), not a count."""
    plain = not (number.currency or number.percent or number.vague)
    return plain and re.fullmatch(r"(1[5-9]|20)\d\d", text[number.start : number.end]) is not None


def _remembered(memo: dict, kind: str, token, compute):
    """compute(token), once per token of a paragraph (a verb may govern thousands of figures)."""
    if token is None:
        return compute(token)
    key = (kind, token.i)
    if key not in memo:
        memo[key] = compute(token)
    return memo[key]


def _context(verb, head, memo: dict) -> tuple[str, ...]:
    """Where and when: objects of prepositions and dates attached to the verb or the counted noun.

    "killed 12 people in the north" -> ("north",); "cut 300 jobs last year" -> ("last year",).
    """
    words = set()
    for anchor in (verb, head):
        if anchor is not None:
            words |= _remembered(memo, "context", anchor, _attached)
    return tuple(sorted(words))


def _attached(anchor) -> set[str]:
    """The objects of prepositions and the dates attached to one token."""
    words = set()
    for child in anchor.children:
        if child.dep_ in ("prep", "dative"):  # "sold 1,000 tractors to farmers": a dative "to"
            words |= {_phrase_text(p) for p in child.children if p.dep_ == "pobj"}
        elif child.dep_ in ("npadvmod", "tmod") and child.ent_type_ == "DATE":
            words.add(_phrase_text(child))
    return words


def _phrase_text(token) -> str:
    """A date entity's whole text ("last year"), otherwise the token's lemma."""
    if token.ent_type_:
        ent = entities(token.doc).at(token.i)
        if ent is not None:
            return ent.text.lower()
    return token.lemma_.lower()


def _head_noun(doc, span, vague: bool):
    """The head of the noun phrase right after a number, or None."""
    i = span.end
    if i < len(doc) and doc[i].lower_ == "of" and vague:
        i += 1
    phrase = []
    while i < len(doc) and len(phrase) < MAX_PHRASE and (doc[i].pos_ in PHRASE_POS or doc[i].tag_ == "HYPH"):
        phrase.append(doc[i])
        if doc[i].pos_ in NOUN_POS and doc[i].dep_ not in ("compound", "amod", "nmod"):
            return doc[i]
        i += 1
    nouns = [t for t in phrase if t.pos_ in NOUN_POS]
    return nouns[-1] if nouns else None


def _lemma(token) -> str:
    """A common noun's lemma; any other word's lower-case form (lemmatised in `combine`)."""
    return token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_


def _governing_verb(token):
    """The nearest verb above `token` in the parse, or a verb attached to it ("containers shipped")."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.head is current:
            break
        current = current.head
        if current.pos_ == "VERB":
            return current
    return next((c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def _subject(verb) -> str | None:
    """The proper-noun subject of the verb, or of the verb it is joined to ("X scored and grabbed")."""
    if verb is None:
        return None
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "PROPN":
            return " ".join(t.text for t in child.subtree if t.pos_ == "PROPN").lower()
    return None


def _actor(verb) -> str | None:
    """The lower-case lemma of the verb's subject (of the verb it is joined to), whatever it is."""
    if verb is None:
        return None
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return next((c.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _distinct(doc, span, head, qualified: bool, sentence_index) -> bool:
    """True when words near the figure mark another thing of its kind or a rate ("another 50", "50 a day")."""
    pack = _pack()
    markers = set(pack["distinct-markers"])
    first = span.start
    while qualified and first > 0 and doc[first - 1].pos_ in ("ADV", "ADP", "ADJ", "DET", "SCONJ"):
        first -= 1
    window = doc[max(first - 3, 0) : first]
    sent = sentence_index.index(span.start)
    if any(t.lower_ in markers for t in window if sentence_index.index(t.i) == sent):
        return True
    end = head.i + 1 if head is not None else span.end
    if any(t.lower_ in markers for t in doc[span.end : end]):
        return True
    rest = " ".join(t.lower_ for t in doc[end : end + 2])
    return any(rest == r or rest.startswith(r + " ") or rest.split(" ")[0] == r for r in pack["rate-markers"])


def _ages(pa, text: str) -> list[Candidate]:
    """Ages attached to a name, as figures of kind "age" whose `subject` is the name.

    Each comes with whether the parse confirms the name; an unconfirmed one is a bare surname
    ("Lopez, 47,") that counts only when a confirmed name in the document has that surname.
    """
    found: dict[int, Candidate] = {}
    limits = _pack()["age"]
    for pattern in AGE_PATTERNS:
        for m in pattern.finditer(text):
            age = parse_number(m.group("age"))
            name = _person(pa, m)
            parsed = name is not None
            name = name or m.group("name").split()[-1]
            if age is None or not limits["min"] <= age <= limits["max"]:
                continue
            start, end = pa.offset + m.start("age"), pa.offset + m.end("age")
            if start not in found:
                found[start] = Candidate(
                    Figure(
                        start=start,
                        end=end,
                        text=m.group("age"),
                        value=age,
                        low=age,
                        high=age,
                        qualifier=None,
                        noun="year",
                        kind="age",
                        currency=None,
                        subject=name,
                        sentence_start=pa.offset + m.start("name"),
                    ),
                    confirmed=parsed,
                )
    for m in BACK_REFERENCE.finditer(text):
        age = parse_number(m.group("age"))
        start, end = pa.offset + m.start("age"), pa.offset + m.end("age")
        if start in found or age is None or not limits["min"] <= age <= limits["max"] or not _of_person(pa, m):
            continue
        figure = Figure(
            start, end, m.group("age"), age, age, age, None, "year", "age", None, sentence_start=pa.offset + m.start()
        )
        found[start] = Candidate(figure, back=True)
    return list(found.values())


def _of_person(pa, m: re.Match) -> bool:
    """ "the 49-year-old" stands alone or before a person noun ("the 49-year-old mother"), not
    before a name (read with the name) or a thing ("the 100-year-old bridge")."""
    span = pa.doc.char_span(m.start(), m.end(), alignment_mode="expand")
    token = pa.doc[span.end] if span is not None and span.end < len(pa.doc) else None
    while token is not None and token.pos_ == "ADJ" and token.i + 1 < len(pa.doc):
        token = pa.doc[token.i + 1]
    if token is None or token.pos_ == "PROPN" or _named_after(span):
        return False
    return token.pos_ != "NOUN" or token.lemma_.lower() in _pack()["person-nouns"]


def _named_after(span) -> bool:
    """A name set off by a comma later in the sentence says who it is ("the 16-year-old accused
    of the shooting, Carl Hobbs,")."""
    sent = span.sent
    return any(e.label_ == "PERSON" and e.start > span.end and span.doc[e.start - 1].text == "," for e in sent.ents)


def _person(pa, m: re.Match) -> str | None:
    """The trailing run of proper nouns in an age pattern's name, when none is a place or date."""
    span = pa.doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    tokens = []
    for t in reversed(span):
        if t.pos_ != "PROPN":
            break
        tokens.insert(0, t)
    if not tokens or tokens[0].ent_type_ in NOT_PEOPLE:
        return None  # a surname the model took for a place still follows a given name
    return " ".join(t.text for t in tokens)
