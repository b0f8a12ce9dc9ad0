"""The server's own settings, from `initializationOptions` or `workspace/didChangeConfiguration`.

Keys (camelCase, under "newslint" or at the top): `debounce` (milliseconds), `checkOn`
("change" or "save"), `sources` (folders or globs of source files for the NL6xx checks),
`saveOnlyBytes` (a bigger buffer is linted on open and save only), `maxBytes` (a bigger
buffer is refused with a message) and `cacheParagraphs` (the paragraphs whose analysis is kept
between lints: the bound of the server's memory). A wrong value is named and ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newslint.engine import CACHE_SIZE

DEFAULT_MAX_BYTES = 8_000_000
DEFAULT_SAVE_ONLY_BYTES = 1_000_000
COUNT_SETTINGS = {"saveOnlyBytes": "save_only_bytes", "maxBytes": "max_bytes", "cacheParagraphs": "cache_paragraphs"}


@dataclass(frozen=True)
class Settings:
    debounce: float = 0.3  # seconds
    check_on: str = "change"
    sources: tuple[str, ...] = ()
    save_only_bytes: int = DEFAULT_SAVE_ONLY_BYTES
    max_bytes: int = DEFAULT_MAX_BYTES
    cache_paragraphs: int = CACHE_SIZE


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def parse_settings(raw: Any, base: Settings | None = None) -> tuple[Settings, list[str]]:
    """Settings from a client's JSON (keys absent keep `base`), and the problems found in it."""
    settings, problems = base or Settings(), []
    if isinstance(raw, dict) and isinstance(raw.get("newslint"), dict):
        raw = raw["newslint"]
    if not isinstance(raw, dict):
        return settings, [] if raw is None else [f"settings must be an object, not {raw!r}"]
    for key, value in raw.items():
        if key == "debounce" and _number(value):
            settings = replace(settings, debounce=value / 1000)
        elif key == "checkOn" and value in ("change", "save"):
            settings = replace(settings, check_on=value)
        elif key == "sources" and isinstance(value, str):
            settings = replace(settings, sources=(value,) if value else ())
        elif key == "sources" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            settings = replace(settings, sources=tuple(value))
        elif key in COUNT_SETTINGS and _number(value) and int(value) == value and (value or key != "cacheParagraphs"):
            settings = replace(settings, **{COUNT_SETTINGS[key]: int(value)})
        elif key in ("debounce", "checkOn", "sources", *COUNT_SETTINGS):
            problems.append(f"setting '{key}' has an invalid value {value!r}; ignored")
        else:
            problems.append(f"unknown setting '{key}'; ignored")
    return settings, problems
