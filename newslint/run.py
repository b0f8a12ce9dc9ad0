"""`newslint check`: gather inputs, lint, fix, print, and choose the exit code."""

from __future__ import annotations

import difflib
import sys
from dataclasses import replace
from pathlib import Path

import click

from newslint.config import ConfigResolver
from newslint.diagnostics import FileResult
from newslint.engine import Linter
from newslint.errors import NewslintError
from newslint.fixes import write_atomically
from newslint.formats import render
from newslint.formats.text_format import statistics as statistics_table
from newslint.sources import gather


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )


def run_check(
    *,
    paths,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    fail_level: str | None,
    exit_zero: bool,
    fix: bool,
    diff: bool,
    quiet: bool,
    statistics: bool,
    stdin_filename: str | None,
) -> int:
    errors: list[NewslintError] = []
    try:
        resolver = ConfigResolver(config_path)
    except NewslintError as err:
        click.echo(f"newslint: {err}", err=True)
        return 2
    gathered = gather(paths, resolver, stdin_filename)
    for note in gathered.notes:
        click.echo(f"newslint: {note}", err=True)
    sources = [replace(s, config=s.config.with_overrides(select, ignore, fail_level)) for s in gathered.sources]
    errors.extend(gathered.errors)
    try:
        results, lint_errors = Linter().lint(sources, fix=fix or diff)
    except NewslintError as err:  # the model cannot load: nothing can be linted
        click.echo(f"newslint: {err}", err=True)
        return 2
    errors.extend(lint_errors)
    stdin_paths = {s.path for s in sources if s.from_stdin}

    if diff:
        changed = [r for r in results if r.fixed_text != r.document.text]
        click.echo("".join(unified_diff(r.document.path, r.document.text, r.fixed_text) for r in changed), nl=False)
    else:
        if fix:
            errors.extend(write_fixes(results, stdin_paths))
        report = statistics_table(results) if statistics else render(output_format, results, quiet=quiet)
        click.echo(report, nl=False, err=fix and bool(stdin_paths))
    for err in errors:
        click.echo(f"newslint: {err}", err=True)

    if errors:
        return 2
    if exit_zero:
        return 0
    if diff:
        return 1 if changed else 0
    levels = {s.path: s.config.fail_level.rank for s in sources}
    return 1 if any(d.severity.rank >= levels[r.document.path] for r in results for d in r.diagnostics) else 0


def write_fixes(results: list[FileResult], stdin_paths: set[str]) -> list[NewslintError]:
    """Write fixed files atomically; fixed stdin goes to stdout. Returns write errors."""
    errors = []
    for r in results:
        if r.document.path in stdin_paths:
            sys.stdout.write(r.fixed_text)
        elif r.fixed_text != r.document.text:
            try:
                write_atomically(Path(r.document.path), r.fixed_text, r.document.bom)
            except OSError as err:
                errors.append(NewslintError(r.document.path, f"cannot write the fixed file: {err.strerror or err}"))
    return errors
