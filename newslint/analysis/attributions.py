"""Attributions: who says what, found in the dependency parse.

Four forms: a speech or cognition verb with its subject as the source and its clausal
complement (or object) as the content ("Kirby said ...", "experts speculate ..."); "according
to X"; "in a statement/report/interview, X ..."; and "as X put it". A passive cue with no agent ("it is
believed that", "he is said to") has no source and is vague, unless a source in the same
sentence gives it ("he is believed to ..., according to prosecutors"; a vague one is reported
for itself); with a modal ("it can be argued") it is the writer's hedge, not a source. A source is vague when
its head is a vague noun ("experts", "critics", "some") that no name identifies and no "the"
refers back. A pronoun source is resolved to the nearest named source or person before it.
Lexicons: `rules/attribution.yaml`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cache

from newslint.data import load_pack
from newslint.document import Span
from newslint.positions import SpanIndex

NEEDS = ("parse", "lemmas", "entities")

SUBJECTS = ("nsubj", "nsubjpass")
CONTENT = ("ccomp", "xcomp")
INHERITS_SUBJECT = ("conj", "advcl", "xcomp")
TRIMMED = ("relcl", "acl", "punct", "cc", "conj")
NAMES = ("PERSON", "ORG", "NORP", "GPE")


@dataclass(frozen=True)
class Attribution:
    """A cue (`start`-`end`: the verb or "according to") tying content to its source."""

    start: int
    end: int
    cue: str
    source_text: str | None
    source_start: int | None
    source_end: int | None
    content_start: int | None
    content_end: int | None
    vague: bool
    anonymous: bool = False
    resolved_source: str | None = None
    backed: bool = False  # a vague source that a named source in its paragraph or the next exemplifies

    def covers(self, start: int, end: int) -> bool:
        """True when this attribution covers the sentence [start, end): its cue is in the
        sentence, or the sentence lies inside its content."""
        if start <= self.start < end:
            return True
        return self.content_start is not None and self.content_start <= start and end <= self.content_end


class Scope:
    """Attributions indexed for `Attribution.covers`: does any of them cover a sentence?"""

    def __init__(self, attributions):
        self.cues = sorted(a.start for a in attributions)
        self.contents = SpanIndex(
            [Span(a.content_start, a.content_end) for a in attributions if a.content_start is not None]
        )

    def covers(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.cues, start)
        return (k < len(self.cues) and self.cues[k] < end) or self.contents.covers(start, end)


def scope(analysis, named: bool = False) -> Scope:
    """The document's attributions as a `Scope`; `named`: only those with a non-vague source."""

    def compute() -> Scope:
        return Scope([a for a in analysis.facts("attributions") if not (named and (a.vague or not a.source_text))])

    return analysis.derived(f"attribution-scope:{named}", compute)


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """The attribution pack's word lists as sets."""
    pack = load_pack("attribution")
    return {key: frozenset(value) for key, value in pack.items() if isinstance(value, list)}


