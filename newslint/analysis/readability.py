"""Readability metrics (textstat) for each paragraph that is not a heading; NL502 and
`newslint stats` read the same numbers (`document_readability` has the whole document's)."""

from __future__ import annotations

from dataclasses import dataclass

NEEDS: tuple[str, ...] = ()

MS_PER_CHARACTER = 14.69


@dataclass(frozen=True)
class Readability:
    """The metrics of [start, end); `scope` is "document" or "paragraph" (values unrounded)."""

    start: int
    end: int
    scope: str
    words: int
    sentences: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    reading_time_seconds: float


def metrics(text: str, start: int, end: int, scope: str) -> Readability:
    import textstat

    return Readability(
        start,
        end,
        scope,
        textstat.lexicon_count(text),
        textstat.sentence_count(text),
        textstat.flesch_reading_ease(text),
        textstat.flesch_kincaid_grade(text),
        textstat.gunning_fog(text),
        textstat.reading_time(text, ms_per_char=MS_PER_CHARACTER),
    )


def paragraph(analysis, pa) -> list[Readability]:
    p = pa.paragraph
    return [] if p.kind == "heading" else [metrics(pa.text, p.start, p.end, "paragraph")]
