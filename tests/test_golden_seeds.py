"""`newslint check seeds/ --format json` against reviewed expected output, one file per family.

Each `tests/golden/seeds.<family>.json` holds the reviewed findings of one rule family on the
seeds. A family with findings but no golden file fails: every finding must be reviewed.
To propose new golden files after a change, run with NEWSLINT_WRITE_GOLDEN=1 and read the
diff before committing it.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict

from tests.conftest import ROOT, out, run_cli

GOLDEN = ROOT / "tests" / "golden"


def test_seeds_match_the_reviewed_findings():
    result = run_cli("check", "seeds/", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    by_family = defaultdict(list)
    for item in json.loads(out(result)):
        by_family[item["category"]].append(item)
    families = set(by_family) | {p.name.split(".")[1] for p in GOLDEN.glob("seeds.*.json")}
    for family in sorted(families):
        path = GOLDEN / f"seeds.{family}.json"
        if os.environ.get("NEWSLINT_WRITE_GOLDEN"):
            path.write_text(json.dumps(by_family[family], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        assert path.exists(), f"{family} findings on the seeds have no reviewed golden file {path.name}"
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert by_family[family] == expected, f"{family} findings on the seeds changed; review {path.name}"
