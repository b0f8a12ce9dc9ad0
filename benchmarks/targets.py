"""Every speed and scale target in one run, as ratios (machines differ; ratios travel).

    python benchmarks/targets.py [--json benchmarks/latest.json] [--quick]

On articles of the shared corpus (BBC, headers stripped), in this order:

1. start-up: a cold `check` of one 800-word draft against a bare `spacy.load` of the model
   (medians of fresh processes taking turns; target at most 1.3x);
2. throughput of one process: bare `nlp.pipe` over the same paragraphs with the same components,
   against the lint, for the unit rules alone and for every default rule (targets 0.9x, 0.8x);
3. `check --jobs 2` against `--jobs 1` on 200 articles (target at least 1.7x), and its ceiling
   here: bare `nlp.pipe` of 100 articles in two processes side by side against one alone;
4. peak memory of `check --jobs 2` over 2,000 articles against 200 (target 1.2x), and of its
   largest worker (target under 500 MB);
5. `newslint batch` on a local cluster of two workers against `check --jobs 2`;
6. cost against document length: one document of 1k, 10k, 100k and 300k words (target exponent
   under 1.2);
7. `compare` against the number of versions: clusters of 2, 5, 10, 20 and 50 versions (target
   exponent under 1.2).

Prints a Markdown table (the README's "Speed and scale" table) and writes the JSON with the
machine description. About four minutes on two idle cores; `--quick` runs smaller sizes (a
minute or two) to try the script, not to report.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_clusters  # noqa: E402
import length  # noqa: E402
import scale  # noqa: E402
import startup  # noqa: E402
from results import emit  # noqa: E402

FULL = {"articles": 200, "many": 2000, "lengths": length.LENGTHS, "versions": compare_clusters.VERSIONS, "repeat": 7}
QUICK = {"articles": 24, "many": 48, "lengths": (1_000, 5_000), "versions": (2, 5), "repeat": 1}
DRAFT_WORDS = (780, 820)  # the cold-start draft: an article of about 800 words


def draft(folder: Path) -> Path:
    """The first BBC article of about 800 words, written to `folder`."""
    for body in length.article_bodies():
        if DRAFT_WORDS[0] <= len(body.split()) <= DRAFT_WORDS[1]:
            path = folder / "draft.txt"
            path.write_text(body + "\n", encoding="utf-8")
            return path
    raise SystemExit("targets: no article of about 800 words in the corpus")


def cold_start(folder: Path, repeat: int) -> dict:
    from newslint.nlp import resolve_model

    model = resolve_model()
    path = draft(folder)
    load, check = startup.timed(
        ["-c", f"import spacy; spacy.load({model!r})"],
        ["-m", "newslint", "check", str(path), "--exit-zero", "--quiet"],
        repeat=repeat,
    )
    return {"load_seconds": round(load, 2), "check_seconds": round(check, 2), "ratio": round(check / load, 2)}


def measure(sizes: dict) -> dict:
    report: dict = {
        "machine": scale.machine(),
        "sizes": {k: list(v) if isinstance(v, tuple) else v for k, v in sizes.items()},
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report["cold_start"] = cold_start(folder, sizes["repeat"])
        few, many = folder / "few", folder / "many"
        words = scale.articles(few, sizes["articles"])
        many_words = scale.articles(many, sizes["many"])
        units, default = scale.per_core(few, ("NL1",)), scale.per_core(few)
        report["throughput"] = {"words": words, "units": units, "default": default}
        report["throughput"]["words_per_second"] = round(words / default["lint_seconds"])
        quiet = ["--quiet", "--exit-zero"]
        one = scale.watched(["check", str(few), "--jobs", "1", *quiet], ROOT)
        two = scale.watched(["check", str(few), "--jobs", "2", *quiet], ROOT)
        large = scale.watched(["check", str(many), "--jobs", "2", *quiet], ROOT)
        ceiling = scale.two_cores(few, sizes["articles"] // 2)
        batch = scale.watched(["batch", str(few), "--out", str(folder / "results"), "--workers", "2", "--quiet"], ROOT)
    report["jobs"] = {"articles": sizes["articles"], "jobs_1": one, "jobs_2": two}
    report["jobs"]["speed_up"] = round(one["seconds"] / two["seconds"], 2)
    report["jobs"]["bare_ceiling"] = ceiling
    report["memory"] = {"articles": sizes["many"], "words": many_words, "run": large}
    report["memory"]["main_ratio"] = round(large["main_rss_mb"] / two["main_rss_mb"], 2)
    report["memory"]["worker_ratio"] = round(large["worker_rss_mb"] / two["worker_rss_mb"], 2)
    report["batch"] = {"run": batch, "against_jobs_2": round(batch["seconds"] / two["seconds"], 2)}
    report["length"] = length.measure(sizes["lengths"])
    report["versions"] = compare_clusters.versions_exponent(sizes["versions"])
    return report


def rows(report: dict) -> list[tuple[str, str, str]]:
    throughput, memory = report["throughput"], report["memory"]
    many, few = memory["articles"], report["jobs"]["articles"]
    return [
        ("cold `check` of an 800-word draft / bare `spacy.load`", f"{report['cold_start']['ratio']:.2f}x", "<= 1.3x"),
        ("bare parse / lint, unit rules (NL1)", f"{throughput['units']['parse_share']:.2f}", ">= 0.9"),
        ("bare parse / lint, every default rule", f"{throughput['default']['parse_share']:.2f}", ">= 0.8"),
        ("words per second, one core, default rules", f"{throughput['words_per_second']:,}", ""),
        (f"`check --jobs 2` / `--jobs 1`, {few} articles", f"{report['jobs']['speed_up']:.2f}x", ">= 1.7x"),
        (
            "two bare `nlp.pipe` processes / one (the ceiling of `--jobs 2`)",
            f"{report['jobs']['bare_ceiling']['speed_up']:.2f}x",
            "",
        ),
        (f"peak memory, {many:,} / {few} articles, main process", f"{memory['main_ratio']:.2f}x", "<= 1.2x"),
        (f"peak memory, {many:,} / {few} articles, worker", f"{memory['worker_ratio']:.2f}x", "<= 1.2x"),
        (f"peak memory of a worker, {many:,} articles", f"{memory['run']['worker_rss_mb']} MB", "< 500 MB"),
        ("`batch` (2 local workers) / `check --jobs 2`", f"{report['batch']['against_jobs_2']:.2f}x", ""),
        ("cost exponent in document length (1k-300k words)", f"{report['length']['exponent']:.2f}", "< 1.2"),
        ("cost exponent of `compare` in versions (2-50)", f"{report['versions']['exponent']:.2f}", "< 1.2"),
    ]


def markdown(report: dict) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    lines += [f"| {label} | {value} | {target} |" for label, value, target in rows(report)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    args = parser.parse_args()
    if not scale.BBC.is_dir():
        sys.exit(f"targets: {scale.BBC} is absent")
    report = measure(QUICK if args.quick else FULL)
    print(markdown(report))
    emit(report, args.json)


if __name__ == "__main__":
    main()
