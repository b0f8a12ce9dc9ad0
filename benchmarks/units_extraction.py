"""What quantity extraction adds to the analysis of a document.

    python benchmarks/units_extraction.py [--collection bbc_news_2004_2005] [--limit 200]
                                          [--needs sentences,tokens] [--repeat 3]

Analyses each document (the seeds, then `--limit` articles of the shared corpus) with the
spaCy components `--needs` asks for (default: what the enabled rules need), then extracts
its quantities and conversions, and reports extraction time as a share of analysis time:
in total and per document (median and 95th percentile). One-time costs (loading the model,
the pint registry and the pattern) are paid before timing and reported apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_rates import CORPUS, article_text, manifest  # noqa: E402
from newslint.analysis import Analyzer  # noqa: E402
from newslint.engine import expand_needs  # noqa: E402
from newslint.readers import read_document  # noqa: E402
from newslint.registry import all_rules  # noqa: E402

KINDS = ("quantities", "conversions")


def documents(collection: str, limit: int):
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if CORPUS.is_dir() and limit:
        texts += [article_text(p) for p in manifest([collection], limit, seed=1).get(collection, [])]
    return [read_document(f"doc{i}.txt", t.encode("utf-8")) for i, t in enumerate(texts)]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(docs, needs: set[str]) -> tuple[list[float], list[float]]:
    """Per document: seconds of analysis, seconds of extraction (a fresh cache for each)."""
    analysis_times, extraction_times = [], []
    for doc in docs:
        start = time.perf_counter()
        analysis = Analyzer().analyze([doc], needs)[0]
        middle = time.perf_counter()
        for kind in KINDS:
            analysis.facts(kind)
        analysis_times.append(middle - start)
        extraction_times.append(time.perf_counter() - middle)
    return analysis_times, extraction_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--collection", default="bbc_news_2004_2005")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--needs", help="spaCy analysis needs, comma-separated (default: the enabled rules')")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    needs = (
        set(args.needs.split(","))
        if args.needs
        else expand_needs(n for r in all_rules().values() if r.enabled for n in r.needs)
    )
    docs = documents(args.collection, args.limit)
    words = sum(len(d.text.split()) for d in docs)
    warm_model = timed(lambda: Analyzer().analyze(docs[:1], needs))
    warm_units = timed(lambda: [Analyzer().analyze(docs[:1], ())[0].facts(k) for k in KINDS])
    runs = [measure(docs, needs) for _ in range(args.repeat)]
    analysis = [min(run[0][i] for run in runs) for i in range(len(docs))]
    extraction = [min(run[1][i] for run in runs) for i in range(len(docs))]
    ratios = sorted(e / a for a, e in zip(analysis, extraction))

    print(f"{len(docs)} documents, {words:,} words; analysis needs: {', '.join(sorted(needs)) or '(none)'}")
    print(f"one-time: model load {warm_model:.2f} s, pint registry and pattern {warm_units:.2f} s")
    print(f"analysis   {sum(analysis):8.3f} s  ({1000 * sum(analysis) / len(docs):.2f} ms per document)")
    print(f"extraction {sum(extraction):8.3f} s  ({1000 * sum(extraction) / len(docs):.2f} ms per document)")
    print(
        f"extraction / analysis: total {100 * sum(extraction) / sum(analysis):.1f}%, "
        f"per document median {100 * statistics.median(ratios):.1f}%, "
        f"95th percentile {100 * ratios[int(0.95 * (len(ratios) - 1))]:.1f}%"
    )


if __name__ == "__main__":
    main()
