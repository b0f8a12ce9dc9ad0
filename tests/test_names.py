"""The name facts behind NL204 (its cases are in tests/fixtures/places/NL204.yaml)."""

from __future__ import annotations

import pytest

from newslint.analysis.names import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("KIM JONG UN", "Kim Jong Un"),
        ("José Mourinho", "Jose Mourinho"),
        ("Qaddafi", "Gaddafi"),
        ("J.K. Rowling", "J. K. Rowling"),
    ],
)
def test_keys_fold_spelling(a, b):
    assert name_key(a) == name_key(b)


def test_keys_keep_distinct_names_apart():
    assert name_key("Kim Jong Un") != name_key("Kim Jong Nam")
    assert name_key("Joe Biden") != name_key("Hunter Biden")
