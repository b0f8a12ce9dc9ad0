"""Labelled sentences: claim or not, attributed or not, and the NL4xx findings expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.analysis import Analyzer
from newslint.engine import expand_needs
from newslint.readers import read_document
from tests.conftest import codes

FIXTURE = Path(__file__).parent / "fixtures" / "attribution" / "sentences.txt"
_analyzer = Analyzer()


def cases() -> list[tuple[bool, bool, set[str], str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            claim, attributed, expected, text = (part.strip() for part in line.split("|", 3))
            rows.append((claim == "y", attributed == "y", set() if expected == "-" else set(expected.split(",")), text))
    return rows


CASES = cases()


# Every attribution rule, including NL403, which is off by default.
ATTRIBUTION_RULES = ["NL401", "NL402", "NL403", "NL404", "NL405"]


def analysed(text: str):
    document = read_document("draft.txt", text.encode("utf-8"))
    return _analyzer.analyze([document], expand_needs(("claims", "speakers")))[0]


def test_there_are_enough_labelled_sentences():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("claim", "attributed", "expected", "text"), CASES, ids=[c[3][:50] for c in CASES])
def test_findings(claim, attributed, expected, text):
    assert set(codes(text, ATTRIBUTION_RULES)) == expected


@pytest.mark.parametrize(("claim", "attributed", "expected", "text"), CASES, ids=[c[3][:50] for c in CASES])
def test_claim_and_attribution_labels(claim, attributed, expected, text):
    analysis = analysed(text)
    assert bool(analysis.facts("claims")) == claim
    assert bool(analysis.facts("attributions")) == attributed
