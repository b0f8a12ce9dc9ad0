"""Versioned JSON files in the user's cache folder (`$NEWSLINT_CACHE_DIR`, else
`$XDG_CACHE_HOME/newslint` or `~/.cache/newslint`).

A file holds `{"format": ..., "digest": ..., "data": ...}`. `read` returns the data only when
the path is a regular file (not a symlink, not a folder) that parses as JSON and carries the
expected format and digest; anything else reads as a missing file. `write` goes through a
temporary file in the same folder and `os.replace`, so a reader never sees half a file; when
the folder cannot be written the data is simply not kept. `prune` removes the files of older
versions (other digests, and the pickles that releases before JSON wrote).
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MAX_BYTES = 64 * 1024 * 1024  # far above any cache newslint writes; a bigger file is not read
KEPT_VERSIONS = 2  # files of other digests kept beside the current one


def folder() -> Path:
    """The user's cache folder for newslint (it may not exist yet)."""
    base = os.environ.get("NEWSLINT_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")) / "newslint"


def read(path: Path, format: int, digest: str) -> Any | None:
    """The data kept at `path`, or None when there is no usable file of this format and digest."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(handle, "rb") as source:
            if not stat.S_ISREG(os.fstat(source.fileno()).st_mode) or os.path.islink(path):
                return None
            raw = source.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                return None
        kept = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if type(kept) is not dict or kept.keys() != {"format", "digest", "data"}:
        return None
    if type(kept["format"]) is not int or kept["format"] != format or kept["digest"] != digest:
        return None
    return kept["data"]


def write(path: Path, format: int, digest: str, data: Any) -> None:
    """Keep `data` at `path`, replacing whatever is there; nothing is kept if the folder is unwritable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(
                json.dumps(
                    {"format": format, "digest": digest, "data": data}, ensure_ascii=False, separators=(",", ":")
                )
            )
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise


def prune(kept: Path, pattern: str, keep: int) -> None:
    """Remove the files of `kept`'s folder that match `pattern` (a glob), apart from `kept` and
    the `keep` newest others (another installed version may still read one); never fails."""
    try:
        others = [p for p in kept.parent.glob(pattern) if p != kept and not p.is_symlink() and p.is_file()]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in others[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        return


def remembered(name: str, format: int, digest: str, build: Callable[[], Any], load: Callable[[Any], T]) -> T:
    """`load` of the data kept as `NAME-DIGEST.json`; when there is none, or `load` rejects it
    (ValueError), `build()` makes the data afresh and it is kept, the older versions pruned."""
    path = folder() / f"{name}-{digest}.json"
    data = read(path, format, digest)
    if data is not None:
        try:
            return load(data)
        except ValueError:
            pass
    data = build()
    write(path, format, digest, data)
    prune(path, f"{name}-*.json", keep=KEPT_VERSIONS)
    return load(data)
