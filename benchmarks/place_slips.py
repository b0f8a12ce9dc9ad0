"""The share of a corpus lint spent on NL203's candidate search: every capitalised name in
prose compared with the prominent places.

    python benchmarks/place_slips.py [--limit 100] [--seed 1]

Lints articles of the shared corpus (`--limit` per collection, as `corpus_rates.py` picks them)
in-process with every default rule, timing the whole lint and, within it, the search: the
`place_slips` extractor (capitalised runs, the prominent places' index on first use, the
edit-distance search) and the identity step that weighs its candidates. Prints both and their
ratio; the target is at most 10%. Measure on an idle machine: the ratio holds better than the
seconds, but a busy machine skews both.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import wraps
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_rates import ARTICLE_COLLECTIONS, CORPUS, article_text, manifest  # noqa: E402
from newslint.analysis import place_slips  # noqa: E402
from newslint.analysis.identity import places  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter, Source  # noqa: E402

spent = [0.0]


def timed(module, name: str) -> None:
    """Replace `module.name` with a wrapper that adds its time to `spent`."""
    function = getattr(module, name)

    @wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    setattr(module, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=100, help="articles per collection")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"place_slips: {CORPUS} is absent")
    timed(place_slips, "paragraph")
    timed(places, "prominent_slips")
    config = Config()
    linter = Linter()
    paths = [p for group in manifest(list(ARTICLE_COLLECTIONS), args.limit, args.seed).values() for p in group]
    sources = [Source(str(p), article_text(p).encode("utf-8"), config) for p in paths]
    words = sum(len(s.data.decode("utf-8").split()) for s in sources)
    start = time.perf_counter()
    linter.lint(sources)
    total = time.perf_counter() - start
    print(f"{len(sources)} articles, {words} words")
    print(f"lint, every default rule  {total:8.2f} s")
    print(f"NL203 candidate search    {spent[0]:8.2f} s  ({spent[0] / total:.1%} of the lint; target 10% at most)")


if __name__ == "__main__":
    main()
