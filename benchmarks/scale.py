"""Scale on one machine, as ratios measured in one run (machines differ; ratios travel).

    python benchmarks/scale.py [--articles 200] [--many 2000] [--json results.json]

On BBC articles of the shared corpus (headers stripped, written to a temporary folder):

1. `check --jobs 2` against `check --jobs 1` on `--articles` articles: the speed-up (target
   1.7x on two cores);
2. peak memory of `check` on `--many` articles against `--articles` (target 1.2x): of the main
   process and of the largest worker, sampled every 0.1 s (both runs with `--jobs 2`);
3. the per-core rate behind `docs/scale.md`: words per second of one process with every default
   rule, and of bare `nlp.pipe` over the same paragraphs (the parse; the rest is the rules);
4. `newslint batch` on a local cluster of two workers against `check --jobs 2`.

Prints a table and writes JSON with the machine description. Takes about seven minutes on
two otherwise idle cores (three times that while other work holds them).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import emit  # noqa: E402  (this script's folder is on the path)

CORPUS = ROOT.parent / "shared" / "corpus"
BBC = CORPUS / "bbc_news_2004_2005"


def machine() -> dict:
    import psutil
    import spacy

    from newslint.nlp import resolve_model

    cpu = next((line.split(":", 1)[1].strip() for line in open_lines("/proc/cpuinfo") if "model name" in line), "")
    return {
        "platform": platform.platform(),
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": resolve_model(),
        "load_average": os.getloadavg(),
    }


def open_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def articles(folder: Path, count: int) -> int:
    """Write `count` BBC articles (cycled when the collection is smaller) into `folder`; their words."""
    paths = sorted(BBC.rglob("*.txt"))
    folder.mkdir()
    words = 0
    for i in range(count):
        text = paths[i % len(paths)].read_text(encoding="utf-8").split("\n", 2)[2]
        words += len(text.split())
        (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
    return words


def watched(args: list[str], cwd: Path) -> dict:
    """Run `python -m newslint ARGS`: wall seconds, and the peak RSS of the main process and of its largest child."""
    import psutil

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = psutil.Popen(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    main_peak = child_peak = 0
    while process.poll() is None:
        try:
            main_peak = max(main_peak, process.memory_info().rss)
            for child in process.children(recursive=True):
                child_peak = max(child_peak, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"newslint {' '.join(args)} exited {process.returncode}: {process.stderr.read().decode()}")
    print(f"  newslint {args[0]} {' '.join(args[2:])}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return {
        "seconds": round(seconds, 2),
        "main_rss_mb": round(main_peak / 2**20),
        "worker_rss_mb": round(child_peak / 2**20),
    }


def prepared(folder: Path, select: tuple[str, ...] | None = None) -> tuple[list, frozenset[str], object]:
    """The drafts of `folder` as sources, the components the rules of `select` (None: the
    defaults) need and the model with them, loaded, with the rules' data read by a lint of two."""
    from newslint.analysis import Analyzer
    from newslint.config import Config
    from newslint.engine import Linter, Source, expand_needs
    from newslint.nlp import components_for, pipeline

    config = Config(select=select)
    sources = [Source(p.name, p.read_bytes(), config) for p in sorted(folder.iterdir())]
    components = components_for(expand_needs(need for r in config.rules() if not r.cross for need in r.needs))
    nlp = pipeline(components)
    Linter(Analyzer()).lint(sources[:2])  # rule data (syllables, units, matchers) loaded before timing
    return sources, components, nlp


def per_core(folder: Path, select: tuple[str, ...] | None = None) -> dict:
    """Seconds of one process linting `folder` with the rules of `select` (None: the defaults),
    and of bare `nlp.pipe` over its paragraphs with the components those rules need."""
    from newslint.analysis import Analyzer
    from newslint.engine import Linter
    from newslint.readers import read_document

    sources, components, nlp = prepared(folder, select)
    started = time.perf_counter()
    Linter(Analyzer()).lint(sources)
    lint = time.perf_counter() - started
    paragraphs = []
    for s in sources:
        document = read_document(s.path, s.data)
        paragraphs += [document.prose[p.start : p.end] for p in document.paragraphs]
    parse = spacy_parse_seconds(nlp, components, paragraphs)
    return {
        "rules": "default" if select is None else ",".join(select),
        "lint_seconds": round(lint, 2),
        "parse_seconds": round(parse, 2),
        "components": sorted(components),
        "parse_share": round(parse / lint, 2),
    }


