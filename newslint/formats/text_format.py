"""`--format text`: `path:line:column: CODE severity: message`, related locations indented
beneath, then a summary; `--group` prints a header per file instead of the path on each line.
Colour (click's styling) only when the caller asks for it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import click

from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.formats import sorted_diagnostics
from newslint.registry import CATEGORIES

SEVERITY_STYLE = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow"}, "info": {"fg": "cyan"}}
SEVERITIES = ("error", "warning", "info")


class Paint:
    """click.style when colour is on; the text unchanged when it is off."""

    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, **style: Any) -> str:
        return click.style(text, **style) if self.color else text


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(
    results: list[FileResult],
    quiet: bool = False,
    group: bool = False,
    color: bool = False,
    unchecked: int = 0,
    other_errors: int = 0,
    **_: Any,
) -> str:
    paint = Paint(color)
    lines = []
    pairs = sorted_diagnostics(results)
    if group:
        for path, items in groupby(pairs, key=lambda p: p[0].path):
            lines += group_lines(path, items, paint)
    else:
        lines += [line for document, d in pairs for line in diagnostic_lines(document, d, paint)]
    if not quiet:
        lines.append(paint(summary(results, unchecked, other_errors), bold=True))
    return "\n".join(lines) + "\n" if lines else ""


def group_lines(path: str, pairs: Iterable[tuple[Document, Diagnostic]], paint: Paint) -> list[str]:
    """A file's header, its findings and a blank line (`--group`)."""
    lines = [paint(path, bold=True, underline=True)]
    lines += [line for document, d in pairs for line in grouped_lines(document, d, paint)]
    return [*lines, ""]


class Writer:
    """`render` a result at a time, for results in path order: each result's lines as it comes,
    the summary at the end from counts."""

    def __init__(
        self, write: Callable[[str], object], quiet: bool = False, group: bool = False, color: bool = False, **_: Any
    ):
        self.write, self.quiet, self.group, self.paint = write, quiet, group, Paint(color)
        self.tally = Tally()

    def add(self, result: FileResult) -> None:
        self.tally.add(result)
        pairs = sorted_diagnostics([result])
        if not pairs:
            return
        if self.group:
            lines = group_lines(result.document.path, pairs, self.paint)
        else:
            lines = [line for document, d in pairs for line in diagnostic_lines(document, d, self.paint)]
        self.write("\n".join(lines) + "\n")

    def close(self, unchecked: int = 0, other_errors: int = 0) -> None:
        if not self.quiet:
            self.write(self.paint(summary_of(self.tally, unchecked, other_errors), bold=True) + "\n")


def severity_word(d: Diagnostic, paint: Paint) -> str:
    return paint(d.severity.value, **SEVERITY_STYLE[d.severity.value])


def related_lines(d: Diagnostic, paint: Paint, indent: str) -> list[str]:
    lines = []
    for rel in d.related:
        q = rel.document.position(rel.start)
        lines.append(paint(f"{indent}{rel.document.path}:{q.line}:{q.column}: {rel.message}", dim=True))
    return lines


def diagnostic_lines(document: Document, d: Diagnostic, paint: Paint) -> list[str]:
    p = document.position(d.start)
    where = paint(f"{document.path}:{p.line}:{p.column}:", bold=True)
    head = f"{where} {paint(d.code, bold=True)} {severity_word(d, paint)}: {d.message}"
    return [head, *related_lines(d, paint, "    ")]


def grouped_lines(document: Document, d: Diagnostic, paint: Paint) -> list[str]:
    p = document.position(d.start)
    pad = " " * (7 - len(d.severity.value))
    head = f"  {p.line:>4}:{p.column:<4} {severity_word(d, paint)}{pad} {paint(d.code, bold=True)}  {d.message}"
    return [head, *related_lines(d, paint, "             ")]


@dataclass
class Tally:
    """What a summary counts of the results: files, and findings by severity and by family."""

    files: int = 0
    severities: Counter = field(default_factory=Counter)
    families: Counter = field(default_factory=Counter)
    fixable: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.severities.update(d.severity.value for d in result.diagnostics)
        self.families.update(CATEGORIES[d.code[2]] for d in result.diagnostics)
        self.fixable += sum(1 for d in result.diagnostics if d.fix)


def summary(results: list[FileResult], unchecked: int = 0, other_errors: int = 0) -> str:
    """What was found: counts by severity and by family, what --fix can do, what was not
    checked and how many other errors (an unreadable source, a file not fixed) were reported."""
    tally = Tally()
    for result in results:
        tally.add(result)
    return summary_of(tally, unchecked, other_errors)


def summary_of(tally: Tally, unchecked: int = 0, other_errors: int = 0) -> str:
    """`summary` from the counts."""
    files, n = tally.files, sum(tally.severities.values())
    tail = f"; {plural(unchecked, 'file')} could not be checked" if unchecked else ""
    if other_errors:
        tail += f"; {plural(other_errors, 'other error')} reported above"
    if not n:
        if not unchecked and not other_errors:
            return f"All clear: no problems in {plural(files, 'file')}."
        if not files and unchecked:
            return f"Nothing was checked: {plural(unchecked, 'file')} could not be checked."
        return f"No problems in {plural(files, 'file')} checked{tail}."
    by_severity, by_family = tally.severities, tally.families
    parts = ", ".join(f"{by_severity[s]} {s}" for s in SEVERITIES if by_severity[s])
    families = ", ".join(f"{by_family[f]} {f}" for f in CATEGORIES.values() if by_family[f])
    fix = f"; {tally.fixable} fixable with --fix" if tally.fixable else ""
    return f"Found {plural(n, 'problem')} ({parts}) in {plural(files, 'file')}, by family: {families}{fix}{tail}."


def fixed_summary(results: list[FileResult]) -> str:
    """`Fixed 3 problems in 2 files (NL202 x2, NL503).`, for the results whose fixes were written."""
    fixed = [d for r in results for d in r.fixed]
    if not fixed:
        return "Nothing to fix."
    files = sum(1 for r in results if r.fixed)
    counts = Counter(d.code for d in fixed)
    codes = ", ".join(code if n == 1 else f"{code} x{n}" for code, n in sorted(counts.items()))
    return f"Fixed {plural(len(fixed), 'problem')} in {plural(files, 'file')} ({codes})."


def statistics(results: list[FileResult]) -> str:
    """One line per code: count, code, rule name; most frequent first."""
    from newslint.registry import all_rules

    counts = Counter(d.code for r in results for d in r.diagnostics)
    rules = all_rules()
    return "".join(f"{n:6d}  {code}  {rules[code].name}\n" for code, n in counts.most_common())
