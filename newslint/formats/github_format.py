"""`--format github`: GitHub Actions workflow annotations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.formats import sorted_diagnostics

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], **_: Any) -> str:
    return "".join(annotation(document, d) for document, d in sorted_diagnostics(results))


class Writer:
    """`render` a result at a time, for results in path order."""

    def __init__(self, write: Callable[[str], object], **_: Any):
        self.write = write

    def add(self, result: FileResult) -> None:
        self.write(render([result]))

    def close(self, **_: Any) -> None:
        pass


def annotation(document: Document, d: Diagnostic) -> str:
    """One workflow command line for `d`."""
    a, b = document.position(d.start), document.position(d.end)
    props = [f"file={escape_property(document.path)}", f"line={a.line}", f"endLine={b.line}"]
    if a.line == b.line:
        props += [f"col={a.column}", f"endColumn={b.column}"]
    else:
        props.append(f"col={a.column}")
    props.append(f"title={escape_property(d.code)}")
    return f"::{LEVELS[d.severity.value]} {','.join(props)}::{escape_data(f'{d.code} {d.message}')}\n"
