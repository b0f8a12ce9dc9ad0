"""`check` over many files analyses them in bounded batches: a batch's analysis is freed before
the next is made, and the results equal those of one batch holding every file."""

from __future__ import annotations

import gc
import weakref

from newslint import engine
from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.engine import Linter, Source

CONFIG = Config(select=("NL503", "NL202"))
TEXTS = ["Officials said the the road would reopen.\n", "Troops reached Kiev on Monday.\n", "All quiet.\n"]


def sources(count: int) -> list[Source]:
    return [Source(f"story{i:03}.txt", TEXTS[i % 3].encode(), CONFIG) for i in range(count)]


def findings(results) -> list[tuple[str, str, int]]:
    return [(r.document.path, d.code, d.start) for r in results for d in r.diagnostics]


def test_batches_are_bounded_and_freed(monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 8)
    analyzer = Analyzer()
    alive: list[weakref.ref] = []
    largest_alive = 0
    original = analyzer.analyze

    def watched(documents, needs):
        nonlocal largest_alive
        gc.collect()
        largest_alive = max(largest_alive, sum(1 for ref in alive if ref() is not None))
        analyses = original(documents, needs)
        alive.extend(weakref.ref(a) for a in analyses)
        return analyses

    monkeypatch.setattr(analyzer, "analyze", watched)
    results, errors = Linter(analyzer).lint(sources(50))
    assert not errors
    assert len(alive) == 50
    assert largest_alive <= 8


def test_batched_results_equal_one_batch(monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 7)
    batched, _ = Linter(Analyzer()).lint(sources(30), fix=True)
    monkeypatch.setattr(engine, "BATCH", 1000)
    whole, _ = Linter(Analyzer()).lint(sources(30), fix=True)
    assert [r.document.path for r in batched] == [f"story{i:03}.txt" for i in range(30)]
    assert findings(batched) == findings(whole)
    assert [r.fixed_text for r in batched] == [r.fixed_text for r in whole]


def test_every_batch_is_compared_with_the_sources(monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 4)
    config = Config(select=("NL602",))
    drafts = [Source(f"d{i}.txt", b"The ship sailed 290 miles to the port.\n", config) for i in range(9)]
    against = [Source("wire.txt", b"The ship sailed 290 kilometers to the port.\n", config)]
    results, errors = Linter(Analyzer()).lint(drafts, against=against)
    assert not errors
    assert [d.code for r in results for d in r.diagnostics] == ["NL602"] * 9
