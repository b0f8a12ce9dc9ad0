"""`--format text`: `path:line:column: CODE message`, related locations indented beneath."""

from __future__ import annotations

from collections import Counter
from typing import Any

from newslint.diagnostics import FileResult
from newslint.formats import sorted_diagnostics


def render(results: list[FileResult], quiet: bool = False, **_: Any) -> str:
    lines = []
    for document, d in sorted_diagnostics(results):
        p = document.position(d.start)
        lines.append(f"{document.path}:{p.line}:{p.column}: {d.code} {d.message}")
        for rel in d.related:
            q = rel.document.position(rel.start)
            lines.append(f"    {rel.document.path}:{q.line}:{q.column}: {rel.message}")
    if not quiet:
        lines.append(summary(results))
    return "\n".join(lines) + "\n" if lines else ""


def summary(results: list[FileResult]) -> str:
    diagnostics = [d for r in results for d in r.diagnostics]
    files = len(results)
    if not diagnostics:
        return f"All clear: no problems in {files} file{'s' if files != 1 else ''}."
    by_severity = Counter(d.severity.value for d in diagnostics)
    parts = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
    fixable = sum(1 for d in diagnostics if d.fix)
    tail = f"; {fixable} fixable with --fix" if fixable else ""
    n = len(diagnostics)
    return f"Found {n} problem{'s' if n != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}{tail}."


def statistics(results: list[FileResult]) -> str:
    """One line per code: count, code, rule name; most frequent first."""
    from newslint.registry import all_rules

    counts = Counter(d.code for r in results for d in r.diagnostics)
    rules = all_rules()
    return "".join(f"{n:6d}  {code}  {rules[code].name}\n" for code, n in counts.most_common())
