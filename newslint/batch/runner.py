"""Drive a batch: connect to a cluster (or start a local one), hand out chunks, total the files.

Chunks whose file already exists are skipped, so a rerun after an interruption does only the
rest; a chunk lost with a killed worker is rescheduled by Dask. At most `WINDOW` chunks per
worker are in flight, so the client never holds the archive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from newslint.batch.chunks import DEFAULT_SIZE, chunked
from newslint.batch.results import remove_partials
from newslint.batch.stories import Settings, Story, stories
from newslint.batch.summary import Summary, summarize
from newslint.batch.worker import WARM_UP, LinterPlugin, lint_chunk
from newslint.errors import NewslintError

WINDOW = 3  # chunks in flight per worker


@dataclass(frozen=True)
class Plan:
    inputs: tuple[str, ...]
    out: Path
    settings: Settings
    chunk_size: int = DEFAULT_SIZE
    scheduler: str | None = None
    workers: int | None = None


@dataclass
class Outcome:
    summary: Summary
    files: list[Path]
    done: int  # chunks linted by this run
    skipped: int  # chunks whose file a previous run wrote


@contextmanager
def connect(scheduler: str | None, workers: int | None) -> Iterator:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes."""
    from distributed import Client, LocalCluster

    from newslint.parallel import cores

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as err:
            raise NewslintError(scheduler, f"cannot reach the Dask scheduler: {err}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=workers or cores(), threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    )
    with cluster, Client(cluster) as client:
        yield client


def run(plan: Plan, advance: Callable[[int], object] = lambda n: None) -> Outcome:
    """Lint every chunk of `plan` that has no file yet; then total every chunk's file.

    The cluster starts with the first chunk to lint: a rerun with nothing left starts none.
    """
    plan.out.mkdir(parents=True, exist_ok=True)
    remove_partials(plan.out)
    files, done, skipped = [], 0, 0
    pending: dict = {}  # future -> stories in its chunk
    with ExitStack() as stack:
        client = window = None
        for chunk in chunked(stories(plan.inputs, plan.settings), plan.chunk_size):
            files.append(plan.out / chunk.name)
            if files[-1].exists():
                skipped += 1
                advance(len(chunk.stories))
                continue
            if client is None:
                client = stack.enter_context(connect(plan.scheduler, plan.workers))
                client.register_plugin(LinterPlugin(warm_up(plan)), name=LinterPlugin.name)
                window = WINDOW * max(len(client.scheduler_info(n_workers=-1)["workers"]), 1)
            future = client.submit(lint_chunk, chunk, str(plan.out), key=f"newslint-{chunk.name}", pure=False)
            pending[future] = len(chunk.stories)
            done += settle(pending, window - 1, advance)
        done += settle(pending, 0, advance)
    return Outcome(summarize(files), files, done, skipped)


def settle(pending: dict, limit: int, advance: Callable[[int], object]) -> int:
    """Wait until at most `limit` chunks are in flight (a failed chunk stops the run); how many finished."""
    from distributed import wait

    finished = 0
    while len(pending) > limit:
        for future in wait(list(pending), return_when="FIRST_COMPLETED").done:
            future.result()
            advance(pending.pop(future))
            finished += 1
    return finished


def warm_up(plan: Plan) -> Story:
    """A tiny story in the run's configuration, for the workers to load their model with."""
    return Story("warm-up.txt", WARM_UP, plan.settings.config_for(Path(plan.inputs[0])))
