"""The files the server asks the client to watch (`workspace/didChangeWatchedFiles`): every
configuration file, and the files of the `sources` setting."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

from newslint.lsp.configs import CONFIG_NAMES

WILDCARD = re.compile(r"[*?\[{]")


def config_watchers() -> list[types.FileSystemWatcher]:
    return [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]


def source_globs(patterns: Iterable[str], roots: Iterable[Path]) -> list[tuple[Path, str]]:
    """(folder, glob inside it) for each entry of the `sources` setting under each root: a
    folder's every file, a file itself, a glob from its last folder without wildcards."""
    found: dict[tuple[Path, str], None] = {}
    roots = list(roots)
    for pattern in patterns:
        for base in [Path(pattern)] if Path(pattern).is_absolute() else [root / pattern for root in roots]:
            parts = base.parts
            fixed = next((i for i, part in enumerate(parts) if WILDCARD.search(part)), len(parts))
            if fixed < len(parts):
                found[(Path(*parts[:fixed]), "/".join(parts[fixed:]))] = None
            elif base.is_dir():
                found[(base, "**/*")] = None
            else:
                found[(base.parent, base.name)] = None
    return list(found)


def source_watchers(patterns: Iterable[str], roots: Iterable[Path], relative: bool) -> list[types.FileSystemWatcher]:
    """Watchers for the sources: relative patterns when the client takes them, else absolute globs."""
    return [
        types.FileSystemWatcher(
            glob_pattern=types.RelativePattern(base_uri=folder.as_uri(), pattern=glob)
            if relative
            else f"{folder.as_posix()}/{glob}"
        )
        for folder, glob in source_globs(patterns, roots)
    ]
