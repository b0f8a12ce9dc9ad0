"""Unknown rule codes stop the run with exit 2 and a suggestion, wherever they are written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.registry import selector_problem


@pytest.mark.parametrize("selector", ["NL", "NL5", "nl50", "NL503", "NL6", "NL60"])
def test_codes_and_prefixes_of_real_rules_are_accepted(selector):
    assert selector_problem(selector) is None


@pytest.mark.parametrize(
    ("selector", "suggestion"),
    [
        ("NL5O3", "did you mean NL503?"),
        ("NL1034", "did you mean NL104?"),
        ("NL999", "see `newslint rules`"),
        ("XY", "see `newslint rules`"),
        ("5", "see `newslint rules`"),
        ("E501", "did you mean NL501?"),
    ],
)
def test_unknown_selectors_are_named_with_a_suggestion(selector, suggestion):
    assert selector_problem(selector) == f"no rule code or prefix {selector!r} ({suggestion})"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_on_the_command_line_is_a_usage_error(tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text("Officials said the road would reopen.\n")
    result = CliRunner().invoke(main, ["check", "story.md", option, "NL501,NL5O3"])
    assert result.exit_code == 2
    assert "no rule code or prefix 'NL5O3' (did you mean NL503?)" in result.output
    assert "All clear" not in result.output


@pytest.mark.parametrize("key", ["select", "ignore"])
def test_unknown_code_in_the_configuration_names_the_key_and_file(tmp_path, monkeypatch, key):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text(f'{key} = ["NL9O1"]\n')
    (tmp_path / "story.md").write_text("Officials said the road would reopen.\n")
    result = CliRunner().invoke(main, ["check", "story.md"])
    assert result.exit_code == 2
    assert f"newslint.toml: '{key}': no rule code or prefix 'NL9O1' (did you mean NL601?)" in result.output


def test_unknown_code_in_a_suppression_comment_is_an_error_and_the_file_still_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(
        "Officials said the the road would reopen.\n\n<!-- newslint: ignore NL5O3 -->\nThe the bridge too.\n"
    )
    result = CliRunner().invoke(main, ["check", "story.md", "--select", "NL503"])
    assert result.exit_code == 2
    assert "story.md: suppression comment on line 3: no rule code or prefix 'NL5O3' (did you mean NL503?)" in (
        result.output
    )
    assert result.output.count("NL503 warning") == 2


def test_known_codes_and_prefixes_in_suppression_comments_are_fine(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(
        "<!-- newslint: ignore NL5 NL401 -->\nOfficials said the the road would reopen.\n"
    )
    result = CliRunner().invoke(main, ["check", "story.md"])
    assert result.exit_code == 0, result.output
