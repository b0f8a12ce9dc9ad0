"""Draft/source pairs written for these tests: planted differences are caught, clean drafts stay silent."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, SEEDS, codes, flagged, out, run_cli

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

# NL601 is off by default; selecting every code runs it too.
ALL_SOURCE_RULES = ["NL601", "NL602", "NL603", "NL604", "NL605", "NL606", "NL607"]

PAIRS = [
    # (draft, codes expected with --against WIRE)
    ("Aid agencies moved 2,500 families from the flooded valley.", ["NL606"]),
    ("Aid agencies moved about 2,500 families from the flooded valley.", ["NL606"]),
    ("Aid agencies moved more than 2,500 families from the flooded valley.", []),
    ("Aid agencies moved more than 3,500 families from the flooded valley.", []),
    ("The camp is about 45 miles south of the city.", ["NL602"]),
    ("The camp is about 45 kilometers (28 miles) south of the city.", []),
    ("The camp is about 28 miles south of the city.", []),
    ("Winds reached 95 mph on Monday.", ["NL602"]),
    ("Winds reached 95 km/h (59 mph) on Monday.", []),
    # "tons" may be metric tons: not a different unit from tonnes.
    ("Trucks carried 300 tons of food to the camp.", []),
    ("Trucks carried 300 tonnes of food to the camp.", []),
    ("Families were moved between February 21 and March 1.", ["NL605"]),
    ("Families were moved between February 20 and March 2.", ["NL605"]),
    ("Families were moved between February 20 and March 1.", []),
    ("“We have never seen water rise this fast in the region,” said Maria Lopez.", ["NL607"]),
    ("“We have never seen water rise so fast in the valley,” Lopez said.", ["NL607"]),
    ("“We have never seen water rise this fast in the valley,” said Maria Lopez.", []),
    ("“We have never seen water rise this fast … in the valley,” said Maria Lopez.", []),
    ("The agencies asked donors for $15 million.", ["NL601"]),
    ("The agencies asked donors for $12 million.", []),
    ("The agencies asked donors for about $12 million.", ["NL606"]),
    ("Grain ships sailed from the port city of Nakhin, North Korea.", ["NL603"]),
    ("Grain ships sailed from the port city of Najin, North Korea.", []),
    ("Relief chief Maria Lopes visited the camp.", ["NL604"]),
    ("Relief chief María López visited the camp.", []),
    ("Volodymyr Zelenskyy thanked the agencies.", ["NL604"]),
    ("Lopez thanked Volodymyr Zelensky for his help.", []),
    # Facts the sources do not mention, and the draft's own attributed material, are not findings.
    ("The valley was last flooded in 1987, when 40 people died, the town's archive shows.", []),
    ("“The roads are gone,” a farmer told our reporter. The river rose 3 meters in a day.", []),
    ("Schools in the city will reopen on March 9.", []),
    ("Aid also reached Nigeria and Tbilisi, and Mario Lopez sent money from Austria.", []),
]


@pytest.mark.parametrize(("draft", "expected"), PAIRS)
def test_draft_against_the_wire(draft, expected):
    assert codes(draft, ALL_SOURCE_RULES, against=[WIRE]) == expected


def test_planted_contradiction_points_into_the_source():
    draft = "The camp is about 45 miles south of the city."
    [flag] = flagged(draft, "NL602", against=[WIRE])
    assert flag == "45 miles"


def test_a_clean_rewrite_of_the_whole_wire_is_silent():
    rewrite = (
        "More than 2,500 families were moved out of the flooded valley between February 20 and March 1, "
        "aid agencies said.\n\n"
        "Their new camp, about 45 kilometers (28 miles) south of the city, has received 300 tonnes of food.\n\n"
        "“We have never seen water rise this fast in the valley,” said Maria Lopez.\n\n"
        "Donors have been asked for $12 million.\n"
    )
    assert codes(rewrite, ALL_SOURCE_RULES, against=[WIRE]) == []


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
