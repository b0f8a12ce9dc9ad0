"""A watched lint: stopped between paragraphs or rules, reporting its steps, its caches kept sound."""

from __future__ import annotations

import pytest

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.watch import Cancelled, Watch

TEXT = "\n\n".join(f"Experts say bridge {i} will allegedly cost {i} million dollars more." for i in range(30))


def findings(linter: Linter, text: str = TEXT, **options) -> list[tuple[str, int]]:
    results, errors = linter.lint([Source("draft.txt", text.encode(), Config())], **options)
    assert not errors
    return [(d.code, d.start) for d in results[0].diagnostics]


def stopping_after(steps: int) -> tuple[Watch, list[tuple[str, int, int]]]:
    seen: list[tuple[str, int, int]] = []
    watch = Watch(should_stop=lambda: len(seen) >= steps, progress=lambda *step: seen.append(step))
    return watch, seen


def test_an_unwatched_lint_reports_every_step_and_is_never_stopped():
    seen = []
    assert findings(Linter(), watch=Watch(progress=lambda *step: seen.append(step)))
    parsed = [done for stage, done, total in seen if stage == "parse"]
    assert parsed == list(range(31))  # every paragraph parsed, one step each
    assert seen[-1][0] == "check" and seen[-1][1] == seen[-1][2] - 1


@pytest.mark.parametrize("steps", [5, 40])  # in the parse; among the rules
def test_a_stopped_lint_raises_cancelled_and_leaves_the_caches_sound(steps: int):
    linter = Linter()
    watch, seen = stopping_after(steps)
    with pytest.raises(Cancelled):
        findings(linter, watch=watch)
    assert len(seen) == steps
    assert findings(linter) == findings(Linter())


def test_a_long_document_is_stopped_inside_a_rule_not_reported_as_its_failure():
    text = "\n\n".join(["The council met on Monday.", "Experts say it will allegedly cost more.", "It rained."] * 200)
    asked: list[int] = []
    seen: list[tuple[str, int, int]] = []

    def should_stop() -> bool:
        asked.append(1)
        return len(asked) == 6  # once, after the 4 parse steps and the first rule's step: inside that rule

    with pytest.raises(Cancelled):
        findings(Linter(), text, watch=Watch(should_stop, lambda *step: seen.append(step)))
    assert seen[-1][:2] == ("check", 0)
