"""Regenerate the rule table in README.md from the registry: python tools/update_readme_rules.py"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.rule_table import render_rules  # noqa: E402


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    table = "<!-- rules:start -->\n" + render_rules("markdown") + "<!-- rules:end -->"
    readme.write_text(re.sub(r"<!-- rules:start -->\n.*?<!-- rules:end -->", lambda _: table, text, flags=re.S))


if __name__ == "__main__":
    main()
