"""Facts moved to another offset: a cached paragraph's facts placed where the paragraph now is.

A fact's offsets are its integer fields named `start`, `end` or ending in `_start` or `_end`
(`source_start`, `fix_end`, ...); facts nested in a fact or in a tuple move with it. Every
other field is kept, so a field that holds an offset must be named that way.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any


def is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def relocated(value: Any, delta: int) -> Any:
    """`value` with every offset it holds moved by `delta` characters."""
    if delta == 0:
        return value
    if isinstance(value, list):
        return [relocated(v, delta) for v in value]
    if type(value) is tuple:
        moved = tuple(relocated(v, delta) for v in value)
        return value if all(a is b for a, b in zip(moved, value)) else moved
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for name in _field_names(type(value)):
        field = getattr(value, name)
        if isinstance(field, int) and not isinstance(field, bool) and is_offset(name):
            changes[name] = field + delta
        elif isinstance(field, tuple) or dataclasses.is_dataclass(field):
            moved = relocated(field, delta)
            if moved is not field:
                changes[name] = moved
    return dataclasses.replace(value, **changes) if changes else value