def bare_parse_seconds(folder: Path, count: int) -> float:
    """Seconds of bare `nlp.pipe` over the paragraphs of the first `count` drafts of `folder`,
    with the default rules' components (the model loaded before timing)."""
    from newslint.config import Config
    from newslint.engine import expand_needs
    from newslint.nlp import components_for, pipeline
    from newslint.readers import read_document

    components = components_for(expand_needs(n for r in Config().rules() if not r.cross for n in r.needs))
    nlp = pipeline(components)
    paragraphs = []
    for path in sorted(folder.iterdir())[:count]:
        document = read_document(path.name, path.read_bytes())
        paragraphs += [document.prose[p.start : p.end] for p in document.paragraphs]
    return spacy_parse_seconds(nlp, components, paragraphs)


def spacy_parse_seconds(nlp, components: frozenset[str], paragraphs: list[str]) -> float:
    """Seconds of bare `nlp.pipe` over `paragraphs` with `components`, as spaCy ships the
    pipeline: its attribute ruler runs its own Matcher, not the index newslint gives it."""
    from newslint.nlp import disabled_for

    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    index = ruler.__dict__.pop("match", None) if ruler is not None else None
    try:
        started = time.perf_counter()
        for _ in nlp.pipe(paragraphs, disable=disabled_for(nlp, components)):
            pass
        return time.perf_counter() - started
    finally:
        if index is not None:
            ruler.match = index


def two_cores(folder: Path, count: int = 100) -> dict:
    """The most `--jobs 2` can gain here: bare parses of `count` drafts, one process alone and
    then two side by side (2 x alone / side by side; below 2 when the cores share caches,
    memory bandwidth or a turbo budget, or other work holds them)."""
    code = f"import scale; print(scale.bare_parse_seconds(scale.Path({str(folder)!r}), {count}))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def started() -> subprocess.Popen:
        command = [sys.executable, "-c", code]
        return subprocess.Popen(command, cwd=ROOT / "benchmarks", env=env, stdout=subprocess.PIPE, text=True)

    alone = float(started().communicate()[0])
    pair = [started(), started()]
    side_by_side = sum(float(p.communicate()[0]) for p in pair) / 2
    return {
        "articles": count,
        "alone_seconds": round(alone, 2),
        "side_by_side_seconds": round(side_by_side, 2),
        "speed_up": round(2 * alone / side_by_side, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--many", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    args = parser.parse_args()
    if not BBC.is_dir():
        sys.exit(f"scale: {BBC} is absent")
    report: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory() as tmp:
        few, many = Path(tmp) / "few", Path(tmp) / "many"
        words = articles(few, args.articles)
        many_words = articles(many, args.many)
        quiet = ["--quiet", "--exit-zero"]
        one = watched(["check", str(few), "--jobs", "1", *quiet], ROOT)
        two = watched(["check", str(few), "--jobs", "2", *quiet], ROOT)
        large = watched(["check", str(many), "--jobs", "2", *quiet], ROOT)
        batch = watched(["batch", str(few), "--out", str(Path(tmp) / "results"), "--workers", "2", "--quiet"], ROOT)
        core = per_core(few)
    report["jobs"] = {"articles": args.articles, "words": words, "jobs_1": one, "jobs_2": two}
    report["jobs"]["speed_up"] = round(one["seconds"] / two["seconds"], 2)
    report["memory"] = {"articles": args.many, "words": many_words, "run": large}
    report["memory"]["main_ratio"] = round(large["main_rss_mb"] / two["main_rss_mb"], 2)
    report["memory"]["worker_ratio"] = round(large["worker_rss_mb"] / two["worker_rss_mb"], 2)
    report["per_core"] = core
    report["per_core"]["words_per_second"] = round(words / core["lint_seconds"])
    report["batch"] = {"run": batch, "against_jobs_2": round(batch["seconds"] / two["seconds"], 2)}

    print(f"{'measure':<44}{'value':>12}  target")
    rows = [
        (f"check --jobs 2 speed-up, {args.articles} articles", f"{report['jobs']['speed_up']:.2f}x", ">= 1.7x"),
        (f"peak RSS {args.many} / {args.articles} articles, main", f"{report['memory']['main_ratio']:.2f}x", "<= 1.2x"),
        (
            f"peak RSS {args.many} / {args.articles} articles, worker",
            f"{report['memory']['worker_ratio']:.2f}x",
            "<= 1.2x",
        ),
        ("peak RSS of a worker", f"{large['worker_rss_mb']} MB", "< 500 MB"),
        ("words per second per core, default rules", f"{report['per_core']['words_per_second']:,}", ""),
        ("bare parse / whole lint, one core", f"{report['per_core']['parse_share']:.2f}", ""),
        ("batch (2 local workers) / check --jobs 2", f"{report['batch']['against_jobs_2']:.2f}x", ""),
    ]
    for label, value, target in rows:
        print(f"{label:<44}{value:>12}  {target}")
    emit(report, args.json)


if __name__ == "__main__":
    main()
