"""Where the lint's time goes outside the parse: a cProfile of one process linting BBC articles.

    python benchmarks/profile_lint.py [--articles 200] [--select NL1] [--top 5] [--out lint.prof]

The model is loaded and the rule data read before the profile starts. Prints the lint's
seconds, the seconds inside `nlp.pipe` and the rest, then the top functions of newslint's
analysis and checks by cumulative and by own time (cProfile slows Python code more than the
parse, so the rest's share reads high; compare profiles with each other, not with timings).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402

OURS = r"newslint/(analysis/(?!__init__)|checks|quotes)"  # the facts and the rules, not the parse or caches


def timed_parse(analyzer_class, spent: list[float]) -> None:
    """Add the seconds spent inside the analyzer's parse to `spent[0]`."""
    parse = analyzer_class._parse

    def measured(self, nlp, components, texts):
        docs = parse(self, nlp, components, texts)
        while True:
            started = time.perf_counter()
            doc = next(docs, None)
            spent[0] += time.perf_counter() - started
            if doc is None:
                return
            yield doc

    analyzer_class._parse = measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--select", nargs="*", default=None)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="also write the profile (pstats) here")
    args = parser.parse_args()

    from newslint.analysis import Analyzer
    from newslint.engine import Linter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        words = scale.articles(folder, args.articles)
        sources, _, _ = scale.prepared(folder, tuple(args.select) if args.select else None)
    spent = [0.0]
    timed_parse(Analyzer, spent)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.runcall(Linter(Analyzer()).lint, sources)
    lint = time.perf_counter() - started
    print(f"{words} words: lint {lint:.2f} s, inside nlp.pipe {spent[0]:.2f} s, the rest {lint - spent[0]:.2f} s")
    if args.out:
        profile.dump_stats(args.out)
    stats = pstats.Stats(profile)
    for order in ("cumulative", "tottime"):
        print(f"\ntop {args.top} of the analysis and checks by {order}:")
        stats.sort_stats(order).print_stats(OURS, args.top)


if __name__ == "__main__":
    main()
