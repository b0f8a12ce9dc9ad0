"""Code actions, built from the diagnostics' `data` (and the last result's fixes): never a re-lint.

Every action is a server command; the server applies it with `workspace/applyEdit`, so it
works in any client without client-side code.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from newslint.lsp.linting import CONVERTER, LintResult

APPLY = "newslint.applyEdits"
DISABLE = "newslint.disableInWorkspace"
ACCEPT = "newslint.acceptSpelling"
KNOW = "newslint.acceptKnownName"


def ignore_comment(code: str) -> str:
    return f"<!-- newslint: ignore {code} -->\n"


def _action(title: str, command: str, arguments: list[Any], diagnostics: list[types.Diagnostic], preferred=False):
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics or None,
        is_preferred=preferred or None,
        command=types.Command(title=title, command=command, arguments=arguments),
    )


def ours(diagnostics: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.source == "newslint" and isinstance(d.data, dict) and "code" in d.data]


def overlapping(last: LintResult, span: types.Range) -> list[dict[str, Any]]:
    """The last result's diagnostics that touch `span` (for a client that sends no context)."""
    start, end = (span.start.line, span.start.character), (span.end.line, span.end.character)
    return [
        d
        for d in last.diagnostics
        if (d["range"]["start"]["line"], d["range"]["start"]["character"]) <= end
        and start <= (d["range"]["end"]["line"], d["range"]["end"]["character"])
    ]


def code_actions(
    uri: str, span: types.Range, diagnostics: list[types.Diagnostic], last: LintResult | None
) -> list[types.CodeAction]:
    """The actions for the diagnostics the client asks about (ours only); when it sends none of
    ours (some clients drop `data`), those of the last result that touch `span`."""
    actions, accepts, ignores, disables = [], {}, {}, {}
    chosen = ours(diagnostics)
    if not chosen and last is not None:
        chosen = CONVERTER.structure(overlapping(last, span), list[types.Diagnostic])
    for d in chosen:
        code, fix = d.data["code"], d.data.get("fix")
        if fix:
            actions.append(_action(f"{code}: {fix['message']}", APPLY, [uri, fix["edits"]], [d], preferred=True))
        for title, arguments in spelling_choices(d.data.get("spelling"), bool(fix)):
            accepts.setdefault(title, _action(title, ACCEPT, [uri, *arguments], [d]))
        for title, arguments in known_choices(d.data.get("unknown")):
            accepts.setdefault(title, _action(title, KNOW, [uri, *arguments], [d]))
        line = d.data.get("ignoreLine")
        if isinstance(line, int) and (code, line) not in ignores:
            edit = {"range": _point(line), "newText": ignore_comment(code)}
            ignores[(code, line)] = _action(f"Ignore {code} in this paragraph", APPLY, [uri, [edit]], [d])
        disables.setdefault(code, _action(f"Disable {code} in this workspace", DISABLE, [uri, code], [d]))
    if last is not None and last.uri == uri and len(last.fix_all) > 1 and any(d.data.get("fix") for d in chosen):
        actions.append(_action("Fix all newslint problems in this document", APPLY, [uri, last.fix_all], []))
    return actions + list(accepts.values()) + list(ignores.values()) + list(disables.values())


def spelling_choices(spelling: Any, fixed: bool) -> list[tuple[str, list[str]]]:
    """ "Accept" actions for a name finding: the spelling written, and (when the finding has no
    fix that writes it already) the other one, each as (title, [section, old, use])."""
    if not isinstance(spelling, dict) or not all(
        isinstance(spelling.get(k), str) for k in ("section", "written", "other")
    ):
        return []
    section, written, other = spelling["section"], spelling["written"], spelling["other"]
    choices = [(f"Accept '{written}' as the house spelling (not '{other}')", [section, other, written])]
    if not fixed:
        choices.append((f"Accept '{other}' as the house spelling (not '{written}')", [section, written, other]))
    return choices


def known_choices(unknown: Any) -> list[tuple[str, list[str]]]:
    """The "accept" action for a name the rule does not know, as (title, [section, name])."""
    if not isinstance(unknown, dict) or not all(isinstance(unknown.get(k), str) for k in ("section", "name")):
        return []
    name, section = unknown["name"], unknown["section"]
    return [(f"Accept '{name}' as known (add it to [{section}] known)", [section, name])]


def _point(line: int) -> dict[str, dict[str, int]]:
    return {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}


def workspace_edit(uri: str, edits: list[dict[str, Any]]) -> dict[str, Any]:
    return {"changes": {uri: edits}}
