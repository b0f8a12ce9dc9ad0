"""Rule data packs: YAML files under `rules/`, shipped inside the wheel.

The packs are found through `importlib.resources` (`newslint/rules` in an installed wheel);
in a source checkout, the top-level `rules/` folder next to the package is used.
"""

from __future__ import annotations

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

    with open(packs_dir() / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}
