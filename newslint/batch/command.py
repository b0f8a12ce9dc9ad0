"""`newslint batch`: run the plan, print the summary and the unreadable stories, choose the exit code."""

from __future__ import annotations

from pathlib import Path

import click

from newslint.batch.runner import Plan, run
from newslint.batch.stories import Settings
from newslint.batch.summary import export_jsonl, export_sarif, table
from newslint.config import ConfigResolver
from newslint.errors import NewslintError
from newslint.progress import bar, wanted


def say(message: object) -> None:
    click.echo(f"newslint: {message}", err=True)


def batch(
    inputs: tuple[str, ...],
    out: Path,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    config_path: Path | None = None,
    jsonl: Path | None = None,
    sarif: Path | None = None,
    quiet: bool = False,
    **plan: object,
) -> int:
    """Lint the archive into `out`; 0 when every story was checked, 2 otherwise."""
    try:
        settings = Settings(ConfigResolver(config_path), select, ignore)
        with bar(None, "story", wanted(quiet)) as advance:
            outcome = run(Plan(inputs, out, settings, **plan), advance)
        if jsonl is not None:
            export_jsonl(outcome.files, jsonl)
        if sarif is not None:
            export_sarif(outcome.files, sarif)
    except NewslintError as err:
        say(err)
        return 2
    except OSError as err:
        say(f"{err.filename or out}: {err.strerror or err}")
        return 2
    for error in outcome.summary.errors:
        say(error)
    if not quiet:
        click.echo(table(outcome.summary), nl=False)
        click.echo(f"{outcome.done:,} chunks linted, {outcome.skipped:,} already done; results in {out}")
    return 2 if outcome.summary.errors else 0
