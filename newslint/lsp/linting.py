"""One open document through the engine, rendered as LSP diagnostics with their code-action data.

Each diagnostic's `data` carries everything a code action needs (the fix, the rule, the line
to put a suppression comment on), so no action ever lints again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pygls.protocol import default_converter

from newslint.config import Config
from newslint.diagnostics import Diagnostic, FileResult
from newslint.engine import Linter, Source
from newslint.fixes import apply_fixes
from newslint.formats import lsp_range, uri_of
from newslint.formats.lsp_format import lsp_diagnostic
from newslint.lsp.store import OpenDocument
from newslint.watch import UNWATCHED, Watch

CONVERTER = default_converter()  # LSP JSON to and from lsprotocol types


@dataclass
class LintResult:
    """What one lint of one version of a document found, rendered for the client."""

    uri: str
    version: int | None
    result_id: str
    result: FileResult | None
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    fix_all: list[dict[str, Any]] = field(default_factory=list)  # the safe, non-overlapping fixes' edits
    errors: list[str] = field(default_factory=list)


def result_id(text: str, generation: int) -> str:
    """Names the text and the configuration state it was linted with."""
    return f"{hashlib.blake2b(text.encode('utf-8', 'surrogatepass'), digest_size=10).hexdigest()}.{generation}"


def lint_open_document(
    linter: Linter,
    document: OpenDocument,
    config: Config,
    against: Sequence[Source] | None,
    encoding: str,
    generation: int,
    watch: Watch = UNWATCHED,
) -> LintResult:
    """Lint the buffer as it is now (with the NL6xx checks when `against` is given); `watch`
    may stop it (`Cancelled`)."""
    source = Source(document.path, document.text.encode("utf-8", "surrogatepass"), config)
    results, errors = linter.lint([source], against=against if against else None, watch=watch)
    outcome = LintResult(document.uri, document.version, result_id(document.text, generation), None)
    outcome.errors = [str(e) for e in errors]
    if results:
        outcome.result = results[0]
        render(outcome, encoding)
    return outcome


def render(outcome: LintResult, encoding: str) -> None:
    result = outcome.result
    own_uri = uri_of(result.document.path)
    for d in result.diagnostics:
        item = lsp_diagnostic(result.document, d, encoding)
        if not item["relatedInformation"]:
            del item["relatedInformation"]  # an empty list may come back as an empty object
        for related in item.get("relatedInformation", ()):
            if related["location"]["uri"] == own_uri:
                related["location"]["uri"] = outcome.uri
        item["data"] = {**item.get("data", {}), "code": d.code, "ignoreLine": ignore_line(result, d)}
        outcome.diagnostics.append(item)
    _, fixable = apply_fixes(result.document, result.diagnostics)
    outcome.fix_all = [
        {"range": lsp_range(result.document, e.start, e.end, encoding), "newText": e.replacement}
        for d in fixable
        for e in d.fix.edits
    ]


def ignore_line(result: FileResult, d: Diagnostic) -> int:
    """The line a `<!-- newslint: ignore -->` comment goes on: where the diagnostic's paragraph begins."""
    paragraph = result.document.paragraph_at(d.start)
    return result.document.line_index(paragraph.start if paragraph else d.start)
