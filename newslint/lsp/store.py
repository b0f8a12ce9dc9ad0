"""Open documents, kept in step with the editor by incremental (or full) synchronisation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse

from newslint.document import Document


def path_of(uri: str) -> str:
    """The file path of a `file:` URI; any other URI ("untitled:...") stands for itself."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None = None

    @property
    def path(self) -> str:
        return path_of(self.uri)

    def size(self) -> int:
        """The text's length in UTF-8 bytes."""
        return len(self.text.encode("utf-8", "surrogatepass"))

    def positions(self) -> Document:
        """A Document over the text, for its LSP position maps (no prose regions)."""
        return Document(self.path, self.text, self.text, [])


def apply_change(text: str, change: Any, encoding: str) -> str:
    """`text` after one content change: a range and its new text, or the whole new text."""
    span = getattr(change, "range", None)
    if span is None:
        return change.text
    positions = Document("", text, text, [])
    start = positions.offset_of_lsp(span.start.line, span.start.character, encoding)
    end = positions.offset_of_lsp(span.end.line, span.end.character, encoding)
    start, end = min(start, end), max(start, end)
    return text[:start] + change.text + text[end:]


class DocumentStore:
    """The documents the editor has open, by URI."""

    def __init__(self) -> None:
        self._open: dict[str, OpenDocument] = {}

    def open(self, uri: str, text: str, version: int | None = None) -> OpenDocument:
        self._open[uri] = OpenDocument(uri, text, version)
        return self._open[uri]

    def change(self, uri: str, changes: Iterable[Any], version: int | None, encoding: str) -> OpenDocument | None:
        """Apply `changes` in order (each to the text the previous one left), as LSP specifies."""
        document = self._open.get(uri)
        if document is None:
            return None
        for change in changes:
            document.text = apply_change(document.text, change, encoding)
        document.version = version
        return document

    def close(self, uri: str) -> None:
        self._open.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._open.get(uri)

    def __iter__(self) -> Iterator[OpenDocument]:
        return iter(list(self._open.values()))
