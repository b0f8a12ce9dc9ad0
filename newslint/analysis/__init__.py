"""Analysis, done once per document: a spaCy Doc per paragraph plus extracted facts.

Paragraphs are analysed independently (sentences never cross a paragraph in news copy), so a
paragraph's Doc is cached by its text: a language server re-analyses only the paragraph being
edited, and a batch run shares nothing between documents but the loaded pipeline.

A paragraph longer than `MAX_CHUNK` characters (spaCy refuses a text over its `max_length`,
and its memory grows with the text) is parsed in chunks cut at sentence ends, and the chunks'
Docs are joined into one Doc for the paragraph. The split belongs here, not in the readers:
the paragraph stays one paragraph for every rule and for the suppressions (`ignore` silences
all of it, NL502 grades all of it, a quotation runs to its end), and only the parse is bounded.

Fact extractors live in this package, one module per kind of fact, each with
`extract(analysis) -> list` and a `NEEDS` tuple; they run only when a check asks for them.
"""

from __future__ import annotations

import importlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.document import Document, Paragraph, Span
from newslint.nlp import components_for, disabled_for, pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

CACHE_SIZE = 4096
MAX_CHUNK = 20_000  # characters of a paragraph parsed at once; far below spaCy's max_length
BATCH_CHARS = 100_000  # characters handed to the pipeline at once
# Where a long paragraph may be cut, best first: a sentence end before a capital, "?" or "!",
# a line break, any space. The cut falls after the blanks, so sentences stay whole.
SEAMS = (
    re.compile(r"[.?!][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]*[A-Z0-9])"),
    re.compile(r"[?!][\"'”’)\]]*\s+"),
    re.compile(r"\n\s*"),
    re.compile(r"\s+"),
)


def chunks(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters, each cut at the best seam found in
    the second half of its window, else at its last blank (a hard cut only where it has none)."""
    pieces, start = [], 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        ends = [last_end(seam, text, low, high) for seam in SEAMS] + [last_end(SEAMS[-1], text, start + 1, low)]
        cut = next((end for end in ends if end is not None), high)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def last_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    """Where the last match of `pattern` in text[low:high] ends, or None."""
    end = None
    for match in pattern.finditer(text, low, high):
        end = match.end()
    return end


@dataclass
class ParagraphAnalysis:
    """One paragraph's spaCy Doc; token offsets are relative to `paragraph.start`."""

    paragraph: Paragraph
    doc: Doc | None

    @property
    def offset(self) -> int:
        return self.paragraph.start


@dataclass
class Analysis:
    """A document with its per-paragraph analysis and a lazy store of extracted facts."""

    document: Document
    paragraphs: list[ParagraphAnalysis]
    _facts: dict[str, list[Any]] = field(default_factory=dict, repr=False)

    def sentence_tokens(self) -> list[tuple[Span, Any]]:
        """Every sentence as (absolute span without outer blanks, spaCy sentence); needs "sentences"."""
        result = []
        for pa in self.paragraphs:
            for sent in pa.doc.sents:
                text = sent.text
                start = pa.offset + sent.start_char + (len(text) - len(text.lstrip()))
                end = pa.offset + sent.end_char - (len(text) - len(text.rstrip()))
                if start < end:
                    result.append((Span(start, end), sent))
        return result

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
            module = importlib.import_module(f"newslint.analysis.{kind}")
            self._facts[kind] = module.extract(self)
        return self._facts[kind]


def extractor_needs(kind: str) -> tuple[str, ...]:
    return tuple(importlib.import_module(f"newslint.analysis.{kind}").NEEDS)


class Analyzer:
    """Runs the pipeline over documents, caching each paragraph's Doc by its text."""

    def __init__(self, model: str | None = None, cache_size: int = CACHE_SIZE, max_chunk: int = MAX_CHUNK):
        self.model = model
        self.cache_size = cache_size
        self.max_chunk = max_chunk
        self._cache: OrderedDict[tuple[frozenset[str], str], Doc] = OrderedDict()

    def analyze(self, documents: Sequence[Document], needs: Iterable[str]) -> list[Analysis]:
        components = components_for(needs)
        needs = set(needs)
        if not needs:
            return [Analysis(d, [ParagraphAnalysis(p, None) for p in d.paragraphs]) for d in documents]
        pieces = [[chunks(d.prose[p.start : p.end], self.max_chunk) for p in d.paragraphs] for d in documents]
        docs = self._docs(components, [text for doc in pieces for paragraph in doc for text in paragraph])
        analyses = []
        for d, paragraph_pieces in zip(documents, pieces):
            paragraphs = []
            for p, texts in zip(d.paragraphs, paragraph_pieces):
                parts = [docs[text] for text in texts]
                paragraphs.append(ParagraphAnalysis(p, parts[0] if len(parts) == 1 else joined(parts)))
            analyses.append(Analysis(d, paragraphs))
        return analyses

    def _docs(self, components: frozenset[str], texts: list[str]) -> dict[str, Doc]:
        """A Doc for each of `texts`: from the cache, or parsed once and remembered."""
        docs: dict[str, Doc] = {}
        for text in dict.fromkeys(texts):
            doc = self._cache.get((components, text))
            if doc is not None:
                self._cache.move_to_end((components, text))
                docs[text] = doc
        missing = [text for text in dict.fromkeys(texts) if text not in docs]
        if missing:
            nlp = pipeline(components, self.model)
            for text, doc in zip(missing, self._parse(nlp, components, missing)):
                docs[text] = doc
                self._cache[(components, text)] = doc
                if len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
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
                yield from nlp.pipe(batch, disable=disable)
                batch, size = [], 0
        yield from nlp.pipe(batch, disable=disable)


def joined(docs: list[Doc]) -> Doc:
    """One Doc for the chunks of a long paragraph: text, offsets, sentences and entities kept."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)
