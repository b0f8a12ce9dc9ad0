"""Reading one input file safely: only a regular file, and at most a limit of its bytes.

A named pipe, a device or a file that grows without end can neither block a run nor fill memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newslint.errors import InputError, os_problem

KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
# Opening a named pipe without O_NONBLOCK waits for a writer; a regular file ignores the flag.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def stat_of(path: Path, shown: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as err:
        raise InputError(shown, os_problem(err)) from None


def _regular(info: os.stat_result, shown: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = KINDS.get(stat.S_IFMT(info.st_mode), "a special file")
        raise InputError(shown, f"not a regular file ({kind})")


def too_large(shown: str, limit: int, size: int | None = None) -> InputError:
    measured = "" if size is None else f"{size:,} bytes, "
    return InputError(shown, f"too large: {measured}over the limit of {limit:,} bytes (max-file-bytes)")


def read_file(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of the regular file `path`; InputError for anything else or above `limit` bytes."""
    info = stat_of(path, shown)
    _regular(info, shown)
    if info.st_size > limit:
        raise too_large(shown, limit, info.st_size)
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
        raise too_large(shown, limit)
    return data
