"""Watching a lint: a front end may follow its progress and stop it between paragraphs.

The engine calls `Watch.step` after each paragraph parsed and between rules, and
`Watch.check` every few hundred paragraphs while it extracts facts or runs a paragraph rule. A
lint nobody watches (`UNWATCHED`, the default of every front end but the language server)
never stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The lint was stopped because its result is no longer wanted."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Watch:
    """`should_stop()` is asked at each step: False, or why to stop (True or a reason, which
    `Cancelled` carries); `progress(stage, done, total)` hears of each step ("parse": paragraphs
    parsed, "check": rules run)."""

    should_stop: Callable[[], bool | str] = _never
    progress: Callable[[str, int, int], None] | None = None

    def check(self) -> None:
        """Raise `Cancelled` if the lint should stop."""
        reason = self.should_stop()
        if reason:
            raise Cancelled(reason if isinstance(reason, str) else "")

    def step(self, stage: str, done: int, total: int) -> None:
        """Raise `Cancelled` if the lint should stop, else report the step."""
        self.check()
        if self.progress is not None:
            self.progress(stage, done, total)


UNWATCHED = Watch()
