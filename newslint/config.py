"""Configuration: discovery upward from each file, validation, and rule selection.

`newslint.toml` (top level) or `[tool.newslint]` in `pyproject.toml`; the nearest one to a
file wins and `--config` overrides discovery. Unknown keys and wrong types are errors that
name the key and the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newslint.diagnostics import Severity
from newslint.errors import ConfigError
from newslint.registry import CATEGORIES, Rule, all_rules, family_choices, family_options, matches

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAMILIES = tuple(CATEGORIES.values())
SEVERITIES = tuple(s.value for s in Severity)
TOP_LEVEL = {"select", "ignore", "fail-level", "severity", "model", *FAMILIES}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_level: Severity = Severity.WARNING
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    model: str | None = None

    def rules(self) -> list[Rule]:
        """The rules this configuration runs.

        A prefix in `select` ("NL1") picks the family's rules that are on by default; a rule
        that is off by default runs only when its full code is selected.
        """
        chosen = []
        for code, r in all_rules().items():
            if self.select is None:
                wanted = r.enabled
            else:
                wanted = code in {s.upper() for s in self.select} or (r.enabled and matches(code, self.select))
            if wanted and not matches(code, self.ignore):
                chosen.append(r)
        return chosen

    def rule_options(self, r: Rule) -> dict[str, Any]:
        given = self.options.get(r.category, {})
        return {key: given.get(key, default) for key, default in r.options.items()}

    def with_overrides(self, select: tuple[str, ...] | None, ignore: tuple[str, ...], fail_level: str | None) -> Config:
        """The configuration with command-line `--select` (replaces), `--ignore` (adds) and `--fail-level`."""
        return replace(
            self,
            select=select if select else self.select,
            ignore=self.ignore + ignore,
            fail_level=Severity(fail_level) if fail_level else self.fail_level,
        )


def _expect(value: Any, kind: type | tuple[type, ...], key: str, where: str) -> Any:
    ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, float, (int, float)))
    if not ok:
        names = {str: "a string", list: "a list", dict: "a table", bool: "true or false", int: "an integer"}
        wanted = names.get(kind, "a number") if not isinstance(kind, tuple) else "a number"
        raise ConfigError(where, f"'{key}' must be {wanted}, not {type(value).__name__} {value!r}")
    return value


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    items = _expect(value, list, key, where)
    for item in items:
        if not isinstance(item, str) or not item.upper().startswith("NL"):
            raise ConfigError(where, f"'{key}' entries must be rule codes or prefixes like \"NL5\", not {item!r}")
    return tuple(i.upper() for i in items)


def _option_type(default: Any) -> type | tuple[type, ...]:
    if isinstance(default, bool):
        return bool
    if isinstance(default, float):
        return (int, float)
    return type(default)


def parse_config(table: dict[str, Any], path: Path, section: str) -> Config:
    """Validate a `[tool.newslint]` / `newslint.toml` table read from `path`."""
    where = str(path)
    for key in table:
        if key not in TOP_LEVEL:
            raise ConfigError(where, f"unknown key '{key}' in {section}")
    severity = {}
    for code, value in _expect(table.get("severity", {}), dict, "severity", where).items():
        if code.upper() not in all_rules():
            raise ConfigError(where, f"unknown rule '{code}' in [severity]")
        if value not in SEVERITIES:
            raise ConfigError(where, f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {value!r}")
        severity[code.upper()] = Severity(value)
    options: dict[str, dict[str, Any]] = {}
    for family in FAMILIES:
        given = _expect(table.get(family, {}), dict, family, where)
        known, allowed = family_options(family), family_choices(family)
        for key, value in given.items():
            if key not in known:
                raise ConfigError(where, f"unknown option '{key}' in [{family}]")
            _expect(value, _option_type(known[key]), f"{family}.{key}", where)
            if key in allowed and value not in allowed[key]:
                choices = ", ".join(map(str, allowed[key]))
                raise ConfigError(where, f"'{family}.{key}' must be one of {choices}, not {value!r}")
        options[family] = dict(given)
    fail_level = table.get("fail-level", "warning")
    if fail_level not in SEVERITIES:
        raise ConfigError(where, f"'fail-level' must be one of {', '.join(SEVERITIES)}, not {fail_level!r}")
    model = table.get("model")
    return Config(
        path=path,
        select=_codes(table["select"], "select", where) if "select" in table else None,
        ignore=_codes(table.get("ignore", []), "ignore", where),
        fail_level=Severity(fail_level),
        severity=severity,
        options=options,
        model=_expect(model, str, "model", where) if model is not None else None,
    )


def load_config(path: Path) -> Config | None:
    """The configuration in `path`, or None for a pyproject.toml without [tool.newslint]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), f"invalid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(str(path), f"cannot read configuration: {err}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint")
        return None if table is None else parse_config(table, path, "[tool.newslint]")
    return parse_config(data, path, path.name)


class ConfigResolver:
    """Finds the configuration for each file, walking up from its folder; caches per folder."""

    def __init__(self, explicit: Path | None = None):
        self.explicit: Config | None = None
        if explicit is not None:
            if not explicit.is_file():
                raise ConfigError(str(explicit), "configuration file does not exist")
            self.explicit = load_config(explicit) or Config(path=explicit)
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit:
            return self.explicit
        folder = path.resolve().parent if not path.is_dir() else path.resolve()
        return self._lookup(folder)

    def _lookup(self, folder: Path) -> Config:
        if folder not in self._by_dir:
            found = None
            for name in ("newslint.toml", "pyproject.toml"):
                candidate = folder / name
                if candidate.is_file():
                    found = load_config(candidate)
                    if found:
                        break
            if found is None:
                found = Config() if folder.parent == folder else self._lookup(folder.parent)
            self._by_dir[folder] = found
        return self._by_dir[folder]


STARTER = """\
# newslint configuration. Every key is optional; the values shown are the defaults.
# Rule codes and families: `newslint rules`; one rule in detail: `newslint explain NL501`.

# Rules to run: codes ("NL503") or prefixes ("NL5"). A prefix picks the rules that are on by
# default; a rule that is off by default runs only when its full code is listed.
# select = ["NL"]
ignore = []

# Exit with 1 when a finding at or above this severity remains: error, warning or info.
fail-level = "warning"

# Change a rule's severity.
[severity]
# NL502 = "warning"

# Options of each rule family.
{families}
"""


def starter_file() -> str:
    """A commented starter configuration listing every option with its default."""
    sections = []
    for family in FAMILIES:
        options = family_options(family)
        if options:
            lines = [f"[{family}]"] + [f"{key} = {_toml_value(value)}" for key, value in options.items()]
            sections.append("\n".join(lines))
    return STARTER.format(families="\n\n".join(sections))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)
