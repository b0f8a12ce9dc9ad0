"""The `newslint` command line (click). Heavy modules load inside commands, never at import."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newslint import __version__
from newslint.errors import NewslintError
from newslint.formats import FORMATS

if TYPE_CHECKING:
    from newslint.run import RunOptions

FORMAT_CHOICE = click.Choice(FORMATS)
LEVEL_CHOICE = click.Choice(["error", "warning", "info"])


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def checked_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select`/`--ignore` values: unknown codes are a usage error, with a suggestion."""
    from newslint.registry import selector_problem

    for code in split_codes(values):
        problem = selector_problem(code)
        if problem:
            raise click.BadParameter(problem)
    return values


def report_error(err: NewslintError | str) -> None:
    click.echo(f"newslint: {err}", err=True)


def use_color(choice: str) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org); `always` or `never` decide."""
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


class AgainstCommand(click.Command):
    """`--against` takes every path after it up to the next option (`--against a b`), and can
    be repeated (`--against a --against b`); the drafts come before it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rewritten, state = [], "none"
        for i, arg in enumerate(args):
            if arg == "--":
                rewritten += args[i:]
                break
            if state == "more" and not arg.startswith("-"):
                rewritten += ["--against", arg]
                continue
            rewritten.append(arg)
            if arg == "--against":
                state = "value"
            else:
                state = "more" if state == "value" or arg.startswith("--against=") else "none"
        return super().parse_args(ctx, rewritten)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: a linter for news copy.

    Catches unit slips, place and name variants, contradictory figures, unattributed claims
    and drift from the sources, and reports them like a programmer's linter.
    """


def output_options(command):
    """The options every linting command shares."""
    options = [
        click.option(
            "--format", "output_format", type=FORMAT_CHOICE, default="text", show_default=True, help="Output format."
        ),
        click.option(
            "--select",
            multiple=True,
            callback=checked_codes,
            help="Rule codes or prefixes to run (comma-separated; replaces the configured set).",
        ),
        click.option(
            "--ignore",
            multiple=True,
            callback=checked_codes,
            help="Rule codes or prefixes to skip (comma-separated; adds to the configured set).",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path),
            help="Configuration file to use instead of discovery.",
        ),
        click.option(
            "--fail-level", type=LEVEL_CHOICE, help="Lowest severity that makes the exit code 1 [default: warning]."
        ),
        click.option(
            "--exit-zero", is_flag=True, help="Exit 0 even when problems are found (input errors still exit 2)."
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print diagnostics only, no summary line."),
        click.option("--statistics", is_flag=True, help="Print a count of findings per rule instead of each finding."),
        click.option("--group", is_flag=True, help="Text format: group the findings by file, with a header per file."),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour the text output (auto: on a terminal, unless NO_COLOR is set).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def run_options(kwargs: dict) -> RunOptions:
    from newslint.run import RunOptions

    kwargs["select"], kwargs["ignore"] = split_codes(kwargs["select"]), split_codes(kwargs["ignore"])
    kwargs["color"] = use_color(kwargs["color"])
    return RunOptions(**kwargs)


@main.command(cls=AgainstCommand)
@click.argument("paths", nargs=-1, required=True)
@output_options
@click.option(
    "--against",
    multiple=True,
    metavar="SOURCES...",
    help="Source files or directories to compare the drafts with: every path after the flag, up to the next option"
    " (or repeat the flag). A draft among them is left out.",
)
@click.option("--fix", is_flag=True, help="Apply the fixes of fixable rules, rewriting files atomically.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--stdin-filename", help="The file name to report (and to find configuration from) when reading '-'.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes, each loading the model once [default: every core for more than a few files; 1 for"
    " fewer]. The output is the same for any number.",
)
def check(paths, against, **kwargs):
    """Lint PATHS (files, directories, or - for stdin).

    With --against, also report every figure, unit, spelling, date and quote in the drafts that
    differs from the sources: newslint check DRAFT --against SOURCE1 SOURCE2.
    """
    from newslint.run import run

    sys.exit(run(paths, run_options({**kwargs, "against": against or None})))


@main.command()
@click.argument("files", nargs=-1, required=True)
@output_options
def compare(files, **kwargs):
    """Compare versions of one story (FILES or directories) with each other.

    Each disagreement is reported once, at the minority version, with related locations in
    the others.
    """
    from newslint.run import run

    if len(files) < 2 and not any(Path(f).is_dir() for f in files):
        report_error("compare needs at least two versions")
        sys.exit(2)
    sys.exit(run(files, run_options(kwargs), compare=True))


@main.command()
@click.argument("archives", nargs=-1, required=True)
@click.option(
    "--out", required=True, type=click.Path(path_type=Path), help="Folder of the results: a Parquet file per chunk."
)
@click.option(
    "--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786); default: a local cluster."
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Worker processes of the local cluster [default: every core]."
)
@click.option("--chunk-size", type=click.IntRange(min=1), default=50, show_default=True, help="Stories per task.")
@click.option("--jsonl", type=click.Path(path_type=Path), help="Also write every finding to this JSON Lines file.")
@click.option(
    "--sarif", type=click.Path(path_type=Path), help="Also write every finding to this SARIF file (as --format sarif)."
)
@click.option(
    "--select", multiple=True, callback=checked_codes, help="Rule codes or prefixes to run (comma-separated)."
)
@click.option(
    "--ignore", multiple=True, callback=checked_codes, help="Rule codes or prefixes to skip (comma-separated)."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Configuration file instead of discovery."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def batch(archives, select, ignore, **kwargs):
    """Lint an archive on Dask: ARCHIVES are folders, glob patterns, or JSON Lines or Parquet files
    of stories (a `text` field, optional `id`, `date` and metadata).

    Writes one Parquet file per chunk of stories into --out and prints a summary. A rerun skips
    the chunks already written.
    """
    try:
        from newslint.batch.command import batch as run_batch
    except ImportError as err:
        report_error(f"batch needs Dask and pyarrow ({err.name} is missing): pip install 'newslint[batch]'")
        sys.exit(2)
    sys.exit(run_batch(archives, select=split_codes(select), ignore=split_codes(ignore), **kwargs))


@main.command()
@click.option(
    "--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True
)
def rules(output_format):
    """List every rule: code, name, family, severity, fixable, on by default."""
    from newslint.rule_table import render_rules

    click.echo(render_rules(output_format), nl=False)


@main.command()
@click.argument("code")
def explain(code):
    """Explain one rule, with a bad and a good example."""
    from newslint.rule_table import explain_rule

    try:
        click.echo(explain_rule(code.upper()), nl=False)
    except KeyError:
        report_error(f"{code}: no such rule (see `newslint rules`)")
        sys.exit(2)


def prose_files(paths: tuple[Path, ...]) -> tuple[list[Path], bool]:
    """The files PATHS name, directories walked for prose files; and whether a path failed."""
    from newslint.sources import walk

    files, failed = [], False
    for path in paths:
        if not path.is_dir():
            files.append(path)
        elif found := walk(path):
            files += found
        else:
            report_error(f"{path}: directory holds no prose files")
            failed = True
    return files, failed


def each_file(paths: tuple[Path, ...], action) -> tuple[list, bool]:
    """`action(file)` for every file of PATHS; a file that fails gets one line on stderr."""
    files, failed = prose_files(paths)
    done = []
    for file in files:
        try:
            done.append(action(file))
        except NewslintError as err:
            report_error(err)
            failed = True
    return done, failed


def one_or_many(items: list, paths: tuple[Path, ...]) -> object:
    """The item itself for one file named alone; otherwise the list."""
    return items[0] if len(paths) == 1 and not paths[0].is_dir() and len(items) == 1 else items


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def inspect(paths):
    """Print the analysis of PATHS (files or directories) as JSON: paragraphs, sentences,
    entities, quotes and facts. One file gives an object; several, or a directory, an array."""
    from newslint.inspection import inspect_file

    analyses, failed = each_file(paths, inspect_file)
    if analyses:
        click.echo(json.dumps(one_or_many(analyses, paths), indent=2, ensure_ascii=False))
    sys.exit(2 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(paths, output_format):
    """Readability of PATHS (files or directories): the whole text and each paragraph."""
    from newslint.inspection import readability_stats, stats_table

    tables, failed = each_file(paths, readability_stats)
    if output_format == "json" and tables:
        click.echo(json.dumps(one_or_many(tables, paths), indent=2))
    elif tables:
        click.echo("\n".join(stats_table(t) for t in tables), nl=False)
    sys.exit(2 if failed else 0)


@main.command()
@click.option("--path", "target", type=click.Path(path_type=Path), default=Path("newslint.toml"), show_default=True)
def init(target):
    """Write a commented starter configuration file."""
    from newslint.config import starter_file

    try:
        with target.open("x", encoding="utf-8") as stream:
            stream.write(starter_file())
    except FileExistsError:
        report_error(f"{target}: already exists; not overwriting it")
        sys.exit(2)
    except OSError as err:
        report_error(f"{target}: cannot write: {write_problem(target, err)}")
        sys.exit(2)
    click.echo(f"Wrote {target}")


def tcp_address(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, int] | None:
    """`HOST:PORT` (or `:PORT` for localhost) as a (host, port) pair."""
    if value is None:
        return None
    host, _, port = value.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"expected HOST:PORT, not {value!r}")
    return host or "127.0.0.1", int(port)


@main.command()
@click.option(
    "--tcp", metavar="HOST:PORT", callback=tcp_address, help="Listen on TCP instead of stdio (for debugging)."
)
def server(tcp):
    """Run the language server for editors (over stdio)."""
    from newslint.lsp.server import serve

    serve(tcp)


def write_problem(target: Path, err: OSError) -> str:
    """Why `target` cannot be written, naming its folder when that is the problem."""
    from newslint.errors import os_problem

    if target.parent.is_dir():
        return os_problem(err)
    if target.parent.exists():
        return f"{target.parent} is not a folder"
    return f"folder {target.parent} does not exist"
