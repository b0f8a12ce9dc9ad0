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


def test_enabling_one_code_keeps_the_others_disabled():
    text = f"<!-- newslint: disable NL503 NL501 -->\n\n{REPEAT}\n\n<!-- newslint: enable NL501 -->\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == []


def test_enabling_a_code_inside_a_disabled_prefix():
    text = f"<!-- newslint: disable NL5 -->\n\n{REPEAT}\n\n<!-- newslint: enable NL503 -->\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == ["NL503"]


def test_enable_without_codes_ends_every_disable():
    text = f"<!-- newslint: disable NL503 NL501 -->\n\n{REPEAT}\n\n<!-- newslint: enable -->\n\n{REPEAT}\n"
    assert codes(text, "NL5", suffix=".md") == ["NL503"]
