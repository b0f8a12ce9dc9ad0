"""Work-done progress (`$/progress`) for the server's long jobs: the model's load and long lints."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Callable

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from newslint.watch import Cancelled

PARSE_SHARE = 80  # the share of a lint's progress report that parsing takes (checking takes the rest)
TOKENS = itertools.count(1)


@contextlib.asynccontextmanager
async def work_done(server: LanguageServer, title: str, message: str):
    """A work-done progress report around the body, when `server`'s client shows them. The body
    gets a `report(percentage)` callable that any thread may call; a body stopped by
    `Cancelled` ends the report with "stopped" and the reason."""
    token = None
    if getattr(getattr(server.client_capabilities, "window", None), "work_done_progress", False):
        token = f"newslint-{next(TOKENS)}"
        try:
            await server.work_done_progress.create_async(token)
            server.work_done_progress.begin(token, types.WorkDoneProgressBegin(title=title, message=message))
        except Exception:  # the client refused the token: go on without a progress report
            token = None
    loop, sent = asyncio.get_running_loop(), [-1]

    def send(percentage: int) -> None:
        if token is not None and sent[0] < percentage <= 100:
            sent[0] = percentage
            server.work_done_progress.report(token, types.WorkDoneProgressReport(percentage=percentage))

    ended = None
    try:
        yield lambda percentage: loop.call_soon_threadsafe(send, percentage)
    except Cancelled as stop:
        ended = f"stopped: {stop}" if str(stop) else "stopped"
        raise
    finally:
        sent[0] = 100  # nothing is reported after the end
        if token is not None:
            server.work_done_progress.end(token, types.WorkDoneProgressEnd(message=ended))


def progress_percentage(report: Callable[[int], None]) -> Callable[[str, int, int], None]:
    """A `Watch.progress` that reports paragraphs parsed, then rules run, as one percentage."""

    def progress(stage: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        report(round(PARSE_SHARE * share if stage == "parse" else PARSE_SHARE + (100 - PARSE_SHARE) * share))

    return progress
