"""`newslint batch` on a local Dask cluster of two workers: the findings of `check`, resumable runs."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import threading
import time

import pytest

distributed = pytest.importorskip("distributed", reason="newslint batch needs the batch extra (Dask)")
pq = pytest.importorskip("pyarrow.parquet", reason="newslint batch needs the batch extra (pyarrow)")

from newslint.batch.command import batch  # noqa: E402
from newslint.batch.runner import Plan, run  # noqa: E402
from newslint.batch.stories import Settings  # noqa: E402
from newslint.config import ConfigResolver  # noqa: E402
from tests.conftest import SEEDS, err, out, run_cli  # noqa: E402

LATIN1 = "Caf\xe9 owners said the the thing.\n".encode("latin-1")


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    )
    with cluster:
        yield cluster.scheduler_address


@pytest.fixture
def desk(tmp_path):
    """The seeds, a folder with its own configuration, and a file that cannot be read."""
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "newslint.toml").write_text('select = ["NL503"]\n')
    (tmp_path / "desk" / "typo.txt").write_text("Officials said the the road would reopen.\n")
    (tmp_path / "latin1.txt").write_bytes(LATIN1)
    return tmp_path


def plan(inputs, out_dir, scheduler, chunk_size=2) -> Plan:
    return Plan(tuple(inputs), out_dir, Settings(ConfigResolver()), chunk_size=chunk_size, scheduler=scheduler)


def ordered(findings: list[dict]) -> list[dict]:
    return sorted(findings, key=lambda f: (f["path"], f["range"]["start"]["line"], f["range"]["start"]["column"]))


def ordered_results(results: list[dict]) -> list[dict]:
    def where(result: dict) -> tuple:
        place = result["locations"][0]["physicalLocation"]
        return place["artifactLocation"]["uri"], place["region"]["startLine"], place["region"]["startColumn"]

    return sorted(results, key=where)


def test_batch_finds_what_check_finds(desk, scheduler, monkeypatch, capsys):
    monkeypatch.chdir(desk)
    exports = {"jsonl": desk / "all.jsonl", "sarif": desk / "all.sarif"}
    code = batch((".",), desk / "results", scheduler=scheduler, chunk_size=3, **exports)
    assert code == 2  # latin1.txt could not be read
    printed = capsys.readouterr()
    assert "newslint: latin1.txt: not valid UTF-8" in printed.err
    assert "NL503" in printed.out and "per 1,000 words" in printed.out
    checked = run_cli("check", ".", "--format", "json", "--jobs", "1", cwd=desk)
    batched = [json.loads(line) for line in (desk / "all.jsonl").read_text().splitlines()]
    assert ordered(batched) == ordered(json.loads(out(checked)))
    assert {f["path"] for f in batched} >= {"desk/typo.txt", "003_a0399bd29a136b03.txt"}
    sarif = run_cli("check", ".", "--format", "sarif", "--jobs", "1", cwd=desk)
    expected, exported = json.loads(out(sarif))["runs"][0], json.loads(exports["sarif"].read_text())["runs"][0]
    assert exported["tool"] == expected["tool"]
    assert ordered_results(exported["results"]) == ordered_results(expected["results"])


def test_story_archives_in_json_lines_and_parquet_give_the_same_findings(tmp_path, scheduler):
    seeds = sorted(SEEDS.glob("*.txt"))
    records = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "date": "2024-03-01"} for p in seeds]
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"id": "broken"}\n')
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(records), tmp_path / "stories.parquet")
    from_lines = run(plan([str(jsonl)], tmp_path / "a", scheduler))
    from_parquet = run(plan([str(tmp_path / "stories.parquet")], tmp_path / "b", scheduler))
    assert from_lines.summary.by_story == from_parquet.summary.by_story
    assert set(from_lines.summary.by_story) == {p.name for p in seeds}
    [error] = from_lines.summary.errors
    assert error.endswith("stories.jsonl:6: not a story: a record needs a `text` string")
    assert from_parquet.summary.stories == 5 and not from_parquet.summary.errors


def test_a_rerun_after_an_interruption_lints_only_the_missing_chunks(tmp_path, scheduler):
    results = tmp_path / "results"
    first = run(plan([str(SEEDS)], results, scheduler, chunk_size=1))
    assert (first.done, first.skipped, len(first.files)) == (5, 0, 5)
    kept = {path: path.stat().st_mtime_ns for path in first.files[:3]}
    for path in first.files[3:]:
        path.unlink()
    (results / f".{first.files[3].name}.0123abcd.partial").write_bytes(b"PAR1 cut short")  # a killed writer's
    second = run(plan([str(SEEDS)], results, scheduler, chunk_size=1))
    assert (second.done, second.skipped) == (2, 3)
    assert {path: path.stat().st_mtime_ns for path in first.files[:3]} == kept
    assert sorted(p.name for p in results.iterdir()) == sorted(p.name for p in first.files)
    assert second.summary.by_code == first.summary.by_code and second.summary.words == first.summary.words
    unreachable = run(plan([str(SEEDS)], results, "tcp://127.0.0.1:9", chunk_size=1))  # nothing left: no cluster
    assert (unreachable.done, unreachable.skipped) == (0, 5)


def test_a_worker_killed_mid_run_has_its_chunk_redone(tmp_path, scheduler):
    expected = run(plan([str(SEEDS)], tmp_path / "calm", scheduler, chunk_size=1)).summary
    with distributed.Client(scheduler) as client:
        pids = client.run(os.getpid)
        outcome = {}
        runner = threading.Thread(
            target=lambda: outcome.update(result=run(plan([str(SEEDS)], tmp_path / "killed", scheduler, chunk_size=1)))
        )
        runner.start()
        victim = None
        for _ in range(600):
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                victim = busy[0]
                os.kill(pids[victim], signal.SIGKILL)
                break
            time.sleep(0.01)
        runner.join(timeout=120)
    assert victim is not None
    summary = outcome["result"].summary
    assert (summary.by_code, summary.by_story, summary.words) == (expected.by_code, expected.by_story, expected.words)


def test_an_archive_that_names_nothing_is_one_line_and_exit_2(tmp_path):
    result = run_cli("batch", str(tmp_path / "nowhere" / "*.jsonl"), "--out", str(tmp_path / "results"))
    assert result.returncode == 2
    assert err(result).strip().endswith("*.jsonl: no such file or folder, and no file matches it as a pattern")
