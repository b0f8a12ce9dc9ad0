"""The PolNeAR recall measurement: BRAT parsing, scoring, and a floor on a few real articles."""

from __future__ import annotations

from benchmarks.attribution_recall import POLNEAR, Gold, evaluate, parse_ann, score
from newslint.analysis.attributions import Attribution
from tests.conftest import needs_corpus

ANN = (
    "T1\tSource 0 6\tPolice\nT2\tCue 7 11\tsaid\nT3\tContent 12 20\tit rains\n"
    "T4\tAttribution 7 11\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_brat_attributions_are_parsed():
    assert parse_ann(ANN) == [Gold([(7, 11)], [(0, 6)])]


def test_a_detected_cue_and_source_are_scored_as_found():
    found = Attribution(7, 11, "said", "Police", 0, 6, 12, 20, False)
    result = score([Gold([(7, 11)], [(0, 6)])], [found], "Police said it rains")
    assert (result.cues_found, result.sources_found, result.detected_correct) == (1, 1, 1)


@needs_corpus
def test_recall_on_a_few_annotated_articles():
    assert POLNEAR.is_dir()
    result = evaluate("dev", limit=3)
    assert result.gold > 0
    assert result.cues_found / result.gold > 0.3
