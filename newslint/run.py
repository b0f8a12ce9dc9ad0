"""`newslint check` and `newslint compare`: gather inputs, lint, fix, print, choose the exit code."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from newslint import parallel
from newslint.config import ConfigResolver
from newslint.diagnostics import FileResult
from newslint.document import split_lines
from newslint.engine import Linter, Source, sort_key
from newslint.errors import NewslintError
from newslint.fixes import FixRefused, encoded, write_fixed
from newslint.formats import render, writer
from newslint.formats.text_format import fixed_summary, plural, summary
from newslint.formats.text_format import statistics as statistics_table
from newslint.progress import bar, wanted
from newslint.sources import gather, walk


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
    group: bool = False
    color: bool = False
    fix: bool = False
    diff: bool = False
    stdin_filename: str | None = None
    against: tuple[str, ...] | None = None
    jobs: int | None = None  # None: every core for more than a few drafts


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


def same_file(a: Source, b: Source) -> bool:
    if a.from_stdin or b.from_stdin:
        return False
    try:
        return os.path.samefile(a.path, b.path)
    except OSError:
        return False


def without_drafts(against: list[Source], drafts: list[Source]) -> list[Source]:
    """The sources less any draft among them (a draft compared with itself always agrees)."""
    kept = []
    for source in against:
        if any(same_file(source, draft) for draft in drafts):
            say(f"{source.path}: also a draft; left out of the sources (a draft always agrees with itself)")
        else:
            kept.append(source)
    return kept


def input_count(paths) -> int:
    """How many files `paths` name (a directory counts its prose files), for a run that stops early."""
    count = 0
    for given in paths:
        path = Path(given)
        count += max(len(walk(path)), 1) if given != "-" and path.is_dir() else 1
    return count


def stop_early(err: NewslintError, paths, options: RunOptions) -> int:
    """A configuration or model that fails stops the run: say so, and how many files that leaves unchecked."""
    say(err)
    if options.output_format == "text" and not options.quiet and not options.diff:
        click.echo(summary([], unchecked=input_count(paths)))
    return 2


def run(paths, options: RunOptions, compare: bool = False) -> int:
    """Lint (or compare) `paths`, print the report and return the exit code."""
    try:
        resolver = ConfigResolver(options.config_path)
    except NewslintError as err:
        return stop_early(err, paths, options)
    sources, errors = gather_sources(paths, options, resolver)
    unread = len(errors)
    against = None
    if options.against is not None:
        against, against_errors = gather_sources(options.against, options, resolver)
        against = without_drafts(against, sources)
        errors += against_errors
    levels = {s.path: s.config.fail_level.rank for s in sources}
    shown = wanted(options.quiet)
    stream = Stream(levels, streamed_writer(options, sources) if not (compare or shown) else None)
    try:
        if compare:
            results, lint_errors = Linter().compare(sources)
        else:
            with bar(len(sources), "file", shown) as advance:
                results, lint_errors = parallel.lint(
                    sources,
                    fix=options.fix or options.diff,
                    against=against,
                    jobs=options.jobs,
                    advance=advance,
                    each=stream.add if stream.writer else None,
                )
    except NewslintError as err:  # the model cannot load: nothing can be linted
        return stop_early(err, paths, options)
    errors += lint_errors
    unchecked = unread + len(sources) - len(results) - stream.count  # drafts not read, or not decoded
    stdin_paths = {s.path for s in sources if s.from_stdin}
    if options.fix:
        errors += write_fixes(results, stdin_paths)
    for message in dict.fromkeys(str(e) for e in errors):  # a broken configuration is named once
        say(message)
    failing = stream.failing or any(fails(r, levels) for r in results)
    other_errors = max(len(errors) - unchecked, 0)
    if stream.writer:
        stream.writer.close(unchecked=unchecked, other_errors=other_errors)
        return exit_code(failing, errors, [], options)

    changed = []
    if options.diff:
        changed = [r for r in results if r.fixed_text != r.document.text]
        click.echo("".join(unified_diff(r.document.path, r.document.text, r.fixed_text) for r in changed), nl=False)
        return exit_code(failing, errors, changed, options)
    to_stderr = options.fix and bool(stdin_paths)
    if options.fix and not options.quiet:
        text_report = options.output_format == "text" and not options.statistics
        click.echo(fixed_summary(results), err=to_stderr or not text_report, color=options.color)
    if options.statistics:
        report = statistics_table(results)
        if unchecked and not options.quiet:
            report += f"{plural(unchecked, 'file')} could not be checked.\n"
    else:
        report = render(
            options.output_format,
            results,
            quiet=options.quiet,
            group=options.group,
            color=options.color,
            unchecked=unchecked,
            other_errors=other_errors,
        )
    click.echo(report, nl=False, err=to_stderr, color=options.color)
    return exit_code(failing, errors, changed, options)


@dataclass
class Stream:
    """A report written as the results come, with what the exit code needs of them."""

    levels: dict[str, int]
    writer: Any | None
    count: int = 0
    failing: bool = False

    def add(self, result: FileResult) -> None:
        self.count += 1
        self.failing = self.failing or fails(result, self.levels)
        self.writer.add(result)


def streamed_writer(options: RunOptions, sources: list[Source]) -> Any | None:
    """The format's writer when the report may be written as results come: a plain report (no
    fixes, diff or statistics) of drafts already in the report's order (paths ascending)."""
    paths = [s.path for s in sources]
    if options.fix or options.diff or options.statistics or any(a >= b for a, b in zip(paths, paths[1:])):
        return None
    return writer(
        options.output_format,
        lambda text: click.echo(text, nl=False, color=options.color),
        quiet=options.quiet,
        group=options.group,
        color=options.color,
    )


def fails(result: FileResult, levels: dict[str, int]) -> bool:
    """Whether a finding of `result` reaches its file's fail level."""
    return any(d.severity.rank >= levels[result.document.path] for d in result.diagnostics)


def exit_code(failing: bool, errors: list, changed: list, options: RunOptions) -> int:
    if errors:
        return 2
    if options.exit_zero:
        return 0
    if options.diff:
        return 1 if changed else 0
    return 1 if failing else 0


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff; lines end only at CR, LF or CRLF, as newslint counts them."""
    return "".join(difflib.unified_diff(split_lines(before), split_lines(after), f"a/{path}", f"b/{path}"))


def write_fixes(results: list[FileResult], stdin_paths: set[str]) -> list[NewslintError]:
    """Write fixed files (see `fixes.write_fixed`); fixed stdin goes to stdout, with its
    byte-order mark. Returns the files that were not written, and why; their fixes are
    forgotten, so that only what was written is reported as fixed."""
    errors = []
    for r in results:
        if r.document.path in stdin_paths:
            sys.stdout.buffer.write(encoded(r.fixed_text, r.document.bom))
            sys.stdout.flush()
        elif r.fixed_text != r.document.text:
            original = encoded(r.document.text, r.document.bom)
            try:
                write_fixed(Path(r.document.path), original, encoded(r.fixed_text, r.document.bom))
                continue
            except FixRefused as refusal:
                errors.append(NewslintError(r.document.path, str(refusal)))
            except OSError as err:
                errors.append(NewslintError(r.document.path, f"cannot write the fixed file: {err.strerror or err}"))
            r.diagnostics, r.fixed = sorted(r.diagnostics + r.fixed, key=sort_key), []
    return errors
