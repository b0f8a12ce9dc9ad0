"""Cost against document length, as an exponent measured in one run (machines differ; exponents travel).

    python benchmarks/length.py [--words 1000,10000,100000,300000] [--json results.json]

Builds one document of each length from distinct BBC articles of the shared corpus (headers
stripped, articles in a fixed order, separated by blank lines, so no paragraph repeats and the
paragraph cache cannot help), lints it with the default rules in a fresh process (the model and
the rule data loaded and warmed before the clock starts) and fits seconds = c * words^k over the
lengths. Linear cost is k close to 1 (target under 1.2); the per-word cost of the longest
document against the shortest says the same without the fit.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import emit  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
BBC = CORPUS / "bbc_news_2004_2005"
LENGTHS = (1_000, 10_000, 100_000, 300_000)

TIMED_LINT = """
import sys, time
from newslint.analysis import Analyzer
from newslint.config import Config
from newslint.engine import Linter, Source

config = Config()
Linter(Analyzer()).lint([Source("warm.txt", b"Officials said 40 people were hurt on Monday.\\n", config)])
data = open(sys.argv[1], "rb").read()
started = time.perf_counter()
Linter(Analyzer()).lint([Source(sys.argv[1], data, config)])
print(time.perf_counter() - started)
"""


def article_bodies() -> list[str]:
    """The BBC articles without their `SOURCE:` headers, in a fixed order."""
    return [p.read_text(encoding="utf-8").split("\n", 2)[2].strip() for p in sorted(BBC.rglob("*.txt"))]


def document_of(words: int, bodies: list[str]) -> str:
    """Whole articles, in order, until `words` words; never one article twice."""
    chosen, count = [], 0
    for body in bodies:
        if count >= words:
            break
        chosen.append(body)
        count += len(body.split())
    if count < words:
        raise SystemExit(f"length: the corpus has {count:,} words, fewer than {words:,}")
    return "\n\n".join(chosen) + "\n"


def lint_seconds(path: Path) -> float:
    """Seconds to lint `path` with the default rules, in a fresh process, after a warm-up."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", TIMED_LINT, str(path)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"length: linting {path.name} failed: {run.stderr.strip().splitlines()[-1:]}")
    return float(run.stdout.strip().splitlines()[-1])


def exponent(points: list[tuple[float, float]]) -> float:
    """The least-squares slope of log(y) against log(x): y grows as x to this power."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def measure(lengths: tuple[int, ...] = LENGTHS) -> dict:
    bodies = article_bodies()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for words in lengths:
            text = document_of(words, bodies)
            path = Path(tmp) / f"long-{words}.txt"
            path.write_text(text, encoding="utf-8")
            actual = len(text.split())
            seconds = lint_seconds(path)
            print(f"  {actual:,} words in one document: {seconds:.1f} s", file=sys.stderr, flush=True)
            runs.append({"words": actual, "seconds": round(seconds, 2)})
    first, last = runs[0], runs[-1]
    per_word = (last["seconds"] / last["words"]) / (first["seconds"] / first["words"])
    return {
        "runs": runs,
        "exponent": round(exponent([(r["words"], r["seconds"]) for r in runs]), 2),
        "per_word_longest_over_shortest": round(per_word, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", default=",".join(map(str, LENGTHS)), help="comma-separated lengths")
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    args = parser.parse_args()
    if not BBC.is_dir():
        sys.exit(f"length: {BBC} is absent")
    report = measure(tuple(int(w) for w in args.words.split(",")))
    print(
        f"length exponent {report['exponent']:.2f} (target < 1.2); per word, longest / shortest "
        f"{report['per_word_longest_over_shortest']:.2f}x"
    )
    emit(report, args.json)


if __name__ == "__main__":
    main()
