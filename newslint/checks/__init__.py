"""Checks: one module per rule family, each rule a pure function of the analysis.

A check receives a `CheckContext` and yields diagnostics; it never parses text itself and
never loads a model. Modules here are imported by the registry, so they import nothing heavy
at module level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Diagnostic, Edit, Fix, Related, Severity, Spelling

if TYPE_CHECKING:
    from newslint.analysis import Analysis
    from newslint.document import Document
    from newslint.registry import Rule


@dataclass
class CheckContext:
    """What one rule sees of one document: the analysis and the rule's options."""

    analysis: Analysis
    rule: Rule
    options: Mapping[str, Any]

    @property
    def document(self) -> Document:
        return self.analysis.document

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
        severity: Severity | None = None,
        spelling: Spelling | None = None,
        unknown: str | None = None,
    ) -> Diagnostic:
        """A diagnostic of this rule; `severity` lowers or raises one finding from the rule's default."""
        return Diagnostic(
            code=self.rule.code,
            message=" ".join(message.split()),  # one line, whatever text it quotes
            start=start,
            end=end,
            severity=severity or self.rule.severity,
            fix=fix,
            related=related,
            spelling=spelling,
            unknown=unknown,
        )

    def replacement(self, start: int, end: int, text: str, message: str) -> Fix | None:
        """A fix that replaces [start, end) with `text`; None when that range is not all prose
        (an edit there would damage code, markup or a link), so the finding is reported unfixed."""
        if not self.document.is_prose(start, end):
            return None
        return Fix(message, (Edit(start, end, text),))
