"""Facts moved to another offset: a cached paragraph's facts placed where the paragraph now is.

A fact's offsets are its integer fields named `start`, `end` or ending in `_start` or `_end`
(`source_start`, `fix_end`, ...); facts nested in a fact or in a tuple move with it. Every
other field is kept, so a field that holds an offset must be named that way.

Relocation runs for every cached paragraph after an edit that changes an earlier paragraph's
length, so it copies a fact's fields directly (a frozen dataclass's `replace` calls `__init__`)
and reads each class's fields once.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any


def is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


@cache
def _fields(kind: type) -> tuple[tuple[str, bool], ...] | None:
    """(name, holds an offset) for each field of a dataclass type; None for any other type."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple((f.name, is_offset(f.name)) for f in dataclasses.fields(kind))


def relocated(value: Any, delta: int) -> Any:
    """`value` with every offset it holds moved by `delta` characters."""
    return value if delta == 0 else _moved(value, delta)


def _moved(value: Any, delta: int) -> Any:
    kind = type(value)
    if kind is list:
        return [_moved(v, delta) for v in value]
    if kind is tuple:
        moved = tuple(_moved(v, delta) for v in value)
        return value if all(a is b for a, b in zip(moved, value)) else moved
    fields = _fields(kind)
    if fields is None:
        return value
    changes = {}
    for name, offset in fields:
        field = getattr(value, name)
        if offset and isinstance(field, int) and not isinstance(field, bool):
            changes[name] = field + delta
        elif type(field) is tuple or _fields(type(field)) is not None:
            moved = _moved(field, delta)
            if moved is not field:
                changes[name] = moved
    if not changes:
        return value
    if not hasattr(value, "__dict__"):  # a slotted dataclass
        return dataclasses.replace(value, **changes)
    copy = object.__new__(kind)
    copy.__dict__.update(value.__dict__)
    copy.__dict__.update(changes)
    return copy
