""" "Disable NLxxx in this workspace": add the code to `ignore` in the configuration file,
keeping its comments and layout (tomlkit)."""

from __future__ import annotations

from pathlib import Path

import tomlkit


def with_ignored(text: str, code: str, pyproject: bool) -> str:
    """The configuration `text` with `code` in its `ignore` list (`[tool.newslint]` in a pyproject.toml)."""
    document = tomlkit.parse(text)
    table = document
    if pyproject:
        tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("newslint", tomlkit.table())
    ignore = table.get("ignore")
    if ignore is None:
        ignore = table["ignore"] = tomlkit.array()
    if code not in ignore:
        ignore.append(code)
    return tomlkit.dumps(document)


def target_file(config_path: Path | None, folder: Path) -> Path:
    """The file to edit: the configuration in use, else a new `newslint.toml` in the workspace folder."""
    return config_path if config_path is not None and config_path.is_file() else folder / "newslint.toml"
