"""Every rule's functional fixture (tests/fixtures/FAMILY/NLxxx.yaml): the marked findings, no more."""

from __future__ import annotations

import pytest

from newslint.registry import all_rules
from tests.fixture_runner import all_cases, check, fixture_files

CASES = all_cases()


@pytest.mark.parametrize("case", [case for _, case in CASES], ids=[name for name, _ in CASES])
def test_fixture(case):
    check(case)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda path: path.stem)
def test_each_fixture_sits_in_its_rules_family(path):
    rules = all_rules()
    assert path.stem in rules and path.parent.name == rules[path.stem].category
