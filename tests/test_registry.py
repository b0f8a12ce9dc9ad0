"""The registry: metadata is complete, and every rule's examples tell the truth."""

from __future__ import annotations

import re

import pytest

from newslint.registry import CATEGORIES, all_rules
from tests.conftest import codes

RULES = list(all_rules().values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_metadata_is_complete(rule):
    assert re.fullmatch(r"NL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.category in CATEGORIES.values()
    assert rule.summary and rule.explanation and rule.bad and rule.good


def test_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_example_fires_the_rule(rule):
    assert rule.code in codes(rule.bad, rule.code, against=[rule.source] if rule.cross else None)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_stays_silent(rule):
    assert rule.code not in codes(rule.good, rule.code, against=[rule.source] if rule.cross else None)


@pytest.mark.parametrize("rule", [r for r in RULES if r.cross], ids=lambda r: r.code)
def test_cross_rules_have_a_source_example(rule):
    assert rule.source and rule.category == "sources"
