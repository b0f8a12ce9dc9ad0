"""`init`, `inspect` and `stats` on paths they cannot use: one line, exit 2, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import err, run_cli


def assert_one_line(result, message: str) -> None:
    assert result.returncode == 2, err(result)
    assert err(result).strip() == f"newslint: {message}"


def test_init_into_a_missing_folder(tmp_path):
    result = run_cli("init", "--path", "missing/newslint.toml", cwd=tmp_path)
    assert_one_line(result, "missing/newslint.toml: cannot write: folder missing does not exist")
    assert not (tmp_path / "missing").exists()


def test_init_under_a_file(tmp_path):
    (tmp_path / "draft.txt").write_text("text\n", encoding="utf-8")
    result = run_cli("init", "--path", "draft.txt/newslint.toml", cwd=tmp_path)
    assert_one_line(result, "draft.txt/newslint.toml: cannot write: draft.txt is not a folder")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that permissions apply to")
def test_init_into_a_read_only_folder(tmp_path):
    (tmp_path / "locked").mkdir(mode=0o555)
    try:
        result = run_cli("init", "--path", "locked/newslint.toml", cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert_one_line(result, "locked/newslint.toml: cannot write: permission denied")


def bad_file(folder: Path, kind: str) -> str:
    if kind == "binary":
        (folder / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    elif kind == "fifo":
        os.mkfifo(folder / "bad.txt")
    return "bad.txt"


PROBLEMS = {
    "binary": "binary file, not text",
    "missing": "no such file or directory",
    "fifo": "not a regular file (a named pipe)",
}


@pytest.mark.parametrize("command", ["inspect", "stats"])
@pytest.mark.parametrize("kind", sorted(PROBLEMS))
def test_inspect_and_stats_refuse_bad_files(tmp_path, command, kind):
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes")
    result = run_cli(command, bad_file(tmp_path, kind), cwd=tmp_path)
    assert_one_line(result, f"bad.txt: {PROBLEMS[kind]}")
