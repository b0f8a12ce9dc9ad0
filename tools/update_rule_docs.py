"""Regenerate docs/rules/ (one page per rule, and an index) from the registry:
python tools/update_rule_docs.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.rule_table import rule_docs  # noqa: E402

DOCS = ROOT / "docs" / "rules"


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    pages = rule_docs()
    for stale in DOCS.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
