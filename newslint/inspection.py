"""`newslint inspect` and `newslint stats`: the analysis of one file, for rule authors and editors."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from newslint.analysis import Analyzer
from newslint.config import DEFAULT_MAX_FILE_BYTES
from newslint.formats import position_range
from newslint.readers import read_document
from newslint.sources import read_file

FULL_ANALYSIS = ("sentences", "entities", "lemmas", "parse")


def load(file: Path):
    """The document in `file`, read as `check` reads it (regular files up to the default size limit)."""
    return read_document(str(file), read_file(file, str(file), DEFAULT_MAX_FILE_BYTES))


def fact_kinds() -> list[str]:
    """The modules of `newslint.analysis` that extract facts (those with `extract`)."""
    import newslint.analysis as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    return [name for name in names if hasattr(importlib.import_module(f"newslint.analysis.{name}"), "extract")]


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
        importlib.import_module(f"newslint.analysis.{kind}")
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


def text_stats(text: str) -> dict[str, float]:
    import textstat

    return {
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text),
        "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(text), 1),
        "gunning_fog": round(textstat.gunning_fog(text), 1),
        "reading_time_seconds": round(textstat.reading_time(text, ms_per_char=14.69), 1),
    }


def readability_stats(file: Path) -> dict[str, Any]:
    document = load(file)
    prose = " ".join(document.prose[p.start : p.end] for p in document.paragraphs)
    return {
        "path": document.path,
        "document": text_stats(prose),
        "paragraphs": [
            {"line": document.position(p.start).line, **text_stats(document.prose[p.start : p.end])}
            for p in document.paragraphs
            if p.kind != "heading"
        ],
    }


def stats_table(table: dict[str, Any]) -> str:
    keys = ("words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")
    header = f"{'where':<10}{'words':>7}{'sents':>7}{'ease':>8}{'grade':>7}{'fog':>7}"
    rows = [header, "-" * len(header)]
    for label, stats in [("document", table["document"])] + [(f"line {p['line']}", p) for p in table["paragraphs"]]:
        rows.append(f"{label:<10}" + "".join(f"{stats[k]:>{w}}" for k, w in zip(keys, (7, 7, 8, 7, 7))))
    return f"{table['path']}\n" + "\n".join(rows) + "\n"
