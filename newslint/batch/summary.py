"""Totals over a run's chunk files: findings by code, the stories with most, rates per 1,000 words."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.batch.results import read_findings, read_totals
from newslint.formats.sarif_format import write_log

TOP = 10


@dataclass
class Summary:
    chunks: int = 0
    stories: int = 0
    words: int = 0
    by_code: Counter = field(default_factory=Counter)
    by_story: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(self.by_code.values())

    def rate(self, count: int) -> float:
        """Per 1,000 words."""
        return 1000 * count / self.words if self.words else 0.0


def summarize(files: Sequence[Path]) -> Summary:
    summary = Summary(chunks=len(files))
    for path in files:
        totals = read_totals(path)
        summary.stories += totals.stories
        summary.words += totals.words
        summary.errors += totals.errors
        found = read_findings(path, ["id", "code"])
        summary.by_code.update(found["code"])
        summary.by_story.update(found["id"])
    return summary


def table(summary: Summary, top: int = TOP) -> str:
    """The summary as plain-text tables."""
    lines = [
        f"{summary.stories:,} stories, {summary.words:,} words in {summary.chunks:,} chunks: "
        f"{summary.findings:,} findings ({summary.rate(summary.findings):.2f} per 1,000 words)",
    ]
    if summary.by_code:
        lines += ["", f"{'code':<8}{'findings':>10}{'per 1,000 words':>17}"]
        lines += [f"{code:<8}{n:>10,}{summary.rate(n):>17.2f}" for code, n in sorted(summary.by_code.items())]
        width = max(len(story) for story, _ in summary.by_story.most_common(top))
        lines += ["", f"{'story':<{width}}  findings"]
        lines += [f"{story:<{width}}  {n:>8,}" for story, n in summary.by_story.most_common(top)]
    if summary.errors:
        lines += ["", f"{len(summary.errors):,} stories could not be read or checked (listed on stderr)"]
    return "\n".join(lines) + "\n"


def findings(files: Sequence[Path]) -> Iterator[str]:
    """Every finding of the run as `--format json` gives it (a JSON string), in chunk order."""
    for path in files:
        yield from read_findings(path, ["finding"])["finding"]


def export_jsonl(files: Sequence[Path], target: Path) -> None:
    """Every finding of the run, one JSON object a line."""
    with target.open("w", encoding="utf-8") as stream:
        for finding in findings(files):
            stream.write(finding + "\n")


def export_sarif(files: Sequence[Path], target: Path) -> None:
    """Every finding of the run as one SARIF log, as `check --format sarif` writes it, a result at a
    time; the artifacts are the stories with findings."""
    stories = dict.fromkeys(story for path in files for story in read_findings(path, ["id"])["id"])
    with target.open("w", encoding="utf-8") as stream:
        write_log(stream, stories, (json.loads(finding) for finding in findings(files)))
