"""The command line as a newcomer meets it: what a desk editor reads, honest exits, several
paths where several make sense. Each test runs the real command in a subprocess."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from newslint import __version__
from newslint.config import Config, load_config
from tests.conftest import ROOT, err, out, run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPEAT = "Officials said the the road would reopen.\n"
KIEV = "Drones struck Kiev overnight. In Kiev, the the mayor said power was cut.\n"
CLEAN = "The council met on Monday.\n"
ANSI = "\x1b["


@pytest.fixture
def desk(tmp_path):
    (tmp_path / "story.md").write_text(REPEAT)
    (tmp_path / "kiev.txt").write_text(KIEV)
    (tmp_path / "clean.txt").write_text(CLEAN)
    return tmp_path


def on_terminal(*args: str, env: dict[str, str], cwd) -> str:
    """What `newslint ARGS` prints when its standard output is a terminal."""
    main, child = pty.openpty()
    run = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        stdout=child,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        timeout=300,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert run.returncode == 1, run.stderr
    return b"".join(chunks).decode()


# Output a desk editor reads


def test_each_line_names_the_severity(desk):
    result = run_cli("check", "story.md", cwd=desk)
    assert out(result).splitlines()[0] == "story.md:1:16: NL503 warning: 'the' is repeated"


def test_colour_only_on_a_terminal_and_never_with_no_color(desk):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    piped = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "story.md"],
        capture_output=True,
        cwd=desk,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert ANSI not in piped.stdout.decode()
    coloured = on_terminal("check", "story.md", env={"NO_COLOR": ""}, cwd=desk)
    assert "\x1b[33mwarning\x1b[0m" in coloured and "'the' is repeated" in coloured
    plain = on_terminal("check", "story.md", env={"NO_COLOR": "1"}, cwd=desk)
    assert ANSI not in plain and "story.md:1:16: NL503 warning: 'the' is repeated" in plain
    assert "\x1b[33mwarning" in out(run_cli("check", "story.md", "--color", "always", cwd=desk))


def test_group_prints_a_header_per_file(desk):
    result = run_cli("check", "story.md", "kiev.txt", "--group", "--select", "NL503,NL202", cwd=desk)
    assert out(result).splitlines()[:7] == [
        "kiev.txt",
        "     1:15   warning NL202  house style spells this place 'Kyiv', not 'Kiev'",
        "     1:34   warning NL202  house style spells this place 'Kyiv', not 'Kiev'",
        "     1:40   warning NL503  'the' is repeated",
        "",
        "story.md",
        "     1:16   warning NL503  'the' is repeated",
    ]


def test_the_summary_counts_by_severity_and_family(desk):
    last = out(run_cli("check", "story.md", "kiev.txt", "--select", "NL503,NL202", cwd=desk)).splitlines()[-1]
    assert last == "Found 4 problems (4 warning) in 2 files, by family: 2 places, 2 readability; 4 fixable with --fix."


def test_fix_says_what_it_fixed(desk):
    result = run_cli("check", "story.md", "kiev.txt", "clean.txt", "--fix", "--select", "NL503,NL202", cwd=desk)
    assert result.returncode == 0, err(result)
    assert out(result).splitlines()[0] == "Fixed 4 problems in 2 files (NL202 x2, NL503 x2)."
    assert (desk / "kiev.txt").read_text() == "Drones struck Kyiv overnight. In Kyiv, the mayor said power was cut.\n"


def test_diff_exits_1_only_when_it_would_change_something(desk):
    assert run_cli("check", "story.md", "--diff", cwd=desk).returncode == 1
    unchanged = run_cli("check", "clean.txt", "--diff", cwd=desk)
    assert unchanged.returncode == 0 and out(unchanged) == ""
    assert (desk / "story.md").read_text() == REPEAT


# Exit 2 never says "All clear"


def test_a_missing_path_is_counted_in_the_summary(desk):
    result = run_cli("check", "clean.txt", "gone.md", cwd=desk)
    assert result.returncode == 2 and "All clear" not in out(result)
    assert out(result).splitlines()[-1] == "No problems in 1 file checked; 1 file could not be checked."
    assert err(result) == "newslint: gone.md: no such file or directory\n"


def test_a_binary_file_is_counted_next_to_the_findings(desk):
    (desk / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli("check", "story.md", "photo.txt", "--select", "NL503", cwd=desk)
    assert result.returncode == 2
    assert out(result).splitlines()[-1].endswith("; 1 fixable with --fix; 1 file could not be checked.")


def test_a_configuration_typo_is_named_once_and_nothing_is_all_clear(desk):
    (desk / "newslint.toml").write_text('fail-levle = "info"\n')
    result = run_cli("check", "clean.txt", "story.md", cwd=desk)
    assert result.returncode == 2
    assert out(result) == "Nothing was checked: 2 files could not be checked.\n"
    assert err(result).count("unknown key 'fail-levle'") == 1


def test_an_explicit_configuration_typo_counts_the_files_it_stops(desk):
    (desk / "typo.toml").write_text("selct = []\n")
    result = run_cli("check", ".", "--config", "typo.toml", cwd=desk)
    assert result.returncode == 2 and "unknown key 'selct'" in err(result)
    assert out(result) == "Nothing was checked: 3 files could not be checked.\n"


# explain and init


def test_explain_prints_option_defaults_as_toml():
    text = out(run_cli("explain", "NL201"))
    assert "  check-quotes = false\n" in text and "False" not in text
    assert '  system = "metric-first"\n' in out(run_cli("explain", "NL104"))


def test_init_writes_every_key_commented_and_parses_to_the_defaults(desk):
    assert run_cli("init", cwd=desk).returncode == 0
    text = (desk / "newslint.toml").read_text()
    for key in ("# model = ", "# select = ", "ignore = ", "fail-level = ", "max-file-bytes = ", "[severity]"):
        assert key in text
    table = tomllib.loads(text)
    assert table["readability"]["max-sentence-words"] == 50 and table["places"]["check-quotes"] is False
    loaded = load_config(desk / "newslint.toml")
    assert (loaded.fail_level, loaded.max_file_bytes, loaded.select) == (
        Config().fail_level,
        Config().max_file_bytes,
        None,
    )
    assert {r.code for r in loaded.rules()} == {r.code for r in Config().rules()}


# stats and inspect take several files and directories


def test_stats_and_inspect_take_files_and_directories(desk):
    (desk / "more").mkdir()
    (desk / "more" / "a.md").write_text(CLEAN)
    tables = json.loads(out(run_cli("stats", "story.md", "more", "--format", "json", cwd=desk)))
    assert [t["path"] for t in tables] == ["story.md", "more/a.md"]
    text = out(run_cli("stats", "story.md", "more", cwd=desk))
    assert "story.md\n" in text and "more/a.md\n" in text
    analyses = json.loads(out(run_cli("inspect", "story.md", "more", cwd=desk)))
    assert [a["path"] for a in analyses] == ["story.md", "more/a.md"]
    assert isinstance(json.loads(out(run_cli("inspect", "story.md", cwd=desk))), dict)


def test_stats_reports_a_bad_path_and_goes_on(desk):
    result = run_cli("stats", "gone.md", "story.md", cwd=desk)
    assert result.returncode == 2 and "newslint: gone.md:" in err(result) and "story.md\n" in out(result)


# --against takes several paths


@pytest.fixture
def wire(tmp_path):
    (tmp_path / "draft.txt").write_text("The depot is 45 miles from the border, officials said.\n")
    (tmp_path / "a.txt").write_text("The depot is 45 kilometers from the border.\n")
    (tmp_path / "b.txt").write_text("Officials said the depot was 45 kilometers from the border.\n")
    return tmp_path


def test_against_takes_several_paths_after_one_flag_or_the_flag_repeated(wire):
    one_flag = run_cli("check", "draft.txt", "--against", "a.txt", "b.txt", "--select", "NL602", cwd=wire)
    repeated = run_cli("check", "draft.txt", "--against", "a.txt", "--against", "b.txt", "--select", "NL602", cwd=wire)
    assert one_flag.returncode == repeated.returncode == 1
    assert out(one_flag) == out(repeated)
    lines = out(one_flag).splitlines()
    assert lines[0].startswith("draft.txt:1:14: NL602 warning: '45 miles' differs from the sources")
    assert lines[1:3] == ["    a.txt:1:14: source says 45 kilometers", "    b.txt:1:30: source says 45 kilometers"]
    assert lines[-1].startswith("Found 1 problem (1 warning) in 1 file,")


def test_a_draft_among_its_sources_is_left_out_with_a_note(wire):
    result = run_cli("check", "draft.txt", "--against", ".", "--select", "NL602", cwd=wire)
    assert result.returncode == 1 and "All clear" not in out(result)
    assert "newslint: draft.txt: also a draft; left out of the sources" in err(result)
    assert "    a.txt:1:14: source says 45 kilometers" in out(result)


def test_against_with_an_equals_sign_takes_the_paths_after_it_too(wire):
    result = run_cli("check", "draft.txt", "--against=a.txt", "b.txt", "--select", "NL602", cwd=wire)
    assert "    b.txt:1:30: source says 45 kilometers" in out(result)
    assert not any(line.startswith("b.txt:") for line in out(result).splitlines())


def test_an_unreadable_source_is_not_all_clear(wire):
    result = run_cli("check", "draft.txt", "--against", "gone.txt", "--select", "NL602", cwd=wire)
    assert result.returncode == 2 and err(result) == "newslint: gone.txt: no such file or directory\n"
    assert out(result) == "No problems in 1 file checked; 1 other error reported above.\n"


def test_against_with_no_draft_is_a_usage_error(wire):
    result = run_cli("check", "--against", "a.txt", "b.txt", cwd=wire)
    assert result.returncode == 2 and "Missing argument 'PATHS...'" in err(result)


# The version


def test_version_is_reported_and_has_a_changelog_entry():
    assert out(run_cli("--version")) == f"newslint, version {__version__}\n"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in changelog and f"## {__version__}" in changelog
