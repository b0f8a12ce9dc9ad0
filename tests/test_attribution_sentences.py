"""Labelled sentences: is a claim found, is an attribution found (tests/fixtures/attribution/sentences.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.analysis import Analyzer
from newslint.engine import expand_needs
from newslint.readers import read_document

FIXTURE = Path(__file__).parent / "fixtures" / "attribution" / "sentences.txt"
_analyzer = Analyzer()


def cases() -> list[tuple[bool, bool, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            claim, attributed, text = (part.strip() for part in line.split("|", 2))
            rows.append((claim == "y", attributed == "y", text))
    return rows


CASES = cases()


def analysed(text: str):
    document = read_document("draft.txt", text.encode("utf-8"))
    return _analyzer.analyze([document], expand_needs(("claims", "speakers")))[0]


def test_there_are_enough_labelled_sentences():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("claim", "attributed", "text"), CASES, ids=[c[2][:50] for c in CASES])
def test_claim_and_attribution_labels(claim, attributed, text):
    analysis = analysed(text)
    assert bool(analysis.facts("claims")) == claim
    assert bool(analysis.facts("attributions")) == attributed
