"""A real editor: headless Neovim attached to `newslint server`, reading vim.diagnostic.get() back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_422477f4c2499d09.txt"
NVIM = shutil.which("nvim")


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (CI installs it: apt-get install neovim)")
def test_neovim_shows_the_diagnostics_and_applies_a_fix(tmp_path):
    draft = tmp_path / SEED.name
    shutil.copyfile(SEED, draft)
    out = tmp_path / "result.json"
    env = {
        **os.environ,
        "NEWSLINT_DRAFT": str(draft),
        "NEWSLINT_OUT": str(out),
        "NEWSLINT_PYTHON": sys.executable,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),  # no user configuration, no shada file
    }
    script = ROOT / "tests" / "lsp" / "nvim_client.lua"
    subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=env,
        cwd=tmp_path,
        timeout=180,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result
    found = {(d["code"], d["lnum"]) for d in result["diagnostics"]}
    assert found == {("NL102", 5)}  # what `newslint check` reports for this seed
    assert result["action"].startswith("NL102: ")
    original = SEED.read_text(encoding="utf-8").splitlines()[5]
    assert "180.198 miles" in original and result["fixed_line"] == original.replace("180.198 miles", "180 miles")
