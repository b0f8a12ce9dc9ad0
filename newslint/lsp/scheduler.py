"""Lint scheduling: a debounce per document, one lint at a time, the newest edit wins.

Lints run one at a time on a single worker thread, so the engine and its analysis cache are
never shared between threads. A new edit cancels the document's pending lint; a lint already
running stops at its next paragraph or rule (the job watches the version it lints), and a lint
still queued for a superseded version never starts. A long lint also gives way to the lints
queued behind it (`waiting`), and is scheduled again after them.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Scheduler:
    def __init__(self, lint: Callable[[str], Awaitable[None]]) -> None:
        self._lint = lint
        self._pending: dict[str, asyncio.Task[None]] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self._queued = 0  # jobs handed to the lint thread that have not started
        self._lock = threading.Lock()

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, superseding whatever was scheduled or running for it."""
        self.cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().create_task(self._later(uri, delay))

    def cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    async def _later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            await self._lint(uri)
        finally:
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]

    async def run(self, job: Callable[..., T], *args: Any) -> T:
        """`job(*args)` on the lint thread."""

        def started() -> T:
            with self._lock:
                self._queued -= 1
            return job(*args)

        with self._lock:
            self._queued += 1
        return await asyncio.get_running_loop().run_in_executor(self.executor, started)

    def waiting(self) -> bool:
        """Whether a job waits for the lint thread (asked from the job running on it)."""
        with self._lock:
            return self._queued > 0

    def shutdown(self) -> None:
        for uri in list(self._pending):
            self.cancel(uri)
        self.executor.shutdown(wait=False, cancel_futures=True)
