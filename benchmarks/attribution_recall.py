"""Recall of attribution detection against the hand-annotated PolNeAR corpus.

    python benchmarks/attribution_recall.py [--split dev] [--limit 20]

Reads `../shared/corpus/polnear_attribution/raw/{dev,test}`: BRAT standoff files whose
`E` lines tie an Attribution to its Source, Cue and Content spans (character offsets into the
byte-exact texts). A gold cue counts as found when a detected attribution's cue overlaps it; its
source counts as found when that attribution's source span also overlaps the gold source.
Recall is also given for cues with words (PolNeAR marks some quotes' attribution by a dash or a
colon alone). Precision is the share of detected cues that overlap some gold cue. Exits cleanly, with a
message, when the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.analysis import Analyzer  # noqa: E402
from newslint.engine import expand_needs  # noqa: E402
from newslint.readers import read_document  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear_attribution" / "raw"

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    """One annotated attribution: its cue spans and, when it has one, its source spans."""

    cue: Spans
    source: Spans = field(default_factory=list)


@dataclass
class Score:
    gold: int = 0
    cues_found: int = 0
    worded: int = 0
    worded_found: int = 0
    with_source: int = 0
    sources_found: int = 0
    detected: int = 0
    detected_correct: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:.1%}" if b else "n/a"

        return (
            f"gold attributions {self.gold}: cue recall {share(self.cues_found, self.gold)} "
            f"({share(self.worded_found, self.worded)} of {self.worded} cues with words); "
            f"source recall {share(self.sources_found, self.with_source)} (of {self.with_source} with a source); "
            f"detected cues {self.detected}, precision {share(self.detected_correct, self.detected)}"
        )


def parse_ann(text: str) -> list[Gold]:
    """The attributions of one BRAT standoff file."""
    spans: dict[str, Spans] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(role.split(":", 1) for role in parts[1].split()))
    golds = []
    for roles in relations:
        if "Cue" in roles and roles["Cue"] in spans:
            golds.append(Gold(spans[roles["Cue"]], spans.get(roles.get("Source", ""), [])))
    return golds


def overlaps(start: int | None, end: int | None, spans: Spans) -> bool:
    return start is not None and any(start < hi and lo < end for lo, hi in spans)


def score(golds: list[Gold], attributions, text: str) -> Score:
    result = Score(gold=len(golds), detected=len(attributions))
    for gold in golds:
        matching = [a for a in attributions if overlaps(a.start, a.end, gold.cue)]
        result.cues_found += bool(matching)
        if any(ch.isalpha() for lo, hi in gold.cue for ch in text[lo:hi]):
            result.worded += 1
            result.worded_found += bool(matching)
        if gold.source:
            result.with_source += 1
            result.sources_found += any(overlaps(a.source_start, a.source_end, gold.source) for a in matching)
    result.detected_correct = sum(any(overlaps(a.start, a.end, g.cue) for g in golds) for a in attributions)
    return result


def annotated_files(split: str, limit: int | None) -> list[tuple[Path, Path]]:
    """(annotation, text) pairs; an article with two annotators counts once per annotator."""
    pairs = []
    for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        pairs.append((ann, POLNEAR / split / "text" / f"{article}.txt"))
    return pairs[:limit] if limit else pairs


def evaluate(split: str, limit: int | None = None, analyzer: Analyzer | None = None) -> Score:
    analyzer = analyzer or Analyzer()
    needs = expand_needs(("attributions",))
    total = Score()
    for ann, text_path in annotated_files(split, limit):
        document = read_document(text_path.name, text_path.read_bytes())
        analysis = analyzer.analyze([document], needs)[0]
        golds = parse_ann(ann.read_text(encoding="utf-8"))
        total.add(score(golds, analysis.facts("attributions"), document.text))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", action="append", choices=("dev", "test"), help="default: both")
    parser.add_argument("--limit", type=int, help="at most this many annotation files per split")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print(f"attribution_recall: {POLNEAR} is absent; nothing to measure")
        return
    analyzer = Analyzer()
    overall = Score()
    for split in args.split or ["dev", "test"]:
        result = evaluate(split, args.limit, analyzer)
        overall.add(result)
        print(f"{split:<6}{result.report()}")
    print(f"{'all':<6}{overall.report()}")


if __name__ == "__main__":
    main()
