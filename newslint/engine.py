"""The pipe: read, analyse, check, suppress, filter, fix. One entry point for every front end.

The CLI, the pre-commit hook and the language server all call `Linter.lint`. A `Linter`
holds the analysis cache and nothing else between runs: documents share no state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from newslint.analysis import CACHE_SIZE, WATCH_EVERY, Analysis, Analyzer, extractor_needs
from newslint.checks import CheckContext
from newslint.config import Config
from newslint.crosscheck import AGAINST, COMPARE, CrossContext
from newslint.diagnostics import Diagnostic, FileResult
from newslint.document import Document
from newslint.errors import InputError, NewslintError
from newslint.files import read_file
from newslint.fixes import apply_fixes
from newslint.nlp import COMPONENTS
from newslint.readers import read_document
from newslint.registry import Rule
from newslint.suppressions import apply_suppressions, directive_errors
from newslint.watch import UNWATCHED, Cancelled, Watch


@dataclass
class Source:
    """One input: the path shown in output, its bytes (or the `file` to read them from when it
    is linted) and its configuration."""

    path: str
    data: bytes | None
    config: Config
    from_stdin: bool = False
    file: Path | None = None

    def content(self) -> bytes:
        """The input's bytes; InputError when its file can no longer be read."""
        if self.data is not None:
            return self.data
        return read_file(self.file, self.path, self.config.max_file_bytes)


BATCH = 64  # drafts analysed together: enough for the pipeline to batch, few enough to bound memory


def expand_needs(needs: Iterable[str]) -> set[str]:
    """Analysis needs with fact kinds ("quantities") replaced by what their extractors need."""
    return set(_expanded(frozenset(needs)))


@cache
def _expanded(needs: frozenset[str]) -> frozenset[str]:
    expanded: set[str] = set()
    for need in needs:
        expanded |= {need} if need in COMPONENTS else _expanded(frozenset(extractor_needs(need)))
    return frozenset(expanded)


def sort_key(d: Diagnostic) -> tuple[int, int, str]:
    return (d.start, d.end, d.code)


