"""The rule table (`newslint rules`, README), rule explanations (`newslint explain`) and the
rule pages (`docs/rules/*.md`, SARIF `help`)."""

from __future__ import annotations

import json

from newslint.config import toml_value
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
                "url": r.url,
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


def option_lines(r: Rule) -> list[str]:
    return [f"{key} = {toml_value(value)}" for key, value in r.options.items()]


def explain_rule(code: str) -> str:
    """`newslint explain CODE`: the rule in plain text (also the SARIF `help.text`)."""
    r = all_rules()[code]
    options = "".join(f"  {line}\n" for line in option_lines(r)) or "  (none)\n"
    return (
        f"{r.code} {r.name} ({r.category}, {r.severity.value}"
        f"{', fixable' if r.fixable else ''}{'' if r.enabled else ', off by default'})\n\n"
        f"{r.summary}.\n\n{r.explanation}\n\n"
        f"Options, in the [{r.options_section}] section of the configuration:\n{options}\n"
        + (f"Source (the examples are checked against it):\n  {r.source}\n\n" if r.source else "")
        + f"Bad:\n  {r.bad}\n\nGood:\n  {r.good}\n\nDocumentation: {r.url}\n"
    )


def fenced(text: str, info: str = "text") -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{info}\n{text}\n{fence}"


def rule_help_markdown(r: Rule) -> str:
    """What the rule catches, its options and its examples, in Markdown (SARIF `help.markdown`)."""
    parts = ["## What it catches", r.explanation, "## Options"]
    if r.options:
        parts += [
            f"In the `[{r.options_section}]` section of the configuration, with their defaults:",
            fenced("\n".join([f"[{r.options_section}]", *option_lines(r)]), "toml"),
        ]
    else:
        parts.append("None.")
    parts.append("## Examples")
    if r.source:
        parts += ["Source (the examples are checked against it):", fenced(r.source)]
    parts += ["Flagged:", fenced(r.bad), "Not flagged:", fenced(r.good)]
    return "\n\n".join(parts) + "\n"


def rule_page(r: Rule) -> str:
    """The rule's page in `docs/rules/`, generated from the registry."""
    facts = [
        ("code", r.code),
        ("name", r.name),
        ("family", r.category),
        ("default severity", r.severity.value),
        ("fixable", "yes (`--fix`)" if r.fixable else "no"),
        ("on by default", "yes" if r.enabled else "no: select it by its full code"),
        ("cross-source", "yes: runs with `--against` or `compare`" if r.cross else "no"),
    ]
    table = "| | |\n|---|---|\n" + "".join(f"| {key} | {value} |\n" for key, value in facts)
    return (
        f"# {r.code} {r.name}\n\n"
        "<!-- Generated from the rule registry by tools/update_rule_docs.py; do not edit. -->\n\n"
        f"{r.summary}.\n\n{table}\n{rule_help_markdown(r)}\n"
        f"`newslint explain {r.code}` prints the same in the terminal.\n"
    )


def rules_index() -> str:
    """`docs/rules/README.md`: every rule, linked to its page."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from the rule registry by tools/update_rule_docs.py; do not edit. -->",
        "",
        "| code | name | family | severity | summary |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}]({r.code}.md) | {r.name} | {r.category} | {r.severity.value} | {r.summary} |"
        for r in all_rules().values()
    ]
    return "\n".join(lines) + "\n"


def rule_docs() -> dict[str, str]:
    """Every file of `docs/rules/` by name."""
    pages = {f"{r.code}.md": rule_page(r) for r in all_rules().values()}
    return {"README.md": rules_index(), **pages}
