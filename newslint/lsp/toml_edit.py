"""Edits of the workspace configuration that the code actions make, keeping its comments and
layout (tomlkit): a code added to `ignore`, a spelling added to a section's `spellings`, a
name added to a section's `known` list."""

from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.items import Table


def _settings(document: tomlkit.TOMLDocument, pyproject: bool) -> tomlkit.TOMLDocument | Table:
    """Where newslint's keys live: the top of a newslint.toml, `[tool.newslint]` in a pyproject.toml."""
    if not pyproject:
        return document
    tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
    return tool.setdefault("newslint", tomlkit.table())


def _listed(table: tomlkit.TOMLDocument | Table, key: str, entry: str) -> None:
    """`entry` added to the list `table[key]` (made if missing), once."""
    entries = table.get(key)
    if entries is None:
        entries = table[key] = tomlkit.array()
    if entry not in entries:
        entries.append(entry)


def _section(document: tomlkit.TOMLDocument, section: str, pyproject: bool) -> Table:
    table = _settings(document, pyproject)
    options = table.get(section)
    if options is None:
        options = table[section] = tomlkit.table()
    return options


def with_ignored(text: str, code: str, pyproject: bool) -> str:
    """The configuration `text` with `code` in its `ignore` list."""
    document = tomlkit.parse(text)
    _listed(_settings(document, pyproject), "ignore", code)
    return tomlkit.dumps(document)


def with_known(text: str, section: str, name: str, pyproject: bool) -> str:
    """The configuration `text` with `name` in `[section] known`."""
    document = tomlkit.parse(text)
    _listed(_section(document, section, pyproject), "known", name)
    return tomlkit.dumps(document)


def with_spelling(text: str, section: str, old: str, use: str, pyproject: bool) -> str:
    """The configuration `text` with `old = use` in `[section] spellings` (and no entry that
    would replace `use` with something else)."""
    document = tomlkit.parse(text)
    options = _section(document, section, pyproject)
    spellings = options.get("spellings")
    if spellings is None:
        spellings = options["spellings"] = tomlkit.inline_table()
    spellings.pop(use, None)
    spellings[old] = use
    return tomlkit.dumps(document)


def target_file(config_path: Path | None, folder: Path) -> Path:
    """The file to edit: the configuration in use, else a new `newslint.toml` in the workspace folder."""
    return config_path if config_path is not None and config_path.is_file() else folder / "newslint.toml"
