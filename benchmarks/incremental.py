"""Re-linting after an edit and memory over many files, as ratios measured in one run.

    python benchmarks/incremental.py [--edits 10] [--files 200 2000]

- **Edit**: a 2,000-word draft built from BBC paragraphs of the shared corpus is linted once;
  then one paragraph at a time is edited (a sentence appended) and the draft re-linted by the
  same linter. Each re-lint is timed against a from-scratch lint of the same edited text (a
  fresh analyser: nothing cached, the model already loaded) in the same process. Target: the
  median ratio under 0.1.
- **Memory**: peak RSS of `newslint check --jobs 1` over the first N corpus articles, each run in a
  fresh process. Target: 2,000 articles within 1.2x of 200.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
COLLECTIONS = ("bbc_news_2004_2005", "reuters21578_sample", "newspaper3k_fixtures", "basil_triplets")
DRAFT_WORDS = 2000
APPENDED = " Officials said the figures would be revised on Monday."


def articles(limit: int) -> list[str]:
    """The texts of the first `limit` corpus articles, without their `SOURCE:` header."""
    texts = []
    for collection in COLLECTIONS:
        for path in sorted((CORPUS / collection).rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            texts.append(text.split("\n\n", 1)[1] if text.startswith("SOURCE:") else text)
            if len(texts) == limit:
                return texts
    return texts


def draft() -> list[str]:
    """Paragraphs of about DRAFT_WORDS words, from whole articles in corpus order."""
    paragraphs: list[str] = []
    for text in articles(100):
        paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
        if sum(len(p.split()) for p in paragraphs) >= DRAFT_WORDS:
            break
    return paragraphs


def lint_seconds(linter, paragraphs: list[str]) -> float:
    from newslint.config import Config
    from newslint.engine import Source

    source = Source("draft.txt", ("\n\n".join(paragraphs) + "\n").encode(), Config())
    start = time.perf_counter()
    _, errors = linter.lint([source])
    assert not errors, errors
    return time.perf_counter() - start


def edit_ratios(edits: int) -> dict:
    from newslint.analysis import Analyzer
    from newslint.engine import Linter

    paragraphs = draft()
    cached = Linter(Analyzer())
    lint_seconds(cached, paragraphs)
    lint_seconds(Linter(Analyzer()), paragraphs)  # warm: model, packs and registries loaded
    step = max(len(paragraphs) // edits, 1)
    relint, scratch = [], []
    for i in range(0, len(paragraphs), step)[:edits]:
        paragraphs[i] += APPENDED
        relint.append(lint_seconds(cached, paragraphs))
        scratch.append(lint_seconds(Linter(Analyzer()), paragraphs))
    ratios = [a / b for a, b in zip(relint, scratch)]
    return {
        "words": sum(len(p.split()) for p in paragraphs),
        "paragraphs": len(paragraphs),
        "edits": len(ratios),
        "relint_median_ms": round(statistics.median(relint) * 1000, 1),
        "scratch_median_ms": round(statistics.median(scratch) * 1000, 1),
        "ratio_median": round(statistics.median(ratios), 3),
        "ratio_max": round(max(ratios), 3),
    }


def peak_rss_mb(count: int) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of `newslint check` over the first `count` articles."""
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(articles(count)):
            Path(folder, f"{i:05}.txt").write_text(text, encoding="utf-8")
        child = (
            "import resource, sys, runpy; sys.argv = ['newslint', 'check', sys.argv[1], '--quiet', '--exit-zero', '--jobs', '1'];"
            "code = 0\ntry:\n runpy.run_module('newslint', run_name='__main__')\nexcept SystemExit as e:\n code = e.code\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)"
        )
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", child, folder], capture_output=True, text=True, cwd=ROOT, check=False
        )
        seconds = time.perf_counter() - start
    return float(done.stderr.strip().splitlines()[-1]), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--files", type=int, nargs=2, default=(200, 2000), metavar=("FEW", "MANY"))
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"benchmarks/incremental.py: the shared corpus is not at {CORPUS}")

    edit = edit_ratios(args.edits)
    print(
        f"one-paragraph edit of a {edit['words']}-word draft ({edit['paragraphs']} paragraphs), {edit['edits']} edits: "
        f"re-lint {edit['relint_median_ms']} ms, from scratch {edit['scratch_median_ms']} ms, "
        f"ratio median {edit['ratio_median']} (max {edit['ratio_max']}; target < 0.1)"
    )
    few, many = args.files
    (few_mb, few_s), (many_mb, many_s) = peak_rss_mb(few), peak_rss_mb(many)
    memory = {"few": few, "few_mb": round(few_mb), "many": many, "many_mb": round(many_mb)}
    memory["ratio"] = round(many_mb / few_mb, 2)
    print(
        f"peak RSS: {few} articles {few_mb:.0f} MB ({few_s:.0f} s), {many} articles {many_mb:.0f} MB ({many_s:.0f} s): "
        f"ratio {memory['ratio']} (target <= 1.2)"
    )
    if args.json:
        args.json.write_text(json.dumps({"edit": edit, "memory": memory}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
