"""Rule data packs: YAML files under `rules/`, shipped inside the wheel.

The packs are found through `importlib.resources` (`newslint/rules` in an installed wheel);
in a source checkout, the top-level `rules/` folder next to the package is used.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any


def packs_dir() -> Path:
    installed = Path(str(files("newslint"))) / "rules"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "rules"


@cache
def load_pack(name: str) -> dict[str, Any]:
    """The parsed pack `rules/<name>.yaml`."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser, when PyYAML has it
    with open(packs_dir() / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader) or {}


@cache
def packs_digest() -> str:
    """A digest of every pack's bytes: what the extracted facts depend on besides the text."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(packs_dir().glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
