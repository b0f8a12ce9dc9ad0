"""Shared helpers: lint a text in-process, or run the real command line in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.analysis import Analyzer
from newslint.config import Config, parse_config
from newslint.engine import Linter, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"

_linter = Linter(Analyzer())


def lint(text: str, select: str | list[str], suffix: str = ".txt", against: list[str] | None = None, **table) -> list:
    """Diagnostics for `text` with only the rules in `select` (codes or prefixes).

    `against` holds source texts for the cross-source rules. Extra keyword arguments are
    configuration sections, for example `readability={"max-sentence-words": 10}`.
    """
    selected = [select] if isinstance(select, str) else select
    config = (
        parse_config({"select": selected, **table}, Path("newslint.toml"), "test")
        if table
        else Config(select=tuple(selected))
    )
    sources = None if against is None else [Source(f"source{i}.txt", t.encode(), config) for i, t in enumerate(against)]
    results, errors = _linter.lint([Source(f"draft{suffix}", text.encode("utf-8"), config)], against=sources)
    assert not errors, errors
    return results[0].diagnostics


def codes(text: str, select: str | list[str], **kwargs) -> list[str]:
    return [d.code for d in lint(text, select, **kwargs)]


def flagged(text: str, select: str | list[str], **kwargs) -> list[str]:
    """The text each diagnostic covers."""
    return [text[d.start : d.end] for d in lint(text, select, **kwargs)]


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m newslint ARGS` from the checkout; output decoded as UTF-8."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=input,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def out(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8")


def err(result: subprocess.CompletedProcess) -> str:
    return result.stderr.decode("utf-8")


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is absent")
