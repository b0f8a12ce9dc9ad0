"""Configuration: discovery, validation with clear errors, selection and severities."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import ConfigResolver, load_config, parse_config, starter_file
from newslint.errors import ConfigError
from tests.conftest import err, run_cli

TYPO = "Officials said the the road would reopen.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_configuration_wins(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["NL503"]\n')
    write(tmp_path / "desk" / "pyproject.toml", '[tool.newslint]\nfail-level = "info"\n')
    resolver = ConfigResolver()
    assert resolver.for_path(tmp_path / "a.md").ignore == ("NL503",)
    nested = resolver.for_path(tmp_path / "desk" / "b.md")
    assert nested.fail_level.value == "info" and nested.ignore == ()


def test_pyproject_without_a_newslint_table_is_skipped(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["NL5"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    assert ConfigResolver().for_path(tmp_path / "sub" / "a.md").select == ("NL5",)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("selct = []\n", "unknown key 'selct'"),
        ('select = "NL5"\n', "'select' must be a list"),
        ("select = [5]\n", "entries must be rule codes"),
        ("[readability]\nmax-sentence-word = 3\n", "unknown option 'max-sentence-word' in [readability]"),
        ('[readability]\nmax-sentence-words = "forty"\n', "'readability.max-sentence-words' must be an integer"),
        ("[readability]\nmax-sentence-words = true\n", "'readability.max-sentence-words' must be an integer"),
        ('[severity]\nNL999 = "error"\n', "unknown rule 'NL999'"),
        ('[severity]\nNL501 = "fatal"\n', "severity of NL501 must be one of"),
        ('fail-level = "loud"\n', "'fail-level' must be one of"),
        ("select = [\n", "invalid TOML"),
        ('[figures]\npublication-date = "2024-13-05"\n', "'figures.publication-date' must be a date like 2024-03-05"),
        ('[figures]\npublication-date = "March 5"\n', "'figures.publication-date' must be a date like 2024-03-05"),
    ],
)
def test_bad_configuration_names_the_key_and_file(tmp_path, toml, message):
    path = write(tmp_path / "newslint.toml", toml)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("value", ['"2024-03-05"', "2024-03-05"])
def test_a_publication_date_is_a_string_or_a_toml_date(tmp_path, value):
    config = load_config(write(tmp_path / "newslint.toml", f"[figures]\npublication-date = {value}\n"))
    assert config.options["figures"]["publication-date"] == "2024-03-05"


def test_float_options_accept_integers():
    config = parse_config({"readability": {"target-grade": 9}}, Path("x.toml"), "x")
    assert config.options["readability"]["target-grade"] == 9


def test_prefix_selects_rules_on_by_default_only():
    config = parse_config({"select": ["NL5"]}, Path("x.toml"), "x")
    assert [r.code for r in config.rules()] == ["NL501", "NL503", "NL504"]
    config = parse_config({"select": ["NL5", "NL502"], "ignore": ["NL503"]}, Path("x.toml"), "x")
    assert [r.code for r in config.rules()] == ["NL501", "NL502", "NL504"]


def test_severity_override_reaches_the_output(tmp_path):
    write(tmp_path / "newslint.toml", '[severity]\nNL503 = "error"\n')
    write(tmp_path / "a.md", TYPO)
    result = run_cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert '"severity": "error"' in result.stdout.decode()


def test_config_error_exits_2_and_other_folders_are_still_linted(tmp_path):
    write(tmp_path / "bad" / "newslint.toml", "selct = 1\n")
    write(tmp_path / "bad" / "a.md", TYPO)
    write(tmp_path / "good" / "b.md", TYPO)
    result = run_cli("check", "bad", "good", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'selct'" in err(result)
    assert "good/b.md:1:16: NL503" in result.stdout.decode()
    assert "Traceback" not in err(result)


def test_explicit_config_overrides_discovery(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["NL503"]\n')
    write(tmp_path / "strict.toml", 'fail-level = "info"\n')
    write(tmp_path / "a.md", TYPO)
    assert run_cli("check", "a.md", cwd=tmp_path).returncode == 0
    assert run_cli("check", "a.md", "--config", "strict.toml", cwd=tmp_path).returncode == 1


def test_missing_explicit_config_is_an_error(tmp_path):
    result = run_cli("check", "a.md", "--config", "nope.toml", cwd=tmp_path)
    assert result.returncode == 2 and "nope.toml: configuration file does not exist" in err(result)


def test_init_writes_a_valid_commented_starter(tmp_path):
    result = run_cli("init", cwd=tmp_path)
    assert result.returncode == 0
    text = (tmp_path / "newslint.toml").read_text()
    assert text.startswith("#") and "[readability]" in text and "max-sentence-words = 50" in text
    assert load_config(tmp_path / "newslint.toml") is not None
    again = run_cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in err(again)


def test_starter_file_lists_every_family_option():
    assert "target-grade = 12.0" in starter_file()


def test_an_option_outside_its_choices_is_a_configuration_error(tmp_path):
    path = write(tmp_path / "newslint.toml", '[units]\nsystem = "metrc"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "'units.system' must be one of metric, imperial, metric-first, imperial-first, not 'metrc'" in str(
        info.value
    )
