"""Gathering inputs: paths, directories walked for prose files, and stdin.

Only regular files are read, and at most `max-file-bytes` of each (and of stdin): a named
pipe, a device or a file that grows without end can neither block a run nor fill memory.
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
from newslint.readers import PROSE_SUFFIXES

SKIPPED_DIRS = {".git", ".hg", ".svn", ".tox", ".venv", "venv", "node_modules", "__pycache__"}
WALKED_SUFFIXES = {".md", ".markdown", ".txt"}
KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
# Opening a named pipe without O_NONBLOCK waits for a writer; a regular file ignores the flag.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


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


def _stat(path: Path, shown: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as err:
        raise InputError(shown, os_problem(err)) from None


def _regular(info: os.stat_result, shown: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = KINDS.get(stat.S_IFMT(info.st_mode), "a special file")
        raise InputError(shown, f"not a regular file ({kind})")


def _too_large(shown: str, limit: int, size: int | None = None) -> InputError:
    measured = "" if size is None else f"{size:,} bytes, "
    return InputError(shown, f"too large: {measured}over the limit of {limit:,} bytes (max-file-bytes)")


def read_file(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of the regular file `path`; InputError for anything else or above `limit` bytes."""
    info = _stat(path, shown)
    _regular(info, shown)
    if info.st_size > limit:
        raise _too_large(shown, limit, info.st_size)
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as err:
        raise InputError(shown, os_problem(err)) from None
    with open(fd, "rb") as stream:
        _regular(os.fstat(fd), shown)  # replaced since the stat above
        try:
            data = stream.read(limit + 1)
        except OSError as err:
            raise InputError(shown, f"cannot read: {os_problem(err)}") from None
    if len(data) > limit:
        raise _too_large(shown, limit)
    return data


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
        raise _too_large(name, limit)
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
            if stat.S_ISDIR(_stat(path, given).st_mode):
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
    out.sources.append(Source(shown, data, config))
