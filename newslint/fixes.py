"""Applying the fixes that diagnostics carry: non-overlapping edits, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from newslint.diagnostics import Diagnostic, Edit


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """`text` with every fix applied whose edits overlap no earlier fix; and the fixed diagnostics."""
    chosen: list[Edit] = []
    fixed: list[Diagnostic] = []
    for diagnostic in sorted((d for d in diagnostics if d.fix), key=lambda d: (d.start, d.end)):
        edits = diagnostic.fix.edits
        if all(e.end <= c.start or c.end <= e.start for e in edits for c in chosen):
            chosen.extend(edits)
            fixed.append(diagnostic)
    pieces, cursor = [], 0
    for edit in sorted(chosen, key=lambda e: e.start):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), fixed


def write_atomically(path: Path, text: str, bom: bool) -> None:
    """Replace the file at `path` with `text` (UTF-8, keeping its BOM and permissions)."""
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".newslint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
