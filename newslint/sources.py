"""Gathering inputs: paths, directories walked for prose files, and stdin.

Only regular files are read, and at most `max-file-bytes` of each (and of stdin). A file is read
here to be checked, and again when it is linted (`Source.file`): a run over many files holds
their paths, not their text.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.config import ConfigResolver
from newslint.engine import Source, display_path
from newslint.errors import InputError, NewslintError, os_problem
from newslint.files import read_file, stat_of, too_large
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


def read_stdin(name: str, limit: int) -> bytes:
    """At most `limit` bytes of standard input; InputError when it is closed, unreadable or larger."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    if stream is None:
        raise InputError(name, "standard input is closed")
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as err:
        problem = os_problem(err) if isinstance(err, OSError) else str(err)
        raise InputError(name, f"cannot read standard input: {problem}") from None
    if len(data) > limit:
        raise too_large(name, limit)
    return data


def gather(paths: Iterable[str], resolver: ConfigResolver, stdin_filename: str | None = None) -> Gathered:
    """Sources for every path; unreadable paths and bad configurations become errors."""
    out = Gathered()
    for given in paths:
        try:
            if given == "-":
                name = stdin_filename or "-"
                config = resolver.for_path(Path(name))
                out.sources.append(Source(name, read_stdin(name, config.max_file_bytes), config, from_stdin=True))
                continue
            path = Path(given)
            if stat.S_ISDIR(stat_of(path, given).st_mode):
                files = walk(path)
                if not files:
                    suffixes = ", ".join(sorted(WALKED_SUFFIXES))
                    raise NewslintError(given, f"directory holds no prose files ({suffixes})")
            else:
                files = [path]
            for file in files:
                add_file(out, file, resolver)
        except NewslintError as err:
            out.errors.append(err)
    return out


def add_file(out: Gathered, file: Path, resolver: ConfigResolver) -> None:
    shown = display_path(file)
    try:
        config = resolver.for_path(file)
        data = read_file(file, shown, config.max_file_bytes)
    except NewslintError as err:
        out.errors.append(err)
        return
    if not data.strip():
        out.notes.append(f"{shown}: empty file, nothing to lint")
    elif file.suffix.lower() not in PROSE_SUFFIXES:
        out.notes.append(f"{shown}: not a .md or .txt file; reading it as plain text")
    out.sources.append(Source(shown, None, config, file=file))
