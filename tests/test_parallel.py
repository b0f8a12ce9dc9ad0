"""`check --jobs N`: worker processes give exactly what one process gives, in the same order."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from newslint import engine, parallel, progress
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.formats import FORMATS, render
from tests.conftest import CORPUS, SEEDS, err, needs_corpus, out, run_cli

TYPO = b"Officials said the the road would reopen.\n"
BAD_DIRECTIVE = b"<!-- newslint: disable NL999 -->\nTroops reached Kiev on Monday.\n"
LATIN1 = "Caf\xe9 owners said the the thing.\n".encode("latin-1")


def article(path) -> bytes:
    """A corpus article without its SOURCE header line and the blank line after it."""
    return path.read_bytes().split(b"\n", 2)[2]


def mixed_sources() -> list[Source]:
    """Drafts of two configurations, with unreadable ones and a broken suppression among them."""
    narrow = Config(select=("NL503", "NL202"))
    texts = [TYPO, LATIN1, BAD_DIRECTIVE, b"All quiet.\n", b"\x89PNG\r\n\x1a\n\x00\x00"]
    return [Source(f"d{i:02}.txt", texts[i % 5], narrow if i % 3 else Config()) for i in range(17)]


def as_printed(results, errors) -> tuple[list[str], list[str]]:
    return [render(name, results, unchecked=0) for name in FORMATS], [str(e) for e in errors]


def test_chunks_cover_the_drafts_in_order_and_never_straddle_a_batch(monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 8)
    bounds = parallel.chunk_bounds(64, jobs=2)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(64))
    assert all(a // 8 == (b - 1) // 8 for a, b in bounds)
    assert len(bounds) >= 2 * parallel.CHUNKS_PER_JOB


def test_a_long_run_hands_out_chunks_no_larger_than_a_short_run():
    sizes = {b - a for a, b in parallel.chunk_bounds(20_000, jobs=2)}
    assert max(sizes) == parallel.CHUNK_DRAFTS


def test_few_drafts_stay_in_one_process():
    assert parallel.default_jobs(parallel.FEW) == 1
    assert parallel.default_jobs(parallel.FEW + 1) == parallel.cores()


def test_chunked_run_reports_what_one_run_reports_in_its_order(monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 4)
    sources = mixed_sources()
    one = Linter().lint(sources, fix=True)
    chunked = parallel.lint(sources, fix=True, jobs=1)
    assert as_printed(*chunked) == as_printed(*one)
    assert [r.fixed_text for r in chunked[0]] == [r.fixed_text for r in one[0]]
    assert len(parallel.chunk_bounds(len(sources), 1)) > len(sources) // engine.BATCH  # more chunks than batches


@needs_corpus
def test_two_workers_give_every_format_fix_and_source_finding_of_one_process():
    corpus = sorted((CORPUS / "bbc_news_2004_2005").rglob("*.txt"))[:6]
    drafts = [Source(p.name, p.read_bytes(), Config()) for p in sorted(SEEDS.glob("*.txt"))]
    drafts += [Source(p.name, article(p), Config()) for p in corpus] + mixed_sources()
    wire = sorted(CORPUS.glob("ecbplus_clusters/10_*.txt"))[:2]
    against = [Source(p.name, article(p), Config()) for p in wire] + [Source("bad.txt", LATIN1, Config())]
    one = Linter().lint(drafts, fix=True, against=against)
    two = parallel.lint(drafts, fix=True, against=against, jobs=2)
    assert as_printed(*two) == as_printed(*one)
    assert [r.fixed_text for r in two[0]] == [r.fixed_text for r in one[0]]
    assert sum(len(r.diagnostics) for r in one[0]) > 10  # enough findings for the comparison to mean something


def test_cli_jobs_2_prints_the_same_report_and_errors_as_jobs_1(tmp_path):
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "latin1.txt").write_bytes(LATIN1)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "newslint.toml").write_text('select = ["NL503"]\n')
    (tmp_path / "desk" / "typo.txt").write_bytes(TYPO)
    runs = [run_cli("check", ".", "missing.md", "--format", "json", "--jobs", jobs, cwd=tmp_path) for jobs in "12"]
    assert runs[0].returncode == runs[1].returncode == 2
    assert out(runs[1]) == out(runs[0]) and err(runs[1]) == err(runs[0])
    assert "latin1.txt: not valid UTF-8" in err(runs[1]) and "missing.md" in err(runs[1])
    assert {d["path"] for d in json.loads(out(runs[1]))} >= {"desk/typo.txt", "000_abfd0f9880f9ca5a.txt"}


def test_progress_bar_only_on_a_terminal_and_never_with_quiet(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert progress.wanted(quiet=False) and not progress.wanted(quiet=True)
    monkeypatch.setattr(progress, "DELAY", 0)
    with progress.bar(3, "file", shown=True) as advance:
        advance(2)
        advance(1)
    assert "0/3" in terminal.getvalue() and "file/s" in terminal.getvalue()  # drawn, then cleared at the end
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not progress.wanted(quiet=False)


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_jobs_must_be_a_positive_number(jobs):
    result = run_cli("check", "seeds", "--jobs", jobs)
    assert result.returncode == 2 and "--jobs" in err(result)
