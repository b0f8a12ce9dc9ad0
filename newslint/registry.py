"""The rule registry: every rule's metadata and its check function.

A rule is declared next to its check with the `rule` decorator. Options belong to the rule's
family section in the configuration (`[readability] max-sentence-words = 40`). Check modules
are found by walking `newslint.checks`, so adding a rule touches only its own module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Severity

if TYPE_CHECKING:
    from newslint.checks import CheckContext
    from newslint.diagnostics import Diagnostic

CATEGORIES = {
    "1": "units",
    "2": "places",
    "3": "figures",
    "4": "attribution",
    "5": "readability",
    "6": "sources",
    "9": "style",
}

CheckFunction = Callable[["CheckContext"], Iterable["Diagnostic"]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    explanation: str
    bad: str
    good: str
    check: CheckFunction
    severity: Severity = Severity.WARNING
    fixable: bool = False
    enabled: bool = True
    needs: frozenset[str] = frozenset()
    options: Mapping[str, Any] = field(default_factory=dict)
    choices: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # allowed values of options
    bounds: Mapping[str, tuple[float | None, float | None]] = field(default_factory=dict)  # (min, max) of numbers
    cross: bool = False  # compares documents: runs only with --against or `compare`
    source: str = ""  # for a cross rule: the source text its examples are checked against

    @property
    def category(self) -> str:
        return CATEGORIES[self.code[2]]

    @property
    def url(self) -> str:
        return f"https://newslint.readthedocs.io/en/latest/rules/{self.code}.html"


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    summary: str,
    explanation: str,
    bad: str,
    good: str,
    severity: str = "warning",
    fixable: bool = False,
    enabled: bool = True,
    needs: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    bounds: Mapping[str, tuple[float | None, float | None]] | None = None,
    cross: bool = False,
    source: str = "",
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function as rule `code`."""

    def register(check: CheckFunction) -> CheckFunction:
        if code in _RULES:
            raise ValueError(f"rule {code} is registered twice")
        _RULES[code] = Rule(
            code=code,
            name=name,
            summary=summary,
            explanation=" ".join(explanation.split()),
            bad=bad,
            good=good,
            check=check,
            severity=Severity(severity),
            fixable=fixable,
            enabled=enabled,
            needs=frozenset(needs),
            options=dict(options or {}),
            choices=dict(choices or {}),
            bounds=dict(bounds or {}),
            cross=cross,
            source=source,
        )
        return check

    return register


@cache
def all_rules() -> dict[str, Rule]:
    """Every registered rule by code, in code order (imports the check modules once)."""
    import newslint.checks as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return dict(sorted(_RULES.items()))


def family_options(category: str) -> dict[str, Any]:
    """Every option of a family with its default, as the configuration accepts them."""
    merged: dict[str, Any] = {}
    for r in all_rules().values():
        if r.category == category:
            merged.update(r.options)
    return merged


def family_choices(category: str) -> dict[str, tuple[Any, ...]]:
    """The allowed values of the family's options that have a fixed set."""
    merged: dict[str, tuple[Any, ...]] = {}
    for r in all_rules().values():
        if r.category == category:
            merged.update(r.choices)
    return merged


def family_bounds(category: str) -> dict[str, tuple[float | None, float | None]]:
    """The (minimum, maximum) of the family's numeric options; None is unbounded."""
    merged: dict[str, tuple[float | None, float | None]] = {}
    for r in all_rules().values():
        if r.category == category:
            merged.update(r.bounds)
    return merged


def matches(code: str, selectors: Iterable[str]) -> bool:
    """True when `code` is one of the codes or starts with one of the prefixes given."""
    return any(code.startswith(s.upper()) for s in selectors)
