"""Inline suppressions in Markdown and plain text."""

from __future__ import annotations

from tests.conftest import codes

REPEAT = "Officials said the the road would reopen."


def test_disable_until_enable():
    text = f"{REPEAT}\n\n<!-- newslint: disable NL503 -->\n\n{REPEAT}\n\n<!-- newslint: enable NL503 -->\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == ["NL503", "NL503"]


def test_disable_without_codes_silences_everything_after_it():
    text = f"{REPEAT}\n\n<!-- newslint: disable -->\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == ["NL503"]


def test_ignore_covers_the_next_paragraph_only():
    text = f"<!-- newslint: ignore NL503 -->\n{REPEAT}\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == ["NL503"]


def test_prefixes_and_other_codes():
    assert codes(f"<!-- newslint: ignore NL5 -->\n{REPEAT}\n", "NL5", suffix=".md") == []
    assert codes(f"<!-- newslint: ignore NL401 -->\n{REPEAT}\n", "NL5", suffix=".md") == ["NL503"]


def test_plain_text_supports_the_same_comments():
    assert codes(f"<!-- newslint: ignore NL503 -->\n{REPEAT}\n", "NL5") == []
