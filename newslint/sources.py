"""Gathering inputs: paths, directories walked for prose files, and stdin."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.config import ConfigResolver
from newslint.engine import Source, display_path
from newslint.errors import NewslintError
from newslint.readers import PROSE_SUFFIXES

SKIPPED_DIRS = {".git", ".hg", ".svn", ".tox", ".venv", "venv", "node_modules", "__pycache__"}
WALKED_SUFFIXES = {".md", ".markdown", ".txt"}


@dataclass
class Gathered:
    sources: list[Source] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if Path(f).suffix.lower() in WALKED_SUFFIXES)
    return found


def gather(paths: Iterable[str], resolver: ConfigResolver, stdin_filename: str | None = None) -> Gathered:
    """Sources for every path; unreadable paths and bad configurations become errors."""
    out = Gathered()
    for given in paths:
        try:
            if given == "-":
                name = stdin_filename or "-"
                out.sources.append(
                    Source(name, sys.stdin.buffer.read(), resolver.for_path(Path(name)), from_stdin=True)
                )
                continue
            path = Path(given)
            if path.is_dir():
                files = walk(path)
                if not files:
                    suffixes = ", ".join(sorted(WALKED_SUFFIXES))
                    raise NewslintError(given, f"directory holds no prose files ({suffixes})")
            elif path.exists():
                files = [path]
            else:
                raise NewslintError(given, "no such file or directory")
            for file in files:
                add_file(out, file, resolver)
        except NewslintError as err:
            out.errors.append(err)
    return out


def add_file(out: Gathered, file: Path, resolver: ConfigResolver) -> None:
    shown = display_path(file)
    try:
        data = file.read_bytes()
    except OSError as err:
        out.errors.append(NewslintError(shown, f"cannot read: {err.strerror or err}"))
        return
    try:
        config = resolver.for_path(file)
    except NewslintError as err:
        out.errors.append(err)
        return
    if not data.strip():
        out.notes.append(f"{shown}: empty file, nothing to lint")
    elif file.suffix.lower() not in PROSE_SUFFIXES:
        out.notes.append(f"{shown}: not a .md or .txt file; reading it as plain text")
    out.sources.append(Source(shown, data, config))
