"""`newslint inspect` and `newslint stats`: the analysis of one file, for rule authors and editors."""

from __future__ import annotations

import pkgutil
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from newslint.analysis import Analyzer, extractor, is_extractor
from newslint.config import DEFAULT_MAX_FILE_BYTES
from newslint.files import read_file
from newslint.formats import position_range
from newslint.readers import read_document

FULL_ANALYSIS = ("sentences", "entities", "lemmas", "parse")


def load(file: Path):
    """The document in `file`, read as `check` reads it (regular files up to the default size limit)."""
    return read_document(str(file), read_file(file, str(file), DEFAULT_MAX_FILE_BYTES))


def fact_kinds() -> list[str]:
    """The modules of `newslint.analysis` that extract facts (those with `extract` or `paragraph`)."""
    import newslint.analysis as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    return [name for name in names if is_extractor(extractor(name))]


def jsonable(value: Any) -> Any:
    if is_dataclass(value):
        return {k: jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def inspect_file(file: Path) -> dict[str, Any]:
    document = load(file)
    analysis = Analyzer().analyze([document], FULL_ANALYSIS)[0]

    def spanned(start: int, end: int, **extra: Any) -> dict[str, Any]:
        return {
            "text": document.text[start:end],
            "start": start,
            "end": end,
            "range": position_range(document, start, end),
            **extra,
        }

    entities = [
        spanned(pa.offset + e.start_char, pa.offset + e.end_char, label=e.label_)
        for pa in analysis.paragraphs
        for e in pa.doc.ents
    ]
    facts = {}
    for kind in fact_kinds():
        facts[kind] = [jsonable(f) for f in analysis.facts(kind)]
    return {
        "path": document.path,
        "metadata": document.metadata,
        "paragraphs": [spanned(p.start, p.end, kind=p.kind) for p in document.paragraphs],
        "sentences": [spanned(s.start, s.end) for s, _ in analysis.sentence_tokens()],
        "entities": entities,
        "quotes": [spanned(q.start, q.end) for q in document.quotes],
        "facts": facts,
    }


def rounded(metrics) -> dict[str, float]:
    return {
        "words": metrics.words,
        "sentences": metrics.sentences,
        "flesch_reading_ease": round(metrics.flesch_reading_ease, 1),
        "flesch_kincaid_grade": round(metrics.flesch_kincaid_grade, 1),
        "gunning_fog": round(metrics.gunning_fog, 1),
        "reading_time_seconds": round(metrics.reading_time_seconds, 1),
    }


def readability_stats(file: Path) -> dict[str, Any]:
    document = load(file)
    analysis = Analyzer().analyze([document], ())[0]
    (whole,) = analysis.facts("document_readability")
    paragraphs = analysis.facts("readability")
    return {
        "path": document.path,
        "document": rounded(whole),
        "paragraphs": [{"line": document.position(p.start).line, **rounded(p)} for p in paragraphs],
    }


def stats_table(table: dict[str, Any]) -> str:
    keys = ("words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")
    header = f"{'where':<10}{'words':>7}{'sents':>7}{'ease':>8}{'grade':>7}{'fog':>7}"
    rows = [header, "-" * len(header)]
    for label, stats in [("document", table["document"])] + [(f"line {p['line']}", p) for p in table["paragraphs"]]:
        rows.append(f"{label:<10}" + "".join(f"{stats[k]:>{w}}" for k, w in zip(keys, (7, 7, 8, 7, 7))))
    return f"{table['path']}\n" + "\n".join(rows) + "\n"
