"""`newslint compare` over the same-event clusters of the shared corpus: findings per cluster.

    python benchmarks/compare_clusters.py [--collection ecbplus_clusters] [--limit 40] [--sample 30]
                                          [--against] [--scaling]

Groups the articles of each collection by `cluster_id` (manifest.tsv), compares the versions
of each cluster with the NL6xx rules, and prints findings per cluster and per 1,000 words by
code, and in all. `--against` checks each article of a cluster against the one before it
instead (draft/source pairs; rates per 1,000 draft words). `--scaling` times `compare` over
2, 5, 10, 20 and 50 versions drawn from the clusters and prints the exponent of the cost in
the number of versions (1 is linear); it needs an idle machine. `--sample N` prints N random
findings with the related source wording, to be read by hand (to the terminal only: corpus
text never goes into the repository).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

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


def run_cluster(linter: Linter, sources: list[Source], against: bool) -> tuple[list, int]:
    """The results for one cluster and how many draft words they cover."""
    if not against:
        results, errors = linter.compare(sources)
        drafts = sources
    else:
        results, errors, drafts = [], [], sources[1:]
        for source, draft in zip(sources, sources[1:]):
            found, problems = linter.lint([draft], against=[source])
            results += found
            errors += problems
    for error in errors:
        print(f"  error: {error}", file=sys.stderr)
    return results, sum(len(s.data.split()) for s in drafts)


VERSIONS = (2, 5, 10, 20, 50)


def versions_exponent(counts: tuple[int, ...] = VERSIONS) -> dict:
    """Seconds for `compare` over n versions drawn from the ECB+ clusters (each n with a fresh
    engine, so every version is parsed; the model is loaded once, before the clock), and the
    exponent of the cost in n fitted over every n (1 is linear)."""
    from length import exponent

    from newslint.analysis import Analyzer

    config = Config()
    paths = [p for group in clusters("ecbplus_clusters").values() for p in group]
    Linter(Analyzer()).compare([Source(f"w{i}.txt", article_text(paths[i]).encode(), config) for i in range(2)])
    runs = []
    for n in counts:
        sources = [Source(f"v{i}.txt", article_text(paths[i % len(paths)]).encode(), config) for i in range(n)]
        began = time.perf_counter()
        Linter(Analyzer()).compare(sources)
        runs.append({"versions": n, "seconds": round(time.perf_counter() - began, 2)})
        print(f"  compare of {n} versions: {runs[-1]['seconds']:.2f} s", file=sys.stderr, flush=True)
    return {"runs": runs, "exponent": round(exponent([(r["versions"], r["seconds"]) for r in runs]), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--collection", action="append", help="collection (default: every clustered one)")
    parser.add_argument("--limit", type=int, help="at most this many clusters per collection")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--against", action="store_true", help="draft/source pairs instead of compare")
    parser.add_argument("--scaling", action="store_true", help="time compare over 2 to 50 versions")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"compare_clusters: {CORPUS} is absent")
    config = Config(select=("NL6",))
    linter = Linter()
    if args.scaling:
        print(f"exponent of the cost in versions: {versions_exponent()['exponent']:.2f}")
        return
    findings = []
    print(f"{'collection':<20}{'clusters':>9}{'words':>8}  findings per cluster by code (and per 1,000 draft words)")
    for collection in args.collection or list(CLUSTERED):
        groups = list(clusters(collection).items())[: args.limit]
        counts: Counter[str] = Counter()
        words = 0
        for _, paths in groups:
            sources = [Source(str(p.relative_to(CORPUS)), article_text(p).encode(), config) for p in paths]
            results, covered = run_cluster(linter, sources, args.against)
            words += covered
            for r in results:
                counts.update(d.code for d in r.diagnostics if d.code.startswith("NL6"))
                findings += [(r.document, d) for d in r.diagnostics if d.code.startswith("NL6")]
        rates = "  ".join(
            f"{code} {n / max(len(groups), 1):.2f} ({n * 1000 / max(words, 1):.2f})"
            for code, n in sorted(counts.items())
        )
        total = sum(counts.values())
        print(f"{collection:<20}{len(groups):>9}{words:>8}  {rates or '-'}  all {total * 1000 / max(words, 1):.2f}")
    for document, d in random.Random(args.seed).sample(findings, min(args.sample, len(findings))):
        print(f"\n{document.path}:{document.position(d.start).line}: {d.code} {d.message}")
        print(f"  [{document.text[d.start : d.end]}]")
        for rel in d.related[:2]:
            print(f"  vs {rel.document.path}: [{rel.document.text[rel.start : rel.end]}]")


if __name__ == "__main__":
    main()
