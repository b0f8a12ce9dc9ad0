"""The rule table (`newslint rules`, README) and rule explanations (`newslint explain`)."""

from __future__ import annotations

import json

from newslint.registry import Rule, all_rules

COLUMNS = ("code", "name", "family", "severity", "fixable", "default")


def rule_row(r: Rule) -> tuple[str, ...]:
    return (r.code, r.name, r.category, r.severity.value, "yes" if r.fixable else "", "on" if r.enabled else "off")


def render_rules(output_format: str = "table") -> str:
    rules = list(all_rules().values())
    if output_format == "json":
        items = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": r.severity.value,
                "fixable": r.fixable,
                "enabled": r.enabled,
                "summary": r.summary,
                "options": dict(r.options),
            }
            for r in rules
        ]
        return json.dumps(items, indent=2) + "\n"
    if output_format == "markdown":
        lines = ["| code | name | family | severity | fixable | default | summary |", "|---|---|---|---|---|---|---|"]
        lines += ["| " + " | ".join((*rule_row(r), r.summary)) + " |" for r in rules]
        return "\n".join(lines) + "\n"
    rows = [COLUMNS] + [rule_row(r) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n" for row in rows)


def explain_rule(code: str) -> str:
    r = all_rules()[code]
    options = "".join(f"  {key} = {value!r}\n" for key, value in r.options.items()) or "  (none)\n"
    return (
        f"{r.code} {r.name} ({r.category}, {r.severity.value}"
        f"{', fixable' if r.fixable else ''}{'' if r.enabled else ', off by default'})\n\n"
        f"{r.summary}.\n\n{r.explanation}\n\n"
        f"Options, in the [{r.category}] section of the configuration:\n{options}\n"
        + (f"Source (the examples are checked against it):\n  {r.source}\n\n" if r.source else "")
        + f"Bad:\n  {r.bad}\n\nGood:\n  {r.good}\n"
    )
