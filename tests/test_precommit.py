"""The published pre-commit hook works in a real `pre-commit` run and catches a planted error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_published_hook_metadata():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "newslint" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text"] and hook["require_serial"] is True


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_try_repo_catches_a_planted_repeated_word(tmp_path):
    project = tmp_path / "newsroom"
    project.mkdir()
    git("init", "-q", cwd=project)
    (project / "story.md").write_text("Officials said the the road would reopen.\n")
    (project / "clean.md").write_text("Officials said the road would reopen.\n")
    git("add", ".", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint", "--all-files", "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "story.md:1:16: NL503 warning: 'the' is repeated" in output
    assert "clean.md:" not in output


def test_repository_hook_installs_the_project_dependencies():
    from newslint.config import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    [hook] = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "newslint"]
    assert hook["additional_dependencies"] == [d for d in project if ";" not in d]