def span_of(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def phrase(head) -> list:
    """The head's noun phrase without relative clauses, conjuncts and edge punctuation."""
    dropped = {t.i for c in head.children if c.dep_ in TRIMMED for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in dropped]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def is_vague(head, lex) -> bool:
    """A vague-noun head ("experts", "some"), or a plural noun under a vague quantifier ("some
    lawmakers", "many residents"), that no proper name or named group ("Democratic critics")
    identifies, no "the" refers back to and
    no count gives as a body of respondents ("2,000 people surveyed"); an anonymous source
    described by its institution or trade ("police sources") is identified as far as it can be."""
    quantified = head.tag_ == "NNS" and any(
        c.dep_ in ("det", "amod") and c.lower_ in lex["vague-quantifiers"] for c in head.children
    )
    if head.lemma_.lower() not in lex["vague-sources"] and not quantified:
        return False
    anaphoric = any(c.dep_ == "det" and c.lower_ in lex["anaphoric-determiners"] for c in head.children)
    if head.lemma_.lower() in lex["anonymous-sources"] and any(
        c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in head.children
    ):
        return False  # described by its institution or trade ("police sources"), as far as anonymity allows
    counted = any(c.dep_ == "nummod" for c in head.children) and not is_anonymous(head, lex)
    return not (anaphoric or counted) and not any(t.pos_ == "PROPN" or t.ent_type_ in NAMES for t in head.subtree)


def is_named(head) -> bool:
    """A source that a name identifies: a proper noun or a named entity in its phrase."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in NAMES for t in phrase(head))


def is_anonymous(head, lex) -> bool:
    """Anonymous sourcing by newsroom convention: "sources", "people familiar with the matter"."""
    return head.lemma_.lower() in lex["anonymous-sources"] or any(
        t.lower_ in lex["anonymous-markers"] for t in head.subtree
    )


def find_subject(verb):
    """The verb's subject, looked for up a chain of coordinated or adverbial verbs."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                if child.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current.head
        if current.dep_ not in INHERITS_SUBJECT or current.head.pos_ not in ("VERB", "AUX"):
            return None
        current = current.head
    return None


def clause(token) -> bool:
    """A clausal complement, or an infinitive ("is said to be"), not a bare participle
    ("were reported injured")."""
    return token.dep_ == "ccomp" or (
        token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def inverted_subject(verb, quoted: bool):
    """The speaker after the verb of a quote that comes first ("“...,” whispered an aide"),
    which the parser may take for an object."""
    if not quoted or not any(c.dep_ in CONTENT and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)


def verb_cue(verb, lex):
    """(source head or None, content tokens, vague) for a cue verb, or None."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "nsubj" for c in verb.children)
    content = [c for c in verb.children if c.dep_ in CONTENT]
    quoted = any(t.is_quote for t in verb.sent)
    if lemma in lex["quote-verbs"] and not (quoted and content):
        return None
    if lemma in lex["clause-only-verbs"] and not (content or quoted or any(c.dep_ == "oprd" for c in verb.children)):
        return None
    if not content:
        content = [c for c in verb.children if c.dep_ == "dobj"]
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)  # "people can write": no source
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if source is None:  # "it can be argued": the writer's own hedge, not a hidden source
            hidden = lemma in lex["passive-vague-verbs"] and any(clause(c) for c in verb.children) and not modal
            return (None, content, True) if hidden else None
        return source, content, is_vague(source, lex)
    subject = find_subject(verb) or inverted_subject(verb, quoted)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or subject.dep_ == "expl":
        return None
    if lemma in lex["disclosure-verbs"] and subject.pos_ == "PRON":
        return None
    told_of = lemma in lex["event-verbs"] and bool(content) and all(c.dep_ == "dobj" for c in content)
    vague = is_vague(subject, lex) and lemma not in lex["disclosure-verbs"] and not (modal or told_of)
    return subject, content, vague


def according_to(token):
    """The source of "according to X" when `token` is "according"."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def as_it(token, lex) -> bool:
    """`token` is the verb of "as X put it"."""
    return (
        token.lemma_.lower() in lex["as-it-verbs"]
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    )


def statement_frame(token, lex):
    """(the "in a statement" phrase, the verb it modifies) when `token` is its noun."""
    prep = token.head
    if token.dep_ != "pobj" or token.lemma_.lower() not in lex["statement-nouns"] or prep.lower_ != "in":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lex["cue-verbs"]:
        return None
    return list(prep.subtree), verb


def paragraph_attributions(doc, lex) -> list[tuple]:
    """(cue tokens, source head, content tokens, vague) for every cue in one paragraph's Doc."""
    found = []
    verbs = lex["cue-verbs"] | lex["disclosure-verbs"] | lex["quote-verbs"]
    for token in doc:
        if as_it(token, lex):
            subject = find_subject(token)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN", "PRON"):
                found.append(([token], subject, [token.head], is_vague(subject, lex)))
        elif token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            cue = verb_cue(token, lex)
            if cue:
                auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i]
                found.append(((auxiliaries if cue[0] is None else []) + [token], *cue))
        elif (source := according_to(token)) is not None:
            cue_tokens = [token, token.nbor(1)]
            found.append((cue_tokens, source, list(token.sent), is_vague(source, lex)))
        elif frame := statement_frame(token, lex):
            cue_tokens, verb = frame
            subject = find_subject(verb)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                found.append((cue_tokens, subject, [verb], is_vague(subject, lex)))
    return found


def shifted(x: int | None, offset: int) -> int | None:
    return None if x is None else x + offset


def build(text: str, offset: int, cue_tokens, source, content, vague: bool) -> Attribution:
    """An attribution from its parts; `text` is the paragraph's (its Doc's) text."""
    start, end = span_of(cue_tokens)
    source_start = source_end = None
    if source is not None:
        source_start, source_end = span_of(phrase(source) or [source])
    content_start = content_end = None
    if content:
        tokens = sorted((t for head in content for t in head.subtree), key=lambda t: t.i)
        content_start, content_end = span_of(tokens)
    return Attribution(
        start=start + offset,
        end=end + offset,
        cue=text[start:end],
        source_text=text[source_start:source_end] if source is not None else None,
        source_start=shifted(source_start, offset),
        source_end=shifted(source_end, offset),
        content_start=shifted(content_start, offset),
        content_end=shifted(content_end, offset),
        vague=vague,
        anonymous=vague and source is not None and is_anonymous(source, lexicon()),
    )


def in_subject(entity) -> bool:
    """True when a name is a clause's subject, or in apposition to one ("John Kirby, a spokesman,
    announced"): the antecedent a later "he said" most likely points back to."""
    head = entity.root
    while head.dep_ in ("appos", "conj") and head.head is not head:
        head = head.head
    return head.dep_ in SUBJECTS and main_clause(head.head)


def main_clause(verb) -> bool:
    """The sentence's main verb or one coordinated with it (not a relative or subordinate clause)."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


@dataclass(frozen=True)
class NamedMention:
    """A person or organisation named in a paragraph: a possible antecedent of a pronoun source."""

    start: int
    text: str
    subject: bool


def named_mentions(analysis) -> list[tuple[int, str, bool]]:
    """Offsets and texts of people and organisations, the antecedents of pronoun sources, and
    whether each is a subject; each paragraph's are kept by its key, like its facts."""
    return [
        (m.start, m.text, m.subject)
        for pa in analysis.paragraphs
        for m in analysis.per_paragraph("named-mentions", pa, lambda pa=pa: mentions_in(pa))
    ]


def mentions_in(pa) -> list[NamedMention]:
    return [
        NamedMention(pa.offset + e.start_char, e.text, in_subject(e))
        for e in pa.doc.ents
        if e.label_ in ("PERSON", "ORG")
    ]


def last_before(ordered: list[tuple], offset: int) -> list[tuple]:
    """The greatest (offset, name, ...) of a sorted list that lies before `offset`, if any."""
    k = bisect.bisect_left(ordered, offset, key=lambda pair: pair[0])
    return ordered[k - 1 : k] if k else []


def paragraph(analysis, pa) -> list[tuple[Attribution, bool, bool, bool]]:
    """The paragraph's attributions, each with whether its source is a pronoun, whether it is a
    named source of a main clause (what `combine` needs to resolve pronouns across paragraphs)
    and whether a person's name is in it."""
    lex = lexicon()
    found = paragraph_attributions(pa.doc, lex)
    text = pa.text
    sourced_in = {cue[0].sent.start for cue, source, _, _ in found if source is not None}
    result = []
    for cue_tokens, source, content, vague in found:
        vague = vague and not (source is None and cue_tokens[0].sent.start in sourced_in)
        attribution = build(text, pa.offset, cue_tokens, source, content, vague)
        pronoun = source is not None and source.pos_ == "PRON"
        antecedent = source is not None and not pronoun and is_named(source) and main_clause(cue_tokens[-1])
        person = source is not None and any(t.ent_type_ == "PERSON" for t in phrase(source))
        result.append((attribution, pronoun, antecedent, person))
    return result


def combine(analysis, parts: list[list[tuple[Attribution, bool, bool, bool]]]) -> list[Attribution]:
    """Every attribution in order, a pronoun source resolved to the last named source, or person
    or organisation named as a subject, before it; failing those, to the last one named at all.
    A vague, non-anonymous source ("analysts said") is backed when a person named as a source
    after it, in its paragraph or the next, gives an example ("..., said Ann Lee, an economist")."""
    mentions = sorted(named_mentions(analysis))
    subjects = [m for m in mentions if m[2]]
    named: list[tuple[int, str]] = []  # kept sorted
    resolved: list[list[Attribution]] = []
    people: list[list[int]] = []  # per paragraph, where a person is named as a source
    for part in parts:
        resolved.append([])
        people.append([a.start for a, _, _, person in part if person and not a.vague])
        for attribution, pronoun, antecedent, _ in part:
            if pronoun:
                at = attribution.source_start
                before = last_before(subjects, at) + last_before(named, at) or last_before(mentions, at)
                if before:
                    attribution = replace(attribution, resolved_source=max(before)[1])
            elif antecedent:
                bisect.insort(named, (attribution.source_start, attribution.source_text))
            resolved[-1].append(attribution)
    people.append([])
    result = [
        replace(a, backed=True)
        if a.vague and a.source_text and not a.anonymous and any(at > a.start for at in people[i] + people[i + 1])
        else a
        for i, part in enumerate(resolved)
        for a in part
    ]
    return sorted(result, key=lambda a: (a.start, a.end))
