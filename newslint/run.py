"""`newslint check` and `newslint compare`: gather inputs, lint, fix, print, choose the exit code."""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import click

from newslint.config import ConfigResolver
from newslint.diagnostics import FileResult
from newslint.document import split_lines
from newslint.engine import Linter, Source
from newslint.errors import NewslintError
from newslint.fixes import FixRefused, encoded, write_fixed
from newslint.formats import render
from newslint.formats.text_format import statistics as statistics_table
from newslint.sources import gather


@dataclass(frozen=True)
class RunOptions:
    output_format: str = "text"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_path: Path | None = None
    fail_level: str | None = None
    exit_zero: bool = False
    quiet: bool = False
    statistics: bool = False
    fix: bool = False
    diff: bool = False
    stdin_filename: str | None = None
    against: tuple[str, ...] | None = None


def say(message: object) -> None:
    click.echo(f"newslint: {message}", err=True)


def gather_sources(paths, options: RunOptions, resolver: ConfigResolver) -> tuple[list[Source], list[NewslintError]]:
    gathered = gather(paths, resolver, options.stdin_filename)
    for note in gathered.notes:
        say(note)
    overridden = [
        replace(s, config=s.config.with_overrides(options.select, options.ignore, options.fail_level))
        for s in gathered.sources
    ]
    return overridden, gathered.errors


def run(paths, options: RunOptions, compare: bool = False) -> int:
    """Lint (or compare) `paths`, print the report and return the exit code."""
    try:
        resolver = ConfigResolver(options.config_path)
    except NewslintError as err:
        say(err)
        return 2
    sources, errors = gather_sources(paths, options, resolver)
    against = None
    if options.against is not None:
        against, against_errors = gather_sources(options.against, options, resolver)
        errors += against_errors
    linter = Linter()
    try:
        if compare:
            results, lint_errors = linter.compare(sources)
        else:
            results, lint_errors = linter.lint(sources, fix=options.fix or options.diff, against=against)
    except NewslintError as err:  # the model cannot load: nothing can be linted
        say(err)
        return 2
    errors += lint_errors
    stdin_paths = {s.path for s in sources if s.from_stdin}

    changed = []
    if options.diff:
        changed = [r for r in results if r.fixed_text != r.document.text]
        click.echo("".join(unified_diff(r.document.path, r.document.text, r.fixed_text) for r in changed), nl=False)
    else:
        if options.fix:
            errors += write_fixes(results, stdin_paths)
        if options.statistics:
            report = statistics_table(results)
        else:
            report = render(options.output_format, results, quiet=options.quiet)
        click.echo(report, nl=False, err=options.fix and bool(stdin_paths))
    for err in errors:
        say(err)
    return exit_code(results, sources, errors, changed, options)


def exit_code(
    results: list[FileResult], sources: list[Source], errors: list, changed: list, options: RunOptions
) -> int:
    if errors:
        return 2
    if options.exit_zero:
        return 0
    if options.diff:
        return 1 if changed else 0
    levels = {s.path: s.config.fail_level.rank for s in sources}
    return 1 if any(d.severity.rank >= levels[r.document.path] for r in results for d in r.diagnostics) else 0


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff; lines end only at CR, LF or CRLF, as newslint counts them."""
    return "".join(difflib.unified_diff(split_lines(before), split_lines(after), f"a/{path}", f"b/{path}"))


def write_fixes(results: list[FileResult], stdin_paths: set[str]) -> list[NewslintError]:
    """Write fixed files (see `fixes.write_fixed`); fixed stdin goes to stdout, with its
    byte-order mark. Returns the files that were not written, and why."""
    errors = []
    for r in results:
        if r.document.path in stdin_paths:
            sys.stdout.buffer.write(encoded(r.fixed_text, r.document.bom))
            sys.stdout.flush()
        elif r.fixed_text != r.document.text:
            original = encoded(r.document.text, r.document.bom)
            try:
                write_fixed(Path(r.document.path), original, encoded(r.fixed_text, r.document.bom))
            except FixRefused as refusal:
                errors.append(NewslintError(r.document.path, str(refusal)))
            except OSError as err:
                errors.append(NewslintError(r.document.path, f"cannot write the fixed file: {err.strerror or err}"))
    return errors