class Linter:
    def __init__(self, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()

    @classmethod
    def keeping(cls, paragraphs: int = CACHE_SIZE) -> Linter:
        """A linter that keeps the analysis of at most `paragraphs` paragraphs between runs."""
        return cls(Analyzer(cache_size=paragraphs))

    def read(self, sources: Sequence[Source]) -> tuple[list[tuple[Document, Config]], list[NewslintError]]:
        documents, errors = [], []
        for source in sources:
            try:
                documents.append((read_document(source.path, source.content()), source.config))
            except InputError as err:
                errors.append(err)
        return documents, errors

    def analyze(
        self, documents: Sequence[Document], configs: Sequence[Config], cross: bool = False, watch: Watch = UNWATCHED
    ) -> list[Analysis]:
        """Analyse documents in one batch, with what the rules of `configs` need."""
        needs = expand_needs(need for c in configs for r in c.rules() if cross or not r.cross for need in r.needs)
        models = {c.model for c in configs}
        self.analyzer.model = next(iter(models)) if len(models) == 1 else None
        return self.analyzer.analyze(documents, needs, watch)

    def lint(
        self,
        sources: Sequence[Source],
        fix: bool = False,
        against: Sequence[Source] | None = None,
        watch: Watch = UNWATCHED,
    ) -> tuple[list[FileResult], list[NewslintError]]:
        """Lint every readable source; with `against`, also compare each with those sources.

        Errors name the files that could not be read or checked. Drafts are read, analysed
        and checked `BATCH` at a time, so a run holds the analysis of one batch (and of the
        sources), never of every file. `watch` hears of each step and may stop the lint
        between paragraphs and between rules (`Cancelled`); the caches stay sound.
        """
        cross = against is not None
        configs = [s.config for s in sources]
        references, errors = self.read(against or ())
        others = self.analyze([d for d, _ in references], configs, cross=True, watch=watch) if cross else []
        results = []
        for start in range(0, len(sources), BATCH):
            documents, read_errors = self.read(sources[start : start + BATCH])
            errors += read_errors
            analyses = self.analyze([d for d, _ in documents], configs, cross=cross, watch=watch)
            for analysis, (_, config) in zip(analyses, documents):
                result, check_errors = self.check_draft(analysis, config, others if cross else None, fix, watch)
                results.append(result)
                errors += check_errors
        return results, errors

    def check_draft(
        self, analysis: Analysis, config: Config, others: list[Analysis] | None, fix: bool, watch: Watch = UNWATCHED
    ) -> tuple[FileResult, list[NewslintError]]:
        """One draft's result: its rules, the cross-source rules against `others` when given, fixes."""
        document = analysis.document
        errors = directive_errors(document)
        rules = config.rules()
        diagnostics, rule_errors = check(analysis, config, [r for r in rules if not r.cross], watch)
        if others is not None:
            cross_rules = [r for r in rules if r.cross]
            cross, cross_errors = check(analysis, config, cross_rules, watch, others=others, mode=AGAINST)
            diagnostics, rule_errors = sorted(diagnostics + cross, key=sort_key), rule_errors + cross_errors
        errors += rule_errors
        result = FileResult(document, diagnostics)
        if fix:
            result.fixed_text, result.fixed = apply_fixes(document, diagnostics)
            result.diagnostics = [d for d in diagnostics if d not in result.fixed]
        return result, errors

    def compare(self, sources: Sequence[Source]) -> tuple[list[FileResult], list[NewslintError]]:
        """Versions of one story compared: each disagreement once, at the minority version."""
        documents, errors = self.read(sources)
        analyses = self.analyze([d for d, _ in documents], [c for _, c in documents], cross=True)
        results = []
        for position, (analysis, (document, config)) in enumerate(zip(analyses, documents)):
            errors.extend(directive_errors(document))
            others = analyses[:position] + analyses[position + 1 :]
            rules = [r for r in config.rules() if r.cross]
            diagnostics, rule_errors = check(
                analysis, config, rules, UNWATCHED, others=others, mode=COMPARE, order=position
            )
            errors.extend(rule_errors)
            results.append(FileResult(document, diagnostics))
        return results, errors


def check(
    analysis: Analysis, config: Config, rules: Iterable[Rule], watch: Watch = UNWATCHED, **cross: object
) -> tuple[list[Diagnostic], list[NewslintError]]:
    """Run `rules` on one analysed document; severities and suppressions applied, sorted.

    Keyword arguments (`others`, `mode`, `order`) make the rules cross-document checks.
    """
    diagnostics: list[Diagnostic] = []
    errors: list[NewslintError] = []
    rules = list(rules)
    for done, r in enumerate(rules):
        watch.step("check", done, len(rules))
        options = config.rule_options(r)
        context = CrossContext(analysis, r, options, **cross) if cross else CheckContext(analysis, r, options)
        override = config.severity.get(r.code)
        try:
            found = r.check(context) if cross or r.scope == "document" else paragraph_findings(analysis, r, options)
            diagnostics.extend(d.with_severity(override) if override else d for d in found)
        except Cancelled:
            raise
        except Exception as err:  # a bug in one rule must not stop the others
            errors.append(NewslintError(analysis.document.path, f"internal error in {r.code}: {err!r}"))
    return sorted(apply_suppressions(analysis.document, diagnostics), key=sort_key), errors


def paragraph_findings(analysis: Analysis, r: Rule, options: Mapping[str, Any]) -> list[Diagnostic]:
    """A paragraph rule's findings, paragraph by paragraph: each paragraph checked by itself,
    or its findings from the store when the paragraph is unchanged."""
    name = f"findings:{r.code}:{sorted(options.items())!r}"
    found = []
    for i, pa in enumerate(analysis.paragraphs):
        if i % WATCH_EVERY == WATCH_EVERY - 1:
            analysis.watch.check()
        own = analysis.of_paragraph(pa)
        found += analysis.per_paragraph(name, pa, lambda own=own: list(r.check(CheckContext(own, r, options))))
    return [rebound(d, analysis.document) for d in found]


def rebound(d: Diagnostic, document: Document) -> Diagnostic:
    """`d` with its related locations in `document`: a finding kept from an earlier version of
    the text points into that version, and a paragraph rule points nowhere else."""
    if all(r.document is document for r in d.related):
        return d
    return replace(d, related=tuple(replace(r, document=document) for r in d.related))


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside, a symlink loop, a vanished folder
        return str(path)
