"""What the README shows exists and runs as written: every line of its ```sh blocks, the `$ `
command of each ```text sample (which must print the lines shown, in order: samples may be
abridged), the paths it names and the pre-commit `rev`.

`# exits N` at the end of a command gives its exit code (0 otherwise). The set-up line installs
the project into a fresh virtualenv, so it is `slow`; the test command is the suite itself,
which CI runs verbatim (see test_readme.py)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

from newslint.registry import all_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", README, re.S | re.M)
SH = [line for kind, body in BLOCKS if kind == "sh" for line in body.splitlines() if line.strip()]
SAMPLES = [body for kind, body in BLOCKS if kind == "text" and body.startswith("$ ")]
TEST_COMMAND = ".venv/bin/python -m pytest"
SLOW = ("pip install", "newslint check", "newslint compare")


def expected_exit(line: str) -> tuple[str, int]:
    """The command and the exit code its `# exits N` comment gives."""
    command, _, comment = line.partition("  # ")
    found = re.fullmatch(r"exits (\d)", comment.strip())
    return command.strip(), int(found.group(1)) if found else 0


def shell(command: str, tmp_path, cwd=ROOT) -> subprocess.CompletedProcess:
    """`command` in bash from the checkout, `newslint` being this checkout's command line."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "newslint"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newslint "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, timeout=1800)


def params(lines, slow_words=SLOW):
    return [
        pytest.param(line, marks=pytest.mark.slow) if any(w in line for w in slow_words) else line
        for line in lines
        if expected_exit(line)[0] != TEST_COMMAND
    ]


def test_the_readme_has_commands_to_run():
    assert len(SH) >= 5 and len(SAMPLES) >= 3
    assert TEST_COMMAND in [expected_exit(line)[0] for line in SH]


@pytest.mark.parametrize("line", params([line for line in SH if "pip install" not in line]))
def test_sh_command_runs_as_written(line, tmp_path):
    command, code = expected_exit(line)
    result = shell(command, tmp_path)
    assert result.returncode == code, result.stderr.decode()
    assert b"Traceback" not in result.stderr and result.stdout


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.splitlines()[0][2:60] for s in SAMPLES])
def test_sample_output_is_what_the_command_prints(sample, tmp_path):
    command, *shown = sample.rstrip("\n").splitlines()
    printed = shell(command[2:], tmp_path).stdout.decode().splitlines()
    at = 0
    for line in shown:
        assert line in printed[at:], f"{line!r} is not printed by `{command[2:]}` (in this order)"
        at = printed.index(line, at) + 1


@pytest.mark.slow
def test_the_set_up_line_runs_in_a_fresh_clone(tmp_path):
    [line] = [line for line in SH if "pip install" in line]
    command, code = expected_exit(line)
    clone = tmp_path / "clone"
    files = (
        subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source, target = ROOT / name, clone / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    result = shell(command.replace("python3 ", f"{sys.executable} ", 1), tmp_path, cwd=clone)
    assert result.returncode == code, result.stderr.decode()[-3000:]
    assert "Found " in result.stdout.decode()


def test_every_path_the_readme_names_exists():
    named = set(re.findall(r"\b((?:benchmarks|tools|docs|seeds|rules|tests)/[\w./-]*\w)", README))
    named |= set(re.findall(r"\[[^]]*\]\(((?!https?:|#)[^)]+)\)", README))
    assert named, "the README names no paths"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"the README names paths that do not exist: {missing}"


def test_the_pre_commit_rev_is_a_commit_of_this_repository():
    rev = re.search(r"repo: https://github.com/newslint/newslint\n\s+rev: (\S+)", README).group(1)
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True
    )
    assert found.returncode == 0, f"rev {rev} is neither a tag nor a commit here"


def test_the_readme_claims_only_what_exists():
    if not any(code.startswith("NL9") for code in all_rules()):
        assert "NL9" not in README, "NL9xx house-style packs are named but none exists"
    if not list((ROOT / "newslint").glob("server*")):
        assert "live in" not in README, "the README promises a language server that does not exist"
