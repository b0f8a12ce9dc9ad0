"""`check` over many files analyses them in bounded batches: a batch's analysis is freed before
the next is made, and the results equal those of one batch holding every file."""

from __future__ import annotations

import gc
import weakref

from newslint import engine
from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.engine import Linter, Source
from tests.conftest import ROOT, err, out, run_cli

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

    def watched(documents, needs, *rest):
        nonlocal largest_alive
        gc.collect()
        largest_alive = max(largest_alive, sum(1 for ref in alive if ref() is not None))
        analyses = original(documents, needs, *rest)
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


def test_a_report_written_as_results_come_equals_the_report_of_every_result(tmp_path):
    """Drafts in path order are reported as each is linted; in another order, all at the end:
    the same report, summary and exit code either way (an undecodable draft among them)."""

    seeds = sorted((ROOT / "seeds").glob("*.txt"))[2:5]
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken\n")
    paths = [str(p) for p in seeds] + [str(tmp_path / "bad.txt")]
    streamed = run_cli("check", *paths, "--select", "NL5", "--jobs", "1")
    buffered = run_cli("check", *reversed(paths), "--select", "NL5", "--jobs", "1")
    assert "NL501" in out(streamed) and "could not be checked" in out(streamed)
    assert out(streamed) == out(buffered)
    assert streamed.returncode == buffered.returncode == 2
    assert err(streamed).count("bad.txt") == 1


def test_a_gathered_file_is_held_as_its_path_and_read_when_linted(tmp_path):
    """A run over many files holds their paths: a file is read again when it is linted, and one
    gone since it was gathered is an error naming it, while the others are still linted."""
    from newslint.config import ConfigResolver
    from newslint.sources import gather

    for name, text in [("a.txt", TEXTS[0]), ("b.txt", TEXTS[1])]:
        (tmp_path / name).write_text(text)
    gathered = gather([str(tmp_path)], ConfigResolver(None))
    assert [s.data for s in gathered.sources] == [None, None]
    (tmp_path / "a.txt").unlink()
    configured = [Source(s.path, s.data, CONFIG, file=s.file) for s in gathered.sources]
    results, errors = Linter(Analyzer()).lint(configured)
    assert [r.document.path for r in results] == [configured[1].path]
    assert [d.code for r in results for d in r.diagnostics] == ["NL202"]
    assert len(errors) == 1 and "a.txt" in str(errors[0])
