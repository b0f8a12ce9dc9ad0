"""Hover on a diagnostic: its message, the rule's explanation and the evidence (related locations)."""

from __future__ import annotations

from pathlib import Path

from newslint.diagnostics import Diagnostic
from newslint.engine import display_path
from newslint.registry import all_rules


def diagnostics_at(diagnostics: list[Diagnostic], offset: int) -> list[Diagnostic]:
    return [d for d in diagnostics if d.start <= offset <= d.end]


def hover_text(d: Diagnostic) -> str:
    """Markdown for one diagnostic: what is wrong, why the rule says so, and where the evidence is."""
    r = all_rules()[d.code]
    lines = [f"**{d.code}** `{r.name}` ({d.severity.value}): {d.message}", "", r.explanation.strip()]
    if d.related:
        lines += ["", "Evidence:"]
        for rel in d.related:
            where = rel.document.position(rel.start)
            path = (
                rel.document.path if ":" in rel.document.path.split("/")[0] else display_path(Path(rel.document.path))
            )
            lines.append(f"- {rel.message} ({path}:{where.line}:{where.column})")
    lines += ["", f"[{d.code} documentation]({r.url})"]
    return "\n".join(lines)
