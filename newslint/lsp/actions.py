"""Code actions, built from the diagnostics' `data` (and the last result's fixes): never a re-lint.

Every action is a server command; the server applies it with `workspace/applyEdit`, so it
works in any client without client-side code.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from newslint.lsp.linting import LintResult

APPLY = "newslint.applyEdits"
DISABLE = "newslint.disableInWorkspace"


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


def code_actions(uri: str, diagnostics: list[types.Diagnostic], last: LintResult | None) -> list[types.CodeAction]:
    """The actions for the diagnostics the client asks about (ours only)."""
    actions, ignores, disables = [], {}, {}
    ours = [d for d in diagnostics if d.source == "newslint" and isinstance(d.data, dict) and "code" in d.data]
    for d in ours:
        code, fix = d.data["code"], d.data.get("fix")
        if fix:
            actions.append(_action(f"{code}: {fix['message']}", APPLY, [uri, fix["edits"]], [d], preferred=True))
        line = d.data.get("ignoreLine")
        if isinstance(line, int) and (code, line) not in ignores:
            edit = {"range": _point(line), "newText": ignore_comment(code)}
            ignores[(code, line)] = _action(f"Ignore {code} in this paragraph", APPLY, [uri, [edit]], [d])
        disables.setdefault(code, _action(f"Disable {code} in this workspace", DISABLE, [uri, code], [d]))
    if last is not None and last.uri == uri and len(last.fix_all) > 1 and any(d.data.get("fix") for d in ours):
        actions.append(_action("Fix all newslint problems in this document", APPLY, [uri, last.fix_all], []))
    return actions + list(ignores.values()) + list(disables.values())


def _point(line: int) -> dict[str, dict[str, int]]:
    return {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}


def workspace_edit(uri: str, edits: list[dict[str, Any]]) -> dict[str, Any]:
    return {"changes": {uri: edits}}
