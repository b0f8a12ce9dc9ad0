"""NL6xx beyond their fixtures (tests/fixtures/sources): related source locations, options, `compare` on the seeds."""

from __future__ import annotations

import json

from tests.conftest import ROOT, SEEDS, codes, out, run_cli

WIRE = (
    "GENEVA, March 3 (Wire) - Aid agencies said on Tuesday that more than 2,500 families had been "
    "moved from the flooded valley between February 20 and March 1.\n\n"
    "The new camp lies about 45 kilometers south of the city, officials said. Trucks carried 300 "
    "tonnes of food to the camp.\n\n"
    "“We have never seen water rise this fast in the valley,” said Maria Lopez, who leads the relief effort.\n\n"
    "Grain ships sailed from the port city of Najin, North Korea, last week. Volodymyr Zelensky sent "
    "a message of support.\n\n"
    "The agencies have asked donors for $12 million. Winds reached 95 km/h on Monday.\n"
)


def test_against_reports_related_source_locations_in_text_output(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("The camp is about 45 miles south of the city.\n", encoding="utf-8")
    result = run_cli("check", "draft.txt", "--against", "wire.txt", "--select", "NL6", cwd=tmp_path)
    lines = out(result).splitlines()
    assert lines[0] == "draft.txt:1:19: NL602 warning: '45 miles' differs from the sources, which give 45 kilometers"
    assert lines[1] == "    wire.txt:3:25: source says 45 kilometers"


def test_sources_options_limit_the_kinds_compared():
    draft = "The camp is about 45 miles south of the city."
    assert codes(draft, "NL6", against=[WIRE], sources={"compare": ["quotes"]}) == []


def test_compare_the_seeds():
    """Five outlets' versions of one story: the known disagreements, each at the minority version."""
    seeds = sorted(str(p.relative_to(ROOT)) for p in SEEDS.glob("*.txt"))
    result = run_cli("compare", *seeds, "--format", "json")
    found = {(d["path"][6:9], d["code"], d_text(d)) for d in json.loads(out(result))}
    assert ("003", "NL602", "290 miles") in found
    assert ("002", "NL603", "Nakhin") in found
    assert ("004", "NL606", "1,000") in found
    assert {("000", "NL604", "Kim Jong-un"), ("002", "NL604", "Kim Jong-un")} <= found
    agreed = ("Tikhoretsk", "Dunay", "September 7", "October 1", "John Kirby", "Kirby", "Najin")
    assert not [f for f in found if any(a in f[2] for a in agreed)]


def d_text(item: dict) -> str:
    path = ROOT / item["path"]
    lines = path.read_text(encoding="utf-8").splitlines()
    start, end = item["range"]["start"], item["range"]["end"]
    assert start["line"] == end["line"]
    return lines[start["line"] - 1][start["column"] - 1 : end["column"] - 1]


TIED = "The hearing on March {day} was closed to the public, the court said."


def tied_finding(tmp_path, *names: str, config: str = "") -> list[str]:
    """The paths that `compare` reports for two versions of one date, one per name."""
    if config:
        (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    for name, day in zip(names, (3, 4), strict=True):
        (tmp_path / name).write_text(TIED.format(day=day) + "\n", encoding="utf-8")
    result = run_cli("compare", *names, "--select", "NL605", "--format", "json", cwd=tmp_path)
    return [d["path"] for d in json.loads(out(result))]


def test_compare_on_a_tie_reports_the_later_version(tmp_path):
    assert tied_finding(tmp_path, "a.txt", "b.txt") == ["b.txt"]


def test_compare_on_a_tie_spares_the_reference_source(tmp_path):
    config = '[sources]\nreference = ["AP", "Reuters"]\n'
    assert tied_finding(tmp_path, "local.txt", "ap.txt", config=config) == ["local.txt"]


def test_compare_on_a_tie_spares_the_older_version(tmp_path):
    (tmp_path / "new.md").write_text("---\ndate: 2024-03-05\n---\n\n" + TIED.format(day=3) + "\n", encoding="utf-8")
    (tmp_path / "old.md").write_text("---\ndate: 2024-03-04\n---\n\n" + TIED.format(day=4) + "\n", encoding="utf-8")
    result = run_cli("compare", "new.md", "old.md", "--select", "NL605", "--format", "json", cwd=tmp_path)
    assert [d["path"] for d in json.loads(out(result))] == ["new.md"]
