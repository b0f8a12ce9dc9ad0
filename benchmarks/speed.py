"""Speed of the pipe, reported as ratios measured in one run (machines differ; ratios travel).

    python benchmarks/speed.py [--repeat 5]

1. start-up: `newslint rules` against a bare `python -c pass` (no model may load);
2. model load against the analysis of the five seeds;
3. re-linting a document after one paragraph changed (the cache keeps the other paragraphs)
   against linting it from scratch: what a language server gains;
4. throughput: words per second of `check` with every default rule, on altered copies of the seeds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action, repeat: int) -> float:
    """Median seconds of `repeat` runs of `action`."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def command(*args: str):
    return lambda: subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    bare = timed(command("-c", "pass"), args.repeat)
    rules = timed(command("-m", "newslint", "rules"), args.repeat)
    print(
        f"start-up: `newslint rules` / bare python = {rules / bare:.1f}x ({rules * 1000:.0f} ms vs {bare * 1000:.0f} ms)"
    )

    from newslint.analysis import Analyzer
    from newslint.config import Config
    from newslint.engine import Linter, Source
    from newslint.nlp import components_for, pipeline

    seeds = [(p.name, p.read_bytes()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    config = Config()
    started = time.perf_counter()
    pipeline(components_for(["sentences", "entities", "lemmas"]))
    load = time.perf_counter() - started
    analysis = timed(lambda: Linter(Analyzer()).lint([Source(n, d, config) for n, d in seeds]), args.repeat)
    print(f"model load / lint of the 5 seeds (fresh cache) = {load / analysis:.2f}x ({load:.2f} s vs {analysis:.2f} s)")

    name, data = seeds[3]
    edited = data.replace(b"The timing of this revelation is significant.", b"The timing matters.")
    linter = Linter(Analyzer())
    linter.lint([Source(name, data, config)])
    warm = timed(lambda: linter.lint([Source(name, edited, config)]), args.repeat)
    cold = timed(lambda: Linter(Analyzer()).lint([Source(name, edited, config)]), args.repeat)
    print(f"re-lint after a one-paragraph edit / lint from scratch = {warm / cold:.2f}x")

    # Each copy's lines differ (a number appended), so the paragraph cache cannot help.
    batch = [Source(f"{i}-{n}", d.replace(b"\n", f" {i}\n".encode()), config) for i in range(10) for n, d in seeds]
    words = sum(len(s.data.split()) for s in batch)
    seconds = timed(lambda: Linter(Analyzer()).lint(batch), 1)
    print(f"throughput: {words / seconds:,.0f} words/s ({words} words in {seconds:.2f} s)")


if __name__ == "__main__":
    main()
