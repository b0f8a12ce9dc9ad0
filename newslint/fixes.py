"""Applying the fixes that diagnostics carry, and writing fixed files without losing text.

A fix is applied only when every edit lies inside its diagnostic's range and on prose (never
across masked code, markup, comments or link targets) and overlaps no fix already chosen. A
fixed file is written only if it still holds what was read: through symlinks to their
target, in place for hard-linked files, keeping owner and mode, never over a read-only file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from newslint.diagnostics import Diagnostic, Edit
from newslint.document import Document

SETID_BITS = stat.S_ISUID | stat.S_ISGID


class FixRefused(Exception):
    """A fixed file was not written; the message says why, in words for the user."""


def edit_is_safe(document: Document, diagnostic: Diagnostic, edit: Edit) -> bool:
    """True when `edit` stays inside `diagnostic` and touches prose only."""
    inside = diagnostic.start <= edit.start <= edit.end <= diagnostic.end
    return inside and document.is_prose(edit.start, edit.end)


def apply_fixes(document: Document, diagnostics: Iterable[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """The document's text with every safe fix applied that overlaps no earlier fix; and the
    diagnostics whose fixes were applied."""
    chosen: list[Edit] = []
    fixed: list[Diagnostic] = []
    for diagnostic in sorted((d for d in diagnostics if d.fix), key=lambda d: (d.start, d.end)):
        edits = diagnostic.fix.edits
        if not all(edit_is_safe(document, diagnostic, e) for e in edits):
            continue
        if all(e.end <= c.start or c.end <= e.start for e in edits for c in chosen):
            chosen.extend(edits)
            fixed.append(diagnostic)
    text = document.text
    pieces, cursor = [], 0
    for edit in sorted(chosen, key=lambda e: e.start):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), fixed


def encoded(text: str, bom: bool) -> bytes:
    """The bytes newslint writes for `text`: UTF-8, with the byte-order mark the file had."""
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def write_fixed(path: Path, original: bytes, fixed: bytes) -> None:
    """Replace the file at `path`, which was read as `original`, with `fixed`.

    Raises FixRefused when writing would lose or endanger something (the file changed since
    it was read, it is read-only or not a regular file), OSError when the system refuses.
    """
    target = Path(os.path.realpath(path))
    info = os.stat(target)
    if not stat.S_ISREG(info.st_mode):
        raise FixRefused("not a regular file; not fixed")
    if not info.st_mode & 0o222:
        raise FixRefused("read-only file; not fixed (make it writable to apply the fixes)")
    if info.st_nlink > 1:
        write_in_place(target, original, fixed)
    else:
        replace_atomically(target, info, original, fixed)


def ensure_unchanged(target: Path, original: bytes) -> None:
    with open(target, "rb") as handle:
        current = handle.read(len(original) + 1)
    if current != original:
        raise FixRefused("changed while newslint ran; not fixed (run newslint again)")


def replace_atomically(target: Path, info: os.stat_result, original: bytes, fixed: bytes) -> None:
    """Write a temporary file beside `target` with its owner and mode, then rename it over."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(fixed)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, keep_owner(temporary, info))
        ensure_unchanged(target, original)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def keep_owner(temporary: str, info: os.stat_result) -> int:
    """Give `temporary` the original's owner where possible; the mode to set on it, without
    setuid and setgid when the owner could not be kept."""
    mode = stat.S_IMODE(info.st_mode)
    mine = os.stat(temporary)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return mode
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except OSError:
        return mode & ~SETID_BITS
    return mode


def write_in_place(target: Path, original: bytes, fixed: bytes) -> None:
    """Rewrite a hard-linked file's contents, so every link sees the fix; a copy of the
    original is kept beside it until the new contents are on disk."""
    backup = target.with_name(f".{target.name}.newslint-backup")
    with open(backup, "wb") as out:
        out.write(original)
        out.flush()
        os.fsync(out.fileno())
    try:
        with open(target, "r+b") as handle:
            if handle.read(len(original) + 1) != original:
                raise FixRefused("changed while newslint ran; not fixed (run newslint again)")
            handle.seek(0)
            handle.write(fixed)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except FixRefused:
        backup.unlink()
        raise
    except OSError as err:
        raise FixRefused(
            f"cannot write the fixed file ({err.strerror or err}); the original is kept in {backup}"
        ) from None
    backup.unlink()
