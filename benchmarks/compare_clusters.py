"""`newslint compare` over the same-event clusters of the shared corpus: findings per cluster.

    python benchmarks/compare_clusters.py [--collection ecbplus_clusters] [--limit 40] [--sample 30]

Groups the articles of each collection by `cluster_id` (manifest.tsv), compares the versions
of each cluster with the NL6xx rules, and prints findings per cluster by code. `--sample N`
prints N random findings with the related source wording, to be read by hand (to the
terminal only: corpus text never goes into the repository).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_rates import CORPUS, article_text  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.engine import Linter, Source  # noqa: E402

CLUSTERED = ("basil_triplets", "newswcl50_clusters", "ecbplus_clusters")


def clusters(collection: str) -> dict[str, list[Path]]:
    grouped: dict[str, list[Path]] = defaultdict(list)
    with open(CORPUS / "manifest.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["collection"] == collection and row["cluster_id"]:
                grouped[row["cluster_id"]].append(CORPUS / row["path"])
    return {k: sorted(v) for k, v in grouped.items() if len(v) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--collection", action="append", help="collection (default: every clustered one)")
    parser.add_argument("--limit", type=int, help="at most this many clusters per collection")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"compare_clusters: {CORPUS} is absent")
    config = Config(select=("NL6",))
    linter = Linter()
    findings = []
    print(f"{'collection':<20}{'clusters':>9}{'docs':>6}  findings per cluster by code (and per 1,000 words)")
    for collection in args.collection or list(CLUSTERED):
        groups = list(clusters(collection).items())[: args.limit]
        counts: Counter[str] = Counter()
        words = docs = 0
        for _, paths in groups:
            sources = [Source(str(p.relative_to(CORPUS)), article_text(p).encode(), config) for p in paths]
            results, errors = linter.compare(sources)
            for error in errors:
                print(f"  error: {error}", file=sys.stderr)
            docs += len(sources)
            words += sum(len(s.data.split()) for s in sources)
            for r in results:
                counts.update(d.code for d in r.diagnostics)
                findings += [(r.document, d) for d in r.diagnostics]
        rates = "  ".join(
            f"{code} {n / max(len(groups), 1):.2f} ({n * 1000 / max(words, 1):.2f})"
            for code, n in sorted(counts.items())
        )
        print(f"{collection:<20}{len(groups):>9}{docs:>6}  {rates or '-'}")
    for document, d in random.Random(args.seed).sample(findings, min(args.sample, len(findings))):
        print(f"\n{document.path}:{document.position(d.start).line}: {d.code} {d.message}")
        print(f"  [{document.text[d.start : d.end]}]")
        for rel in d.related[:2]:
            print(f"  vs {rel.document.path}: [{rel.document.text[rel.start : rel.end]}]")


if __name__ == "__main__":
    main()
