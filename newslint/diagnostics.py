"""Diagnostics, the fixes they carry and the related locations they point to.

Ranges are character offsets into `Document.text`; formatters render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.document import Document


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Related:
    """A location in this or another document that explains a diagnostic."""

    document: Document
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Spelling:
    """A name written one way (`written`) where the document or the house style spells it
    another (`other`): what accepting either spelling adds to the rule's `spellings` option."""

    written: str
    other: str


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default_factory=tuple)
    spelling: Spelling | None = None  # a finding on the spelling of a name
    unknown: str | None = None  # a name the rule does not know: accepting it adds it to `known`

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)


@dataclass
class FileResult:
    """What one run found in one document (or why it could not be read)."""

    document: Document
    diagnostics: list[Diagnostic]
    fixed_text: str | None = None
    fixed: list[Diagnostic] = field(default_factory=list)  # the diagnostics whose fixes `fixed_text` applies
