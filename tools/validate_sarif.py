"""Validate newslint's SARIF with Microsoft's SARIF multitool and its GitHub rules:

    npm install --prefix .ci/node @microsoft/sarif-multitool@5.7.0
    python tools/validate_sarif.py [FILE.sarif ...]

Without files it validates `newslint check seeds --format sarif` and `newslint compare seeds`.
Prints every error and warning the multitool reports and exits 1 when there is one.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_PREFIX = ROOT / ".ci" / "node"
RULE_KINDS = "Sarif;Gh"  # the SARIF specification's rules and those of GitHub code scanning
FAILING_LEVELS = ("error", "warning")
RUNS = (("check", "seeds"), ("compare", "seeds"))


def multitool() -> Path | None:
    """The multitool's native binary installed under .ci/node, or None."""
    platform = {"win32": "win32", "darwin": "darwin"}.get(sys.platform, "linux")
    name = "Sarif.Multitool.exe" if platform == "win32" else "Sarif.Multitool"
    binary = NODE_PREFIX / "node_modules" / "@microsoft" / f"sarif-multitool-{platform}" / name
    if not binary.is_file():
        return None
    if not os.access(binary, os.X_OK):  # its install script may not have run
        binary.chmod(binary.stat().st_mode | stat.S_IXUSR)
    return binary


def problems(sarif: Path, tool: Path) -> list[str]:
    """The multitool's errors and warnings about `sarif`, one line each."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "validation.sarif"
        run = subprocess.run(
            [str(tool), "validate", "--rule-kind", RULE_KINDS, "--output", str(report), str(sarif)],
            capture_output=True,
            text=True,
        )
        if not report.is_file():
            raise RuntimeError(f"the multitool wrote no report (exit {run.returncode}): {run.stdout}{run.stderr}")
        results = json.loads(report.read_text(encoding="utf-8-sig"))["runs"][0].get("results", [])
    return [
        f"{r.get('level', 'warning')} {r['ruleId']}: {r['message'].get('text') or r['message'].get('arguments')}"
        for r in results
        if r.get("level", "warning") in FAILING_LEVELS
    ]


def newslint_sarif(args: tuple[str, ...], folder: Path) -> Path:
    """`newslint ARGS --format sarif` written to a file in `folder`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "newslint", *args, "--format", "sarif"], cwd=ROOT, env=env, capture_output=True
    )
    if run.returncode not in (0, 1):
        raise RuntimeError(f"newslint {' '.join(args)} exited {run.returncode}: {run.stderr.decode()}")
    target = folder / f"{'-'.join(args)}.sarif"
    target.write_bytes(run.stdout)
    return target


def main(argv: list[str]) -> int:
    tool = multitool()
    if tool is None:
        print(f"the SARIF multitool is not installed in {NODE_PREFIX} (see this file's docstring)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(a) for a in argv] or [newslint_sarif(args, Path(folder)) for args in RUNS]
        failed = False
        for sarif in files:
            found = problems(sarif, tool)
            print(f"{sarif.name}: {len(found)} errors or warnings from the SARIF multitool ({RULE_KINDS})")
            for line in found:
                print(f"  {line}")
            failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
