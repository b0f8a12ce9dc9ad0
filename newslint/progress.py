"""A progress bar on stderr for long runs: shown after a few seconds, only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

DELAY = 3.0  # seconds before a bar appears: a short run shows none


def wanted(quiet: bool) -> bool:
    """A bar only for a person watching: stderr a terminal, and no --quiet."""
    return not quiet and sys.stderr.isatty()


@contextmanager
def bar(total: int | None, unit: str, shown: bool) -> Iterator:
    """A bar counting `total` `unit`s (None: a count without an end); yields `advance(n)`, which moves it on. Nothing is drawn unless `shown`."""
    if not shown:
        yield lambda n: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=unit, file=sys.stderr, delay=DELAY, leave=False) as progress:
        yield progress.update
