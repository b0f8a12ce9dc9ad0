"""Bounded work: time and peak memory on adversarial inputs at size N and 4N.

    python benchmarks/adversarial.py [--quick] [--only spaces,table] [--big-mb 20]
                                     [--timeout 600] [--json results.json]

Each input is written to a temporary file and linted, with the default rules, by a fresh
process that first lints one sentence (loading the model) and then times the lint of the
input: that "work" time excludes start-up, so the ratio work(4N) / work(N) reflects what
grows with the input (times under half a second count as noise). Linear work gives a ratio
near 4 (or 1 when both runs are quick); the target is below 5. Wall time and peak RSS come
from the child's own resource usage (`os.wait4`). The big news file (`--big-mb`, 20 MB by default) has its own targets: under 240 s and 1 GB.

The news files concatenate articles of the shared corpus (their `SOURCE:` header stripped)
from a fixed pool, repeated to the target size: the per-paragraph Doc cache then makes the
parse cheap, and what is measured is newslint's own cost. The corpus text is only read, never
stored. Without the corpus the news cases are skipped.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results import emit  # noqa: E402  (this script's folder is on the path)

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news_2004_2005"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
POOL_BYTES = 256_000  # unique text the news files are built from
RATIO_TARGET = 5.0
NEGLIGIBLE = 0.5  # seconds: work times are floored here, so noise on tiny runs is no ratio
BIG_SECONDS, BIG_BYTES = 240.0, 1 << 30


def spaces(n: int) -> tuple[str, str]:
    return ".txt", "The council said it would appeal.\n" + " " * n + "\nThe the vote is on Monday.\n"


def front_matter(n: int) -> tuple[str, str]:
    return ".md", "---\ntitle: Budget" + " " * n + "vote\nauthor: Desk\n---\n\nThe the vote is on Monday.\n"


def closing_hashes(n: int) -> tuple[str, str]:
    return ".md", "# Budget" + " \t" * (n // 2) + "vote\n\nThe the vote is on Monday.\n"


def table(n: int) -> tuple[str, str]:
    header = "| " + " | ".join(f"Col {i}" for i in range(n)) + " |"
    rule = "|" + "---|" * n
    row = "| " + " | ".join(str(i) for i in range(n)) + " |"
    return ".md", f"The table follows.\n\n{header}\n{rule}\n{row}\n{row}\n\nThe the vote is on Monday.\n"


def nested(n: int) -> tuple[str, str]:
    quote = "".join("> " * depth + f"Level {depth} said the the plan was sound.\n" for depth in range(1, n + 1))
    items = "".join("  " * depth + f"- Item {depth} has the the detail.\n" for depth in range(n))
    return ".md", f"{quote}\n{items}\nThe the vote is on Monday.\n"


def sentences(n: int) -> tuple[str, str]:
    """`n` sentences of real news in one paragraph (no Doc is cached twice)."""
    found: list[str] = []
    for text in articles():
        for paragraph in text.split("\n\n"):
            found += [s.strip() + "." for s in paragraph.replace("\n", " ").split(". ") if len(s.split()) > 3]
        if len(found) >= n:
            break
    return ".txt", " ".join(found[:n]) + "\n"


def quantities(n: int) -> tuple[str, str]:
    units = ("km", "miles", "kg", "litres", "mph", "tonnes", "metres", "feet")
    parts = [f"{10 + i % 90} {units[i % len(units)]}" for i in range(n)]
    return ".txt", "The survey listed " + ", ".join(parts) + " in its final report.\n"


def articles():
    """Corpus articles without their header, interleaving the categories."""
    for index in range(1, 1000):
        for category in CATEGORIES:
            path = CORPUS / f"{category}_{index:03d}.txt"
            if path.exists():
                text = path.read_text(encoding="utf-8")
                yield text.split("\n", 2)[2] if text.startswith("SOURCE:") else text


def news(size: int) -> tuple[str, str]:
    """Articles from a pool of about POOL_BYTES, repeated until `size` characters."""
    pool, total = [], 0
    for text in articles():
        pool.append(text.strip() + "\n\n")
        total += len(pool[-1])
        if total >= POOL_BYTES:
            break
    parts, total = [], 0
    while total < size:
        for text in pool:
            parts.append(text)
            total += len(text)
            if total >= size:
                break
    return ".txt", "".join(parts)


@dataclass
class Case:
    name: str
    build: Callable[[int], tuple[str, str]]
    n: int
    quick: int
    unit: str
    corpus: bool = False


CASES = [
    Case("spaces", spaces, 80_000, 10_000, "spaces"),
    Case("front-matter", front_matter, 80_000, 10_000, "spaces"),
    Case("closing-hashes", closing_hashes, 80_000, 10_000, "blanks"),
    Case("table", table, 5_000, 500, "columns"),
    Case("nested", nested, 25, 25, "levels"),
    Case("sentences", sentences, 1_600, 200, "sentences", corpus=True),
    Case("quantities", quantities, 2_500, 250, "numbers"),
    Case("news", news, 1_000_000, 250_000, "chars", corpus=True),
]


# The child lints a sentence first (loading the model), then times the lint of the input: the
# "work" it reports excludes start-up, so N-to-4N ratios are not drowned by the model load.
CHILD = """
import sys, time
from pathlib import Path
from newslint.config import Config
from newslint.engine import Linter, Source
linter, config = Linter(), Config()
linter.lint([Source("warm.txt", b"The council met in Paris on Monday, officials said.\\n", config)])
data = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
results, errors = linter.lint([Source(sys.argv[1], data, config)])
print(time.perf_counter() - started)
sys.exit(1 if errors else 0)
"""


def run(path: Path, timeout: float) -> dict:
    """Work time (lint without start-up), wall time, peak RSS and outcome of one fresh process."""
    command = [sys.executable, "-c", CHILD, str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as stderr, tempfile.TemporaryFile() as stdout:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=path.parent, env=env, stdout=stdout, stderr=stderr)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                child.kill()
                timed_out = True
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        lines = stderr.read().decode("utf-8", "replace").strip().splitlines()
        stdout.seek(0)
        printed = stdout.read().decode().strip()
    outcome = "timeout" if timed_out else ("ok" if child.returncode == 0 else f"exit {child.returncode}")
    return {
        "seconds": round(seconds, 2),
        "work_seconds": round(float(printed), 3) if outcome == "ok" and printed else None,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),  # wall time on a busy machine overstates
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "outcome": outcome,
        "stderr": lines[-1][:200] if lines else "",
    }


def measure(build: Callable[[int], tuple[str, str]], size: int, folder: Path, timeout: float) -> dict:
    suffix, text = build(size)
    path = folder / f"input{suffix}"
    path.write_text(text, encoding="utf-8")
    result = run(path, timeout)
    result.update(size=size, bytes=len(text.encode("utf-8")))
    return result


def work(result: dict) -> float:
    """Seconds of work on the input; times below NEGLIGIBLE count as noise."""
    return max(result["work_seconds"] or float("inf"), NEGLIGIBLE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about a minute or two)")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--big-mb", type=float, default=None, help="size of the big news file; 0 skips it")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run before it is killed")
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    args = parser.parse_args()
    big_mb = args.big_mb if args.big_mb is not None else (2.0 if args.quick else 20.0)
    only = {name for name in args.only.split(",") if name}
    have_corpus = CORPUS.is_dir()

    report: dict = {"quick": args.quick, "cases": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = measure(lambda _: (".txt", "The council met on Monday.\n"), 1, folder, args.timeout)
        report["baseline"] = baseline
        base = baseline["seconds"]
        print(f"baseline (start-up and model load): {base:.2f} s, {baseline['peak_rss_mb']:.0f} MB")
        print(f"{'case':<15} {'N':>10} {'work N':>8} {'work 4N':>8} {'ratio':>9} {'wall 4N':>9} {'RSS MB':>7}  note")
        for case in CASES:
            if (only and case.name not in only) or (case.corpus and not have_corpus):
                continue
            n = case.quick if args.quick else case.n
            small = measure(case.build, n, folder, args.timeout)
            large = measure(case.build, 4 * n, folder, args.timeout)
            ratio = work(large) / work(small)
            ok = all(r["outcome"] == "ok" for r in (small, large)) and ratio < RATIO_TARGET
            report["cases"][case.name] = {
                "unit": case.unit,
                "n": small,
                "4n": large,
                "work_ratio": round(ratio, 2),
                "raw_ratio": round(large["seconds"] / small["seconds"], 2),
                "ok": ok,
            }
            note = "; ".join(f"{r['outcome']}: {r['stderr']}" for r in (small, large) if r["outcome"] != "ok")
            print(
                f"{case.name:<15} {n:>10,} {work(small):>8.2f} {work(large):>8.2f} {ratio:>9.2f} "
                f"{large['seconds']:>9.2f} {large['peak_rss_mb']:>7.0f}  "
                f"{'ok' if ok else 'OVER'} {note}".rstrip()
            )
        if big_mb and have_corpus and (not only or "big" in only):
            big = measure(news, int(big_mb * 1_000_000), folder, args.timeout)
            big["ok"] = (
                big["outcome"] == "ok" and big["seconds"] < BIG_SECONDS and big["peak_rss_mb"] * 2**20 < BIG_BYTES
            )
            report["big"] = big
            print(
                f"big news file {big_mb:g} MB: {big['seconds']:.1f} s, {big['cpu_seconds']:.1f} s of CPU "
                f"(target < {BIG_SECONDS:.0f}), "
                f"peak RSS {big['peak_rss_mb']:.0f} MB (target < 1024) {'ok' if big['ok'] else 'OVER'} "
                f"{big['outcome'] if big['outcome'] != 'ok' else ''}".rstrip()
            )
    emit(report, args.json)


if __name__ == "__main__":
    main()
