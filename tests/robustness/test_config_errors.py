"""Bad configurations: one line naming the file and the key, exit 2, never a traceback."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from newslint.config import DEFAULT_MAX_FILE_BYTES, load_config, parse_config, starter_file
from newslint.errors import ConfigError
from newslint.registry import CATEGORIES, family_bounds, family_options
from tests.conftest import err, out, run_cli

GOOD = "The mayor opened the new bridge on Tuesday.\n"


def desk_with(tmp_path: Path, name: str, text: str) -> Path:
    """A folder `bad` holding config `name` and a draft, next to a folder `ok` with a draft."""
    for folder in ("bad", "ok"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "draft.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad" / name).write_text(text, encoding="utf-8")
    return tmp_path


def assert_config_error(tmp_path: Path, name: str, text: str, problem: str) -> None:
    desk = desk_with(tmp_path, name, text)
    result = run_cli("check", "--select", "NL502", "bad/draft.txt", "ok/draft.txt", cwd=desk)
    assert result.returncode == 2, err(result)
    assert err(result).strip() == f"newslint: {desk / 'bad' / name}: {problem}"
    assert "in 1 file" in out(result)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[tool]\nnewslint = 5\n", "[tool.newslint] must be a table, not int 5"),
        ("tool = 5\n", "'tool' must be a table, not int 5"),
        ('[[tool.newslint]]\nselect = ["NL5"]\n', "[tool.newslint] must be a table, not list [{'select': ['NL5']}]"),
    ],
)
def test_pyproject_with_a_misshapen_tool_table(tmp_path, text, problem):
    assert_config_error(tmp_path, "pyproject.toml", text, problem)


@pytest.mark.parametrize("model", ["../x", "os.path", "en core"])
def test_model_that_is_not_a_package_name(tmp_path, model):
    problem = f"'model' must be a spaCy pipeline package name like en_core_web_sm, not {model!r}"
    assert_config_error(tmp_path, "newslint.toml", f'model = "{model}"\n', problem)


@pytest.mark.skipif(not Path(os.devnull).exists(), reason="no null device")
def test_config_dev_null_is_an_empty_configuration(tmp_path):
    (tmp_path / "draft.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--select", "NL502", "--config", os.devnull, "draft.txt", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert "in 1 file" in out(result)


def test_config_that_is_a_directory(tmp_path):
    (tmp_path / "draft.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--config", str(tmp_path), "draft.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert err(result).strip() == f"newslint: {tmp_path}: configuration is not a regular file"


def test_config_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "newslint.toml").write_bytes(b"\xef\xbb\xbf[readability]\nmax-sentence-words = 3\n")
    (tmp_path / "draft.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--select", "NL501", "draft.txt", cwd=tmp_path)
    assert result.returncode == 1, err(result)
    assert "NL501" in out(result) and "limit 3" in out(result)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[readability]\nmax-sentence-words = -1\n", "'readability.max-sentence-words' must be at least 1, not -1"),
        ("[readability]\ntarget-grade = nan\n", "'readability.target-grade' must be a finite number, not nan"),
        ("[units]\ntolerance = 2.0\n", "'units.tolerance' must be 0 to 1, not 2.0"),
        ("[units]\npair-forms = [{}]\n", "'units.pair-forms' entries must be strings, not dict {}"),
        ("[places]\nspellings = {Kiev = 5}\n", "'places.spellings' entries must be strings, not int 5"),
        ("[names]\nspellings = {Qaddafi = 5}\n", "'names.spellings' entries must be strings, not int 5"),
        ('[names]\nspellings = {Qaddafi = " "}\n', "'names.spellings' entries must be names with letters, not ' '"),
        ('[names]\nspellings = {Qaddafi = "Qaddafi"}\n', "'names.spellings' replaces 'Qaddafi' with itself"),
        ('[names]\nspellings = ["Gaddafi"]\n', "'names.spellings' must be a table, not list ['Gaddafi']"),
        ("max-file-bytes = 0\n", "'max-file-bytes' must be at least 1, not 0"),
        ('max-file-bytes = "50MB"\n', "'max-file-bytes' must be an integer, not str '50MB'"),
    ],
)
def test_option_values_out_of_range(tmp_path, text, problem):
    assert_config_error(tmp_path, "newslint.toml", text, problem)


NUMERIC = [
    (family, key)
    for family in CATEGORIES.values()
    for key, default in family_options(family).items()
    if isinstance(default, (int, float)) and not isinstance(default, bool)
]


@pytest.mark.parametrize(("family", "key"), NUMERIC)
def test_every_numeric_option_declares_bounds_that_are_enforced(family, key):
    low, high = family_bounds(family)[key]
    default = family_options(family)[key]
    assert low is not None and (low <= default) and (high is None or default <= high)
    outside = [low - 1] + ([high + 1] if high is not None else [])
    if isinstance(default, float):
        outside += [math.nan, math.inf]
    for value in outside:
        with pytest.raises(ConfigError, match=f"'{family}.{key}' must be"):
            parse_config({family: {key: value}}, Path("newslint.toml"), "test")


def test_list_and_table_options_hold_strings():
    for family in CATEGORIES.values():
        for key, default in family_options(family).items():
            if isinstance(default, (list, dict)):
                entries = default.values() if isinstance(default, dict) else default
                assert all(isinstance(e, str) for e in entries), f"{family}.{key}"


def test_starter_file_shows_the_size_limit(tmp_path):
    (tmp_path / "newslint.toml").write_text(starter_file(), encoding="utf-8")
    assert load_config(tmp_path / "newslint.toml").max_file_bytes == DEFAULT_MAX_FILE_BYTES
    assert "max-file-bytes = 50_000_000" in starter_file()
