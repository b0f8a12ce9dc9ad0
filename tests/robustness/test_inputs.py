"""Inputs that are not plain UTF-8 regular files: refused in one line, exit 2, the rest linted."""

from __future__ import annotations

import codecs
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, err, out, run_cli

GOOD = "The mayor opened the new bridge on Tuesday.\n"
LINTED_ONE = "in 1 file"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def check(desk: Path, *args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    return run_cli("check", "--select", "NL502", *args, input=input, cwd=desk)


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 2, err(result)
    assert err(result).strip() == f"newslint: {message}"
    assert "Traceback" not in err(result)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_refused_without_blocking(desk):
    os.mkfifo(desk / "pipe.txt")
    result = check(desk, "pipe.txt", "good.txt")
    assert_refused(result, "pipe.txt: not a regular file (a named pipe)")
    assert LINTED_ONE in out(result)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_character_device_is_not_read(desk):
    result = check(desk, "/dev/zero", "good.txt")
    assert_refused(result, "/dev/zero: not a regular file (a character device)")
    assert LINTED_ONE in out(result)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_is_refused(desk):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(desk / "sock.txt"))
        result = check(desk, "sock.txt", "good.txt")
    assert_refused(result, "sock.txt: not a regular file (a socket)")
    assert LINTED_ONE in out(result)


def test_directory_symlink_is_walked_as_a_directory(desk):
    (desk / "drafts").mkdir()
    (desk / "drafts" / "story.txt").write_text(GOOD, encoding="utf-8")
    (desk / "linked").symlink_to(desk / "drafts", target_is_directory=True)
    result = check(desk, "linked")
    assert result.returncode == 0, err(result)
    assert LINTED_ONE in out(result)


def test_file_over_the_size_limit_is_refused(desk):
    (desk / "newslint.toml").write_text("max-file-bytes = 100\n", encoding="utf-8")
    (desk / "long.txt").write_text("word " * 40, encoding="utf-8")
    result = check(desk, "long.txt", "good.txt")
    assert_refused(result, "long.txt: too large: 200 bytes, over the limit of 100 bytes (max-file-bytes)")
    assert LINTED_ONE in out(result)


def test_stdin_over_the_size_limit_is_refused(desk):
    (desk / "newslint.toml").write_text("max-file-bytes = 100\n", encoding="utf-8")
    result = check(desk, "-", "good.txt", input=b"word " * 40)
    assert_refused(result, "-: too large: over the limit of 100 bytes (max-file-bytes)")
    assert LINTED_ONE in out(result)


def test_symlink_loop_is_named_as_such(desk):
    (desk / "a.txt").symlink_to(desk / "b.txt")
    (desk / "b.txt").symlink_to(desk / "a.txt")
    result = check(desk, "a.txt", "good.txt")
    assert_refused(result, "a.txt: symlink loop")
    assert LINTED_ONE in out(result)


def test_stdin_filename_that_is_a_symlink_loop_still_lints_stdin(desk):
    (desk / "a.txt").symlink_to(desk / "b.txt")
    (desk / "b.txt").symlink_to(desk / "a.txt")
    result = check(desk, "--stdin-filename", "a.txt", "-", input=GOOD.encode())
    assert result.returncode == 0, err(result)
    assert LINTED_ONE in out(result)


def test_closed_stdin_is_a_clean_error(desk):
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m newslint check --select NL502 - good.txt <&-', sys.executable],
        capture_output=True,
        cwd=desk,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert_refused(result, "-: standard input is closed")
    assert LINTED_ONE in out(result)


@pytest.mark.parametrize(
    ("codec", "mark", "name"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32"),
    ],
)
def test_utf16_and_utf32_are_refused_and_never_rewritten(desk, codec, mark, name):
    data = mark + "They met in Kiev.\n".encode(codec)
    (desk / "wide.txt").write_bytes(data)
    result = run_cli("check", "--select", "NL202", "--fix", "wide.txt", cwd=desk)
    assert_refused(result, f"wide.txt: {name} is not supported; save the file as UTF-8")
    assert (desk / "wide.txt").read_bytes() == data
