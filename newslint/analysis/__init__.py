"""Analysis, done once per document: a spaCy Doc per paragraph plus extracted facts.

Paragraphs are analysed independently (sentences never cross a paragraph in news copy), so a
paragraph's Doc is cached by its text: a language server re-analyses only the paragraph being
edited, and a batch run shares nothing between documents but the loaded pipeline.

A paragraph is parsed in pieces (`pieces`): whole when it is short, else a sentence at a time,
and a piece never longer than `MAX_CHUNK` characters (spaCy refuses a text over its
`max_length`, and its memory grows with the text). The pieces' Docs are joined into one Doc
for the paragraph, and kept, so an edit re-parses only the sentence it touched. The split
belongs here, not in the readers: the paragraph stays one paragraph for every rule and for the
suppressions (`ignore` silences all of it, NL502 grades all of it, a quotation runs to its end),
and only the parse is cut.

Fact extractors live in this package, one module per kind of fact, each with a `NEEDS` tuple;
they run only when a check asks for them. Most facts belong to one paragraph: such a module
has `paragraph(analysis, pa) -> list`, which reads that paragraph only (its text, prose, Doc,
the quotations inside it, whether it leads the document (`pa.position`), and other kinds' facts of the same
paragraph through `Analysis.paragraph_facts`), and may have `combine(analysis, parts) -> list`
to derive the document's facts from every paragraph's (resolving pronouns, the temperature
scale a document states). A paragraph's facts are cached by its key, which holds all that
they read plus the packs' digest, so an edit re-extracts only the paragraphs it touched; a
cached fact is moved to where its paragraph now lies (`relocation`); facts are frozen, and the
lists `paragraph` returns are shared with the cache, so nothing may change them. A module whose facts are
the document's alone (the reference date) has `extract(analysis) -> list` instead.
"""

from __future__ import annotations

import hashlib
import importlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.analysis.pieces import pieces
from newslint.analysis.relocation import relocated
from newslint.data import packs_digest
from newslint.document import Document, Paragraph, Span
from newslint.nlp import components_for, disabled_for, generation, memory_zone, pipeline, renew_if_grown
from newslint.watch import UNWATCHED, Watch

if TYPE_CHECKING:
    from spacy.tokens import Doc

CACHE_SIZE = 4096  # paragraphs whose Doc and facts are kept between runs
# Store entries a paragraph may take: one for each kind of fact, paragraph rule's findings and
# other per-paragraph value, so the store keeps as many paragraphs as the Doc cache.
PER_PARAGRAPH = 24
LEAD_PARAGRAPHS = 4  # the paragraphs that may hold a headline, a byline or a dateline
WATCH_EVERY = 256  # paragraphs between two asks whether a watched lint should stop
MAX_CHUNK = 20_000  # characters of a paragraph parsed at once; far below spaCy's max_length
BATCH_CHARS = 10_000  # characters handed to the pipeline at once: its working memory grows with them


@dataclass
class ParagraphAnalysis:
    """One paragraph's spaCy Doc; token offsets are relative to `paragraph.start`. `key` names
    everything the paragraph's facts depend on (see `paragraph_key`)."""

    paragraph: Paragraph
    doc: Doc | None
    key: str = ""
    position: int = 0  # its index in the document, or LEAD_PARAGRAPHS for any later one
    text: str = ""  # what the Doc was parsed from, the paragraph's prose (`Doc.text` rebuilds it per call)

    @property
    def offset(self) -> int:
        return self.paragraph.start


class FactStore:
    """Paragraph facts (and paragraph rules' findings) by (kind, paragraph key), least recently
    used dropped first; each entry keeps the offset its facts lie at."""

    def __init__(self, size: int = CACHE_SIZE * PER_PARAGRAPH):
        self.size = size
        self._entries: OrderedDict[tuple[str, str], tuple[int, list[Any]]] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[int, list[Any]] | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: tuple[str, str], offset: int, facts: list[Any]) -> None:
        self._entries[key] = (offset, facts)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> set[tuple[str, str]]:
        return set(self._entries)

    def keep(self, keys: set[tuple[str, str]]) -> None:
        """Forget every entry but those of `keys`."""
        for key in [k for k in self._entries if k not in keys]:
            del self._entries[key]


