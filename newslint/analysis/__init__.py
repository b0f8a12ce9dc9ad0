"""Analysis, done once per document: a spaCy Doc per paragraph plus extracted facts.

Paragraphs are analysed independently (sentences never cross a paragraph in news copy), so a
paragraph's Doc is cached by its text: a language server re-analyses only the paragraph being
edited, and a batch run shares nothing between documents but the loaded pipeline.

Fact extractors live in this package, one module per kind of fact, each with
`extract(analysis) -> list` and a `NEEDS` tuple; they run only when a check asks for them.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.document import Document, Paragraph, Span
from newslint.nlp import components_for, disabled_for, pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

CACHE_SIZE = 4096


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

    def __init__(self, model: str | None = None, cache_size: int = CACHE_SIZE):
        self.model = model
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[frozenset[str], str], Doc] = OrderedDict()

    def analyze(self, documents: Sequence[Document], needs: Iterable[str]) -> list[Analysis]:
        components = components_for(needs)
        needs = set(needs)
        if not needs:
            return [Analysis(d, [ParagraphAnalysis(p, None) for p in d.paragraphs]) for d in documents]
        texts = [d.prose[p.start : p.end] for d in documents for p in d.paragraphs]
        missing = list(dict.fromkeys(t for t in texts if (components, t) not in self._cache))
        if missing:
            nlp = pipeline(components, self.model)
            for text, doc in zip(missing, nlp.pipe(missing, disable=disabled_for(nlp, components))):
                self._remember((components, text), doc)
        analyses = []
        for d in documents:
            paragraphs = []
            for p in d.paragraphs:
                key = (components, d.prose[p.start : p.end])
                doc = self._cache.get(key)
                if doc is None:  # evicted while this batch ran: analyse again
                    nlp = pipeline(components, self.model)
                    doc = nlp(key[1], disable=disabled_for(nlp, components))
                    self._remember(key, doc)
                else:
                    self._cache.move_to_end(key)
                paragraphs.append(ParagraphAnalysis(p, doc))
            analyses.append(Analysis(d, paragraphs))
        return analyses

    def _remember(self, key: tuple[frozenset[str], str], doc: Doc) -> None:
        self._cache[key] = doc
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
