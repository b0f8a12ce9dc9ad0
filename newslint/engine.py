"""The pipe: read, analyse, check, suppress, filter, fix. One entry point for every front end.

The CLI, the pre-commit hook and the language server all call `Linter.lint`. A `Linter`
holds the analysis cache and nothing else between runs: documents share no state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.analysis import Analysis, Analyzer, extractor_needs
from newslint.checks import CheckContext
from newslint.config import Config
from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.errors import InputError, NewslintError
from newslint.fixes import apply_fixes
from newslint.nlp import COMPONENTS
from newslint.readers import read_document
from newslint.registry import Rule
from newslint.suppressions import apply_suppressions


@dataclass
class Source:
    """One input: the path shown in output, its bytes and its configuration."""

    path: str
    data: bytes
    config: Config
    from_stdin: bool = False


def expand_needs(needs: Iterable[str]) -> set[str]:
    """Analysis needs with fact kinds ("quantities") replaced by what their extractors need."""
    expanded: set[str] = set()
    for need in needs:
        expanded |= {need} if need in COMPONENTS else expand_needs(extractor_needs(need))
    return expanded


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return (d.start, d.end, d.code)


class Linter:
    def __init__(self, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()

    def read(self, sources: Sequence[Source]) -> tuple[list[tuple[Document, Config]], list[NewslintError]]:
        documents, errors = [], []
        for source in sources:
            try:
                documents.append((read_document(source.path, source.data), source.config))
            except InputError as err:
                errors.append(err)
        return documents, errors

    def analyze(self, documents: Sequence[tuple[Document, Config]]) -> list[Analysis]:
        """Analyse documents in one batch, with what the union of their rules needs."""
        needs = expand_needs(need for _, config in documents for r in config.rules() for need in r.needs)
        models = {config.model for _, config in documents}
        self.analyzer.model = next(iter(models)) if len(models) == 1 else None
        return self.analyzer.analyze([d for d, _ in documents], needs)

    def lint(self, sources: Sequence[Source], fix: bool = False) -> tuple[list[FileResult], list[NewslintError]]:
        """Lint every readable source; errors name the files that could not be read or checked."""
        documents, errors = self.read(sources)
        results = []
        for analysis, (document, config) in zip(self.analyze(documents), documents):
            diagnostics, rule_errors = check(analysis, config, config.rules())
            errors.extend(rule_errors)
            result = FileResult(document, diagnostics)
            if fix:
                result.fixed_text, fixed = apply_fixes(document.text, diagnostics)
                result.diagnostics = [d for d in diagnostics if d not in fixed]
            results.append(result)
        return results, errors


def check(analysis: Analysis, config: Config, rules: Iterable[Rule]) -> tuple[list[Diagnostic], list[NewslintError]]:
    """Run `rules` on one analysed document; severities and suppressions applied, sorted."""
    diagnostics: list[Diagnostic] = []
    errors: list[NewslintError] = []
    for r in rules:
        context = CheckContext(analysis, r, config.rule_options(r))
        severity = config.rule_severity(r)
        try:
            diagnostics.extend(d.with_severity(severity) for d in r.check(context))
        except Exception as err:  # a bug in one rule must not stop the others
            errors.append(NewslintError(analysis.document.path, f"internal error in {r.code}: {err!r}"))
    return sorted(apply_suppressions(analysis.document, diagnostics), key=sort_key), errors


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