@dataclass
class Analysis:
    """A document with its per-paragraph analysis and a lazy store of extracted facts."""

    document: Document
    paragraphs: list[ParagraphAnalysis]
    store: FactStore = field(default_factory=FactStore, repr=False)
    watch: Watch = field(default=UNWATCHED, repr=False)  # may stop the extraction between paragraphs
    _facts: dict[str, list[Any]] = field(default_factory=dict, repr=False)

    def sentence_tokens(self) -> list[tuple[Span, Any]]:
        """Every sentence as (absolute span without outer blanks, spaCy sentence); needs "sentences"."""
        return [pair for pa in self.paragraphs for pair in paragraph_sentences(pa)]

    def derived(self, name: str, compute: Callable[[], Any]) -> Any:
        """A value computed from this analysis once (for example a filtered list of facts that
        several cross-document rules compare against)."""
        key = f"derived:{name}"
        if key not in self._facts:
            self._facts[key] = compute()
        return self._facts[key]

    def facts(self, kind: str) -> list[Any]:
        """The facts of one kind ("quantities", ...), extracted on first request."""
        if kind not in self._facts:
            module = extractor(kind)
            if hasattr(module, "paragraph"):
                parts = []
                for i, pa in enumerate(self.paragraphs):
                    if i % WATCH_EVERY == WATCH_EVERY - 1:
                        self.watch.check()
                    parts.append(self.paragraph_facts(kind, pa))
                combine = getattr(module, "combine", None)
                self._facts[kind] = combine(self, parts) if combine else [f for part in parts for f in part]
            else:
                self._facts[kind] = module.extract(self)
        return self._facts[kind]

    def paragraph_facts(self, kind: str, pa: ParagraphAnalysis) -> list[Any]:
        """One paragraph's facts of `kind`, from the store when the paragraph is unchanged."""
        return self.per_paragraph(kind, pa, lambda: extractor(kind).paragraph(self, pa))

    def per_paragraph(self, name: str, pa: ParagraphAnalysis, compute: Callable[[], list[Any]]) -> list[Any]:
        """`compute()` for paragraph `pa`, kept in the store by `name` and the paragraph's key;
        an unchanged paragraph's list is moved to where the paragraph now lies (and kept there)."""
        key = (name, pa.key)
        found = self.store.get(key)
        if found is None:
            values = compute()
        elif found[0] == pa.offset:
            return found[1]
        else:
            values = relocated(found[1], pa.offset - found[0])
        self.store.put(key, pa.offset, values)
        return values

    def of_paragraph(self, pa: ParagraphAnalysis) -> Analysis:
        """The document seen through one of its paragraphs alone, sharing this analysis's store."""
        return Analysis(self.document, [pa], self.store)


def paragraph_sentences(pa: ParagraphAnalysis) -> list[tuple[Span, Any]]:
    """The paragraph's sentences as (absolute span without outer blanks, spaCy sentence)."""
    result = []
    for sent in pa.doc.sents:
        text = pa.text[sent.start_char : sent.end_char]
        start = pa.offset + sent.start_char + (len(text) - len(text.lstrip()))
        end = pa.offset + sent.end_char - (len(text) - len(text.rstrip()))
        if start < end:
            result.append((Span(start, end), sent))
    return result


def extractor(kind: str):
    """The module that extracts facts of `kind`."""
    return importlib.import_module(f"newslint.analysis.{kind}")


def is_extractor(module) -> bool:
    return hasattr(module, "extract") or hasattr(module, "paragraph")


def paragraph_key(document: Document, index: int, p: Paragraph, components: frozenset[str], model: str | None) -> str:
    """A digest of all a paragraph's facts may depend on: its text as written and as prose
    (which settle its quotations, found within a paragraph), its kind, whether it leads the
    document, the pipeline components and model that parsed it, and the packs."""
    parts = (
        document.text[p.start : p.end],
        document.prose[p.start : p.end],
        p.kind,
        str(min(index, LEAD_PARAGRAPHS)),
        ",".join(sorted(components)),
        model or "",
        packs_digest(),
    )
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def extractor_needs(kind: str) -> tuple[str, ...]:
    return tuple(extractor(kind).NEEDS)


