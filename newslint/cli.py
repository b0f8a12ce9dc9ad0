"""The `newslint` command line (click). Heavy modules load inside commands, never at import."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newslint import __version__
from newslint.errors import NewslintError

FORMAT_CHOICE = click.Choice(["text", "json", "sarif", "github", "lsp"])
LEVEL_CHOICE = click.Choice(["error", "warning", "info"])


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def report_error(err: NewslintError | str) -> None:
    click.echo(f"newslint: {err}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: a linter for news copy.

    Catches unit slips, place and name variants, contradictory figures, unattributed claims
    and drift from the sources, and reports them like a programmer's linter.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=FORMAT_CHOICE, default="text", show_default=True, help="Output format.")
@click.option(
    "--select", multiple=True, help="Rule codes or prefixes to run (comma-separated; replaces the configured set)."
)
@click.option(
    "--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated; adds to the configured set)."
)
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Configuration file to use instead of discovery."
)
@click.option("--fail-level", type=LEVEL_CHOICE, help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found (input errors still exit 2).")
@click.option("--fix", is_flag=True, help="Apply the fixes of fixable rules, rewriting files atomically.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--quiet", "-q", is_flag=True, help="Print diagnostics only, no summary line.")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule instead of each finding.")
@click.option("--stdin-filename", help="The file name to report (and to find configuration from) when reading '-'.")
def check(
    paths,
    output_format,
    select,
    ignore,
    config_path,
    fail_level,
    exit_zero,
    fix,
    diff,
    quiet,
    statistics,
    stdin_filename,
):
    """Lint PATHS (files, directories, or - for stdin)."""
    from newslint.run import run_check

    status = run_check(
        paths=paths,
        output_format=output_format,
        select=split_codes(select),
        ignore=split_codes(ignore),
        config_path=config_path,
        fail_level=fail_level,
        exit_zero=exit_zero,
        fix=fix,
        diff=diff,
        quiet=quiet,
        statistics=statistics,
        stdin_filename=stdin_filename,
    )
    sys.exit(status)


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


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def inspect(file):
    """Print the analysis of FILE as JSON: paragraphs, sentences, entities, quotes and facts."""
    from newslint.inspection import inspect_file

    try:
        click.echo(json.dumps(inspect_file(file), indent=2, ensure_ascii=False))
    except NewslintError as err:
        report_error(err)
        sys.exit(2)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(file, output_format):
    """Readability of FILE: the whole text and each paragraph."""
    from newslint.inspection import readability_stats, stats_table

    try:
        table = readability_stats(file)
    except NewslintError as err:
        report_error(err)
        sys.exit(2)
    click.echo(
        json.dumps(table, indent=2) if output_format == "json" else stats_table(table), nl=output_format == "json"
    )


@main.command()
@click.option("--path", "target", type=click.Path(path_type=Path), default=Path("newslint.toml"), show_default=True)
def init(target):
    """Write a commented starter configuration file."""
    from newslint.config import starter_file

    if target.exists():
        report_error(f"{target}: already exists; not overwriting it")
        sys.exit(2)
    target.write_text(starter_file(), encoding="utf-8")
    click.echo(f"Wrote {target}")
