"""Start-up of the command line, as ratios measured in one run (machines differ; ratios travel).

    python benchmarks/startup.py [--repeat 5]

Median wall time of each command, in a fresh process every time:

- a bare interpreter (`python -c pass`) and a bare `spacy.load` of the default model, the floors;
- `newslint rules`, which must load no model: close to the bare interpreter;
- `newslint check` of one seed with the default rules: close to the bare model load plus the
  analysis of one article.

newslint's modules are compiled to bytecode first, as `pip install` compiles an installed
package's (a checkout run with `PYTHONDONTWRITEBYTECODE` would otherwise compile every module
on every start), and each command runs once untimed, so the files it reads are in the page cache
for the model's load and newslint's alike.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = "seeds/000_abfd0f9880f9ca5a.txt"


def timed(*commands: list[str], repeat: int) -> list[float]:
    """Median seconds of `repeat` runs of each `python ARGS` from the checkout, after one
    untimed run of each. The commands take turns, so a machine that speeds up or slows down
    during the runs shifts them all alike and their ratios hold."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    compileall.compile_dir(ROOT / "newslint", quiet=1)
    for args in commands:
        subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, check=False)
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for args, times in zip(commands, samples):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from newslint.nlp import resolve_model

    model = resolve_model()
    bare, load, rules, check = timed(
        ["-c", "pass"],
        ["-c", f"import spacy; spacy.load({model!r})"],
        ["-m", "newslint", "rules"],
        ["-m", "newslint", "check", SEED, "--exit-zero", "--quiet"],
        repeat=args.repeat,
    )

    rows = [
        ("bare python -c pass", bare, ""),
        (f"bare spacy.load({model!r})", load, ""),
        ("newslint rules", rules, f"{rules / bare:.1f}x bare python"),
        ("newslint check (one seed)", check, f"{check / load:.2f}x bare spacy.load"),
    ]
    width = max(len(label) for label, _, _ in rows)
    for label, seconds, ratio in rows:
        print(f"{label:<{width}}  {seconds * 1000:6.0f} ms  {ratio}".rstrip())


if __name__ == "__main__":
    main()