class Analyzer:
    """Runs the pipeline over documents, caching each paragraph's Doc by its text."""

    def __init__(self, model: str | None = None, cache_size: int = CACHE_SIZE, max_chunk: int = MAX_CHUNK):
        self.model = model
        self.cache_size = cache_size
        self.max_chunk = max_chunk
        self._cache: OrderedDict[tuple[frozenset[str], str], Doc] = OrderedDict()  # by paragraph text
        self._pieces: OrderedDict[tuple[frozenset[str], str], Doc] = OrderedDict()  # of paragraphs cut in several
        self._generation = generation()  # of the models the cached Docs were parsed with
        self._zoned = False  # inside `transient`: the vocabulary grows only for the zone
        self.store = FactStore(cache_size * PER_PARAGRAPH)

    def analyze(self, documents: Sequence[Document], needs: Iterable[str], watch: Watch = UNWATCHED) -> list[Analysis]:
        """The documents analysed for `needs`; `watch` hears of each paragraph parsed and may stop the parse."""
        needs = set(needs)
        components = components_for(needs)
        if not needs:
            return [self._analysis(d, components, [None] * len(d.paragraphs), watch) for d in documents]
        texts = [[d.prose[p.start : p.end] for p in d.paragraphs] for d in documents]
        docs = self._docs(components, [text for paragraphs in texts for text in paragraphs], watch)
        return [
            self._analysis(d, components, [docs[text] for text in paragraphs], watch)
            for d, paragraphs in zip(documents, texts)
        ]

    @contextmanager
    def transient(self) -> Iterator[None]:
        """Analyse inside spaCy's memory zone: the strings and lexemes of the text parsed in it are
        freed at its end, and the Docs parsed and the facts stored in it forgotten, so a long run
        holds one stretch's analysis; the Docs and facts from before (the sources') stay."""
        kept, stored = set(self._cache) | set(self._pieces), self.store.keys()
        with memory_zone() as zoned:
            try:
                self._zoned = True
                yield
            finally:
                self._zoned = False
                for cache in (self._cache, self._pieces):
                    for key in [k for k in cache if zoned and k not in kept]:
                        del cache[key]
                self.store.keep(stored)

    def _analysis(
        self, document: Document, components: frozenset[str], docs: list[Doc | None], watch: Watch
    ) -> Analysis:
        paragraphs = [
            ParagraphAnalysis(
                p,
                doc,
                paragraph_key(document, i, p, components, self.model),
                min(i, LEAD_PARAGRAPHS),
                document.prose[p.start : p.end],
            )
            for i, (p, doc) in enumerate(zip(document.paragraphs, docs))
        ]
        return Analysis(document, paragraphs, self.store, watch)

    def _docs(self, components: frozenset[str], texts: list[str], watch: Watch) -> dict[str, Doc]:
        """A Doc for each paragraph text: from the cache, or parsed in its pieces and remembered.
        The pieces of a paragraph cut in several are kept too, so that after an edit only the
        piece it touched is parsed again; each Doc is kept as soon as it is parsed, so a parse
        stopped half way keeps what it did."""
        if not self._zoned:
            renew_if_grown()
        if self._generation != generation():  # Docs of a vocabulary no longer loaded: parse again
            self._cache.clear()
            self._pieces.clear()
            self._generation = generation()
        docs: dict[str, Doc] = {}
        for text in dict.fromkeys(texts):
            doc = self._cache.get((components, text))
            if doc is not None:
                self._cache.move_to_end((components, text))
                docs[text] = doc
        missing = [text for text in dict.fromkeys(texts) if text not in docs]
        if not missing:
            return docs
        nlp = pipeline(components, self.model)
        cut = {text: pieces(nlp.tokenizer, text, self.max_chunk) for text in missing}
        whole = {text for text, parts in cut.items() if len(parts) == 1}
        shared = {p for text in missing if text not in whole for p in cut[text]}  # pieces to keep
        parsed = {p: self._pieces[(components, p)] for p in shared if (components, p) in self._pieces}
        for p in parsed:
            self._pieces.move_to_end((components, p))  # in use again: the last to be forgotten
        wanted = list(dict.fromkeys(p for text in missing for p in cut[text] if p not in parsed))
        watch.step("parse", 0, len(wanted))
        for done, (text, doc) in enumerate(zip(wanted, self._parse(nlp, components, wanted)), 1):
            parsed[text] = doc
            if text in whole:
                docs[text] = remember(self._cache, (components, text), doc, self.cache_size)
            if text in shared:
                remember(self._pieces, (components, text), doc, self.cache_size)
            watch.step("parse", done, len(wanted))
        for text in missing:
            if text not in docs:  # cut in several, or a kept piece of another paragraph
                parts = [parsed[p] for p in cut[text]]
                doc = parts[0] if len(parts) == 1 else joined(parts)
                docs[text] = remember(self._cache, (components, text), doc, self.cache_size)
        return docs

    def _parse(self, nlp, components: frozenset[str], texts: list[str]) -> Iterator[Doc]:
        """Docs for `texts` in order, parsed in batches of about BATCH_CHARS characters (the
        parser's memory grows with the characters of a batch, not the number of texts)."""
        disable = disabled_for(nlp, components)
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size >= BATCH_CHARS:
                yield from map(without_tensor, nlp.pipe(batch, disable=disable))
                batch, size = [], 0
        yield from map(without_tensor, nlp.pipe(batch, disable=disable))


def remember(cache: OrderedDict, key: tuple[frozenset[str], str], doc: Doc, size: int) -> Doc:
    """Keep `doc` under `key` as the most recently used, forgetting the least recently used past `size`."""
    cache[key] = doc
    cache.move_to_end(key)
    if len(cache) > size:
        cache.popitem(last=False)
    return doc


def without_tensor(doc: Doc) -> Doc:
    """The Doc without its tok2vec output (384 bytes a token, three quarters of a parsed Doc's
    memory): every component has already read it, and no fact does."""
    doc.tensor = doc.tensor[:0].copy()  # a slice would keep the whole array alive
    return doc


def joined(docs: list[Doc]) -> Doc:
    """One Doc for the chunks of a long paragraph: text, offsets, sentences and entities kept."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)
