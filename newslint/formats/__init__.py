"""Output formats. Each renders a list of `FileResult` to a string; positions are computed here.
Most also have a `Writer` that renders results one at a time, as a long run produces them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newslint.diagnostics import FileResult
from newslint.document import Document

FORMATS = ("text", "json", "sarif", "github", "lsp")


def render(name: str, results: list[FileResult], **options: Any) -> str:
    module = importlib.import_module(f"newslint.formats.{name}_format")
    return module.render(results, **options)


def writer(name: str, write: Callable[[str], object], **options: Any) -> Any | None:
    """The format's `Writer` (`add(result)` for each result in path order, then `close(...)`
    with `render`'s counts), passing its text to `write`; None for a format without one."""
    module = importlib.import_module(f"newslint.formats.{name}_format")
    kind = getattr(module, "Writer", None)
    return kind(write, **options) if kind else None


def position_range(document: Document, start: int, end: int) -> dict[str, dict[str, int]]:
    """A range with 1-based lines and code-point columns (the JSON schema of DESIGN.md)."""
    a, b = document.position(start), document.position(end)
    return {"start": {"line": a.line, "column": a.column}, "end": {"line": b.line, "column": b.column}}


def lsp_range(document: Document, start: int, end: int, encoding: str = "utf-16") -> dict[str, dict[str, int]]:
    """A range in LSP's convention: 0-based lines and code units of `encoding` (UTF-16 by default)."""
    (sl, sc), (el, ec) = document.lsp_position(start, encoding), document.lsp_position(end, encoding)
    return {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}


def uri_of(path: str) -> str:
    """A file URI for `path` ("-" and "<stdin>" become an untitled URI)."""
    if path in ("-", "<stdin>"):
        return "untitled:stdin"
    return Path(path).resolve().as_uri()


def sorted_diagnostics(results: list[FileResult]):
    """(document, diagnostic) pairs sorted by path, line, column."""
    pairs = [(r.document, d) for r in results for d in r.diagnostics]
    return sorted(pairs, key=lambda p: (p[0].path, p[1].start, p[1].end, p[1].code))
