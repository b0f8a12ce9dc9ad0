"""`check --jobs N`: drafts linted in chunks by worker processes that each load the model once.

Every worker runs `Linter.lint` on its chunks, analysing for the rules of the whole run, so a
draft gets the findings one process would give it. Chunks never straddle one of the engine's
batches, and each batch's errors are put back in the order one process reports them: its
unreadable drafts first, then the problems found while checking.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from newslint import engine
from newslint.analysis import Analysis, Analyzer
from newslint.config import Config
from newslint.diagnostics import FileResult
from newslint.document import Document
from newslint.engine import Linter, Source
from newslint.errors import NewslintError
from newslint.watch import UNWATCHED, Watch

FEW = 8  # a run of more drafts than this uses every core unless --jobs says otherwise
CHUNKS_PER_JOB = 2  # a chunk holds at most 1/(jobs * this) of the drafts still to hand out
CHUNK_DRAFTS = 16  # at most, so a worker holds the analysis of as many drafts in a long run as in a short one
RECENT_PARAGRAPHS = 512  # paragraphs kept in the analysis cache besides the sources'
PRELOAD = ["newslint.preload"]
WARM_UP = Source("warm-up.txt", b"The model loads once per worker.\n", Config())  # in the run's first configuration

Outcome = tuple[list[FileResult], list[NewslintError], list[NewslintError]]  # results, read errors, check errors


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(drafts: int) -> int:
    return cores() if drafts > FEW else 1


def distinct(configs: Sequence[Config]) -> list[Config]:
    """Each configuration once (configurations hold dicts, so they compare but do not hash)."""
    kept: list[Config] = []
    for config in configs:
        if not any(config is k or config == k for k in kept):
            kept.append(config)
    return kept


def chunk_bounds(count: int, jobs: int) -> list[tuple[int, int]]:
    """(start, end) of each chunk, inside a batch: about 1/(jobs * CHUNKS_PER_JOB) of the drafts
    still to hand out, at most CHUNK_DRAFTS, so chunks shrink towards the end of the run and
    the workers finish together."""
    bounds, start = [], 0
    while start < count:
        size = max(1, min(CHUNK_DRAFTS, math.ceil((count - start) / (jobs * CHUNKS_PER_JOB))))
        end = min(start + size, count, (start // engine.BATCH + 1) * engine.BATCH)
        bounds.append((start, end))
        start = end
    return bounds


def chunk_analyzer(against: Sequence[Source] | None) -> Analyzer:
    """An analyzer whose cache keeps the sources' paragraphs and the last few hundred others.

    Drafts of a run rarely share paragraphs, so a larger cache only grows a long run's memory.
    """
    paragraphs = sum(len(document.paragraphs) for document, _ in Linter().read(against or ())[0])
    return Analyzer(cache_size=paragraphs + RECENT_PARAGRAPHS)


class RunLinter(Linter):
    """A Linter that analyses every chunk for the rules of the whole run, as one batch of it would be."""

    def __init__(self, configs: Sequence[Config], analyzer: Analyzer | None = None):
        super().__init__(analyzer)
        self.configs = list(configs)

    def analyze(
        self, documents: Sequence[Document], configs: Sequence[Config], cross: bool = False, watch: Watch = UNWATCHED
    ) -> list[Analysis]:
        return super().analyze(documents, self.configs, cross, watch)


class ChunkLinter:
    """Lints chunks of drafts: against the same sources, with the same fix setting."""

    def __init__(self, configs: Sequence[Config], against: Sequence[Source] | None, fix: bool):
        self.linter = RunLinter(configs, chunk_analyzer(against))
        self.against = against
        self.fix = fix

    def warm(self) -> None:
        """Load the model now, for what the run needs; a failure is left for the first chunk to report."""
        with contextlib.suppress(NewslintError):
            self.linter.lint([replace(WARM_UP, config=self.linter.configs[0])], against=self.against)

    def __call__(self, sources: Sequence[Source]) -> Outcome:
        with self.linter.analyzer.transient():  # a long run's memory stays that of one chunk
            results, errors = self.linter.lint(sources, fix=self.fix, against=self.against)
        unread = len(sources) - len(results)  # a chunk is one batch: its read errors come first
        return results, errors[:unread], errors[unread:]


_worker: list[ChunkLinter] = []  # the worker process's own linter


def start_worker(configs: list[Config], against: list[Source] | None, fix: bool) -> None:
    _worker.append(ChunkLinter(configs, against, fix))
    _worker[0].warm()


def lint_chunk(sources: list[Source]) -> Outcome:
    return _worker[0](sources)


def readable(against: Sequence[Source]) -> tuple[list[Source], list[NewslintError]]:
    """The sources that read as documents, and the errors of the others."""
    linter, kept, errors = Linter(), [], []
    for source in against:
        _, problems = linter.read([source])
        errors += problems
        if not problems:
            kept.append(source)
    return kept, errors


class Merged:
    """Chunk outcomes put back in one process's order: results in draft order and, in each batch,
    its read errors and then its check errors. Results go to `each` when given, else are kept."""

    def __init__(self, each: Callable[[FileResult], object] | None = None):
        self.each = each
        self.results: list[FileResult] = []
        self.errors: list[NewslintError] = []
        self.reads: list[NewslintError] = []
        self.checks: list[NewslintError] = []

    def add(self, start: int, outcome: Outcome) -> None:
        chunk_results, chunk_reads, chunk_checks = outcome
        if start % engine.BATCH == 0:
            self.errors += self.reads + self.checks
            self.reads, self.checks = [], []
        for result in chunk_results:
            self.each(result) if self.each else self.results.append(result)
        self.reads += chunk_reads
        self.checks += chunk_checks

    def outcome(self) -> tuple[list[FileResult], list[NewslintError]]:
        return self.results, self.errors + self.reads + self.checks


def lint(
    sources: Sequence[Source],
    fix: bool = False,
    against: Sequence[Source] | None = None,
    jobs: int | None = None,
    advance: Callable[[int], object] = lambda done: None,
    each: Callable[[FileResult], object] | None = None,
) -> tuple[list[FileResult], list[NewslintError]]:
    """What `Linter().lint` gives, computed by `jobs` processes (None: `default_jobs`).

    `advance(n)` is called as each chunk of `n` drafts is done. With `each`, every result is
    handed to it in order as soon as it and those before it are done, and none is returned: a
    long run holds the results of a few chunks, not of every draft.
    """
    kept, errors = readable(against) if against is not None else (None, [])
    configs = distinct([s.config for s in sources])
    bounds = chunk_bounds(len(sources), jobs or default_jobs(len(sources)))
    jobs = min(jobs or default_jobs(len(sources)), len(bounds))
    merged = Merged(each)
    if jobs > 1:
        in_workers(sources, bounds, jobs, (configs, kept, fix), advance, merged)
    else:
        inline = ChunkLinter(configs, kept, fix)
        for a, b in bounds:
            merged.add(a, inline(sources[a:b]))
            advance(b - a)
    results, lint_errors = merged.outcome()
    return results, errors + lint_errors


def in_workers(
    sources: Sequence[Source],
    bounds: list[tuple[int, int]],
    jobs: int,
    setup: tuple,
    advance: Callable[[int], object],
    merged: Merged,
) -> None:
    """Each chunk's outcome added to `merged` in order, from a pool of `jobs` worker processes."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)  # imported once, in the process the workers fork from
    else:
        context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(min(jobs, len(bounds)), context, initializer=start_worker, initargs=setup) as pool:
            futures = [pool.submit(lint_chunk, list(sources[a:b])) for a, b in bounds]
            sizes = {future: b - a for future, (a, b) in zip(futures, bounds)}
            done = 0  # chunks handed to `merged`
            try:
                for future in as_completed(futures):
                    future.result()  # a chunk that failed (the model cannot load) stops the run now
                    advance(sizes.pop(future))
                    while done < len(futures) and futures[done].done():
                        merged.add(bounds[done][0], futures[done].result())
                        futures[done] = None  # its results are the consumer's now
                        done += 1
            finally:
                pool.shutdown(cancel_futures=True)
    except BrokenProcessPool:
        raise NewslintError("--jobs", "a worker process stopped (out of memory?); try fewer jobs or --jobs 1") from None
