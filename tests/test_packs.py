"""The data packs in `rules/` read as their authors wrote them."""

from __future__ import annotations

import pytest

from newslint.data import load_pack, packs_dir

PACKS = sorted(p.stem for p in packs_dir().glob("*.yaml"))


def booleans(value, path: str):
    """Where `value` holds a boolean in a list or as a key: YAML reads a bare on, off, yes or no so."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, bool):
                yield f"{path}: key {key}"
            yield from booleans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, bool):
                yield f"{path}: item {item}"
            yield from booleans(item, path)


@pytest.mark.parametrize("name", PACKS)
def test_no_word_of_a_pack_is_read_as_a_boolean(name):
    assert list(booleans(load_pack(name), name)) == []
