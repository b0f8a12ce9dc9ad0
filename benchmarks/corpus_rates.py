"""Findings per 1,000 words by rule code on the shared corpus of real articles.

    python benchmarks/corpus_rates.py [--select NL5] [--collection bbc_news_2004_2005]
                                      [--limit 300] [--sample 30] [--seed 1]

Reads `../shared/corpus/manifest.tsv`, strips each article's `SOURCE:` header, lints it
in-process with the selected rules and prints the rates per collection. `--sample N` prints N
random findings with their sentence for reading by hand (to the terminal only: the corpus text
is never stored in the repository).
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

from newslint.config import Config  # noqa: E402
from newslint.engine import Linter, Source  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLE_COLLECTIONS = (
    "bbc_news_2004_2005",
    "reuters21578_sample",
    "newspaper3k_fixtures",
    "basil_triplets",
    "newswcl50_clusters",
    "ecbplus_clusters",
    "polnear_attribution",
)


def article_text(path: Path) -> str:
    """The article without its `SOURCE:` header line and the blank line after it."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("SOURCE:"):
        text = text.split("\n", 2)[2] if text.count("\n") >= 2 else ""
    return text


def manifest(collections: list[str], limit: int | None, seed: int) -> dict[str, list[Path]]:
    by_collection: dict[str, list[Path]] = defaultdict(list)
    with open(CORPUS / "manifest.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["collection"] in collections:
                by_collection[row["collection"]].append(CORPUS / row["path"])
    rng = random.Random(seed)
    for paths in by_collection.values():
        rng.shuffle(paths)
        del paths[limit or len(paths) :]
    return by_collection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", default="NL", help="codes or prefixes, comma-separated")
    parser.add_argument("--collection", action="append", help="collection folder (default: every article set)")
    parser.add_argument("--limit", type=int, help="at most this many articles per collection")
    parser.add_argument("--sample", type=int, default=0, help="print this many random findings to read")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"corpus_rates: {CORPUS} is absent")
    config = Config(select=tuple(s.strip().upper() for s in args.select.split(",")))
    linter = Linter()
    findings = []
    print(f"{'collection':<22}{'docs':>6}{'words':>9}  findings per 1,000 words by code")
    all_words, all_counts = 0, Counter()
    for collection, paths in manifest(args.collection or list(ARTICLE_COLLECTIONS), args.limit, args.seed).items():
        texts = {str(p.relative_to(CORPUS)): article_text(p) for p in paths}
        sources = [Source(name, text.encode("utf-8"), config) for name, text in texts.items()]
        results, errors = linter.lint(sources)
        for error in errors:
            print(f"  error: {error}", file=sys.stderr)
        words = sum(len(t.split()) for t in texts.values())
        counts = Counter(d.code for r in results for d in r.diagnostics)
        findings += [(r.document, d) for r in results for d in r.diagnostics]
        all_words += words
        all_counts += counts
        rates = "  ".join(f"{code} {n * 1000 / words:.2f}" for code, n in sorted(counts.items()))
        print(f"{collection:<22}{len(paths):>6}{words:>9}  {rates or '-'}")
    rates = "  ".join(f"{code} {n * 1000 / all_words:.2f}" for code, n in sorted(all_counts.items()))
    print(f"{'all':<22}{'':>6}{all_words:>9}  {rates or '-'}")
    for document, d in random.Random(args.seed).sample(findings, min(args.sample, len(findings))):
        paragraph = document.paragraph_at(d.start)
        context = document.text[paragraph.start : paragraph.end] if paragraph else ""
        print(f"\n{document.path}:{document.position(d.start).line}: {d.code} {d.message}")
        print(f"  [{document.text[d.start : d.end]}]")
        print(f"  in: {context[:600]}")


if __name__ == "__main__":
    main()
