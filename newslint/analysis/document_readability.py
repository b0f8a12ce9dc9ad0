"""Readability metrics (textstat) for the document's prose as a whole, as `newslint stats` shows them."""

from __future__ import annotations

from newslint.analysis.readability import Readability, metrics

NEEDS: tuple[str, ...] = ()


def extract(analysis) -> list[Readability]:
    """One fact: the metrics of every paragraph's prose read as one text."""
    paragraphs = analysis.document.paragraphs
    prose = " ".join(analysis.document.prose[p.start : p.end] for p in paragraphs)
    start, end = (paragraphs[0].start, paragraphs[-1].end) if paragraphs else (0, 0)
    return [metrics(prose, start, end, "document")]
