"""Markers: hedges ("allegedly") and editorialising words ("alarming") in news copy.

Found with a spaCy PhraseMatcher on lower-case text from the `hedges` and `editorialising`
lists in `rules/attribution.yaml`, in every paragraph that is not page furniture. A naming word
("so-called") that introduces a quoted or capitalised name is neutral and left out. A marker is
`cited` when the words around it give its source: it sits under an action that makes the
allegation or judgement someone's ("sued a contractor who allegedly ...", "suspended for
allegedly ...", "threatened with disastrous consequences"; `marker-sources`), or in a sentence
that opens with a quotation mark. A marker that qualifies the verb after it ("reportedly told
aides", "allegedly threatened") hedges or judges that verb's own act: the verb is not its
source (`qualifies`). Markers after quotation marks that pair doubtfully
(`quotes.doubtful_from`) may be a quotation's and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.analysis.furniture import copy_start, whole
from newslint.data import load_pack
from newslint.nlp import lasting, pattern_tokenizer, per_vocab
from newslint.quotes import doubtful_from

NEEDS = ("furniture", "sentences")

KINDS = ("hedges", "editorialising")


@dataclass(frozen=True)
class Marker:
    """A hedge or an editorialising word (`start`-`end`) in the sentence `sentence_start`-`sentence_end`;
    `qualifies`: the start of the verb it modifies as an adverb, if any."""

    start: int
    end: int
    kind: str
    text: str
    sentence_start: int
    sentence_end: int
    cited: bool = False
    qualifies: int | None = None


@per_vocab
def matcher(vocab):
    from spacy.matcher import PhraseMatcher

    tokenizer = pattern_tokenizer(vocab)
    pack = load_pack("attribution")
    built = PhraseMatcher(vocab, attr="LOWER")
    lasting(vocab, KINDS)
    for kind in KINDS:
        built.add(kind, [tokenizer(phrase) for phrase in pack[kind]])
    return built


def names_something(token) -> bool:
    """A quotation mark or a capitalised word: what follows is a name or a term being introduced."""
    return token.is_quote or token.text[:1] in "“‘\"'" or token.text[:1].isupper()


def qualified(span):
    """The verb the marker modifies as an adverb before it ("reportedly told"), or None; not a
    complement after the verb that the parser took for an adverb ("call him cowardly")."""
    root = span.root
    verb = root.head
    return verb if root.dep_ == "advmod" and verb.pos_ in ("VERB", "AUX") and root.i < verb.i else None


def cited(span, sources: set[str]) -> bool:
    """The marker's words belong to someone named around it: an ancestor other than the verb it
    qualifies is a word of `sources` (a lawsuit, a charge, a threat), or its sentence opens with
    a quotation mark."""
    if span.sent[0].is_quote or span.sent.text[:1] in "“‘\"'":
        return True
    verb = qualified(span)
    return any(t.lemma_.lower() in sources for t in span.root.ancestors if verb is None or t.i != verb.i)


def paragraph(analysis, pa) -> list[Marker]:
    """The paragraph's markers; none in page furniture (a headline, a caption, a headline run in)."""
    if whole(analysis, pa):
        return []
    copy_from = copy_start(analysis, pa)  # after a headline run into the paragraph
    doubtful = pa.offset + doubtful_from(pa.text)  # after it, words may be a quotation's
    pack = load_pack("attribution")
    naming, sources = set(pack["naming-words"]), set(pack["marker-sources"])
    markers = []
    for key, first, last in matcher(pa.doc.vocab)(pa.doc):
        span = pa.doc[first:last]
        if not copy_from <= pa.offset + span.start_char < doubtful:
            continue
        if span.text.lower() in naming and last < len(pa.doc) and names_something(pa.doc[last]):
            continue
        verb = qualified(span)
        markers.append(
            Marker(
                pa.offset + span.start_char,
                pa.offset + span.end_char,
                pa.doc.vocab.strings[key],
                span.text,
                pa.offset + span.sent.start_char,
                pa.offset + span.sent.end_char,
                cited(span, sources),
                None if verb is None else pa.offset + verb.idx,
            )
        )
    return markers
