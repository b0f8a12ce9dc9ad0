"""NL301 contradictory figures and NL302 qualifier drift: 40 positive and 40 negative cases each."""

from __future__ import annotations

import pytest

from tests.conftest import codes, flagged

# (subject, verb, noun phrase, tail): one counted thing per scenario.
SCENARIOS = [
    ("North Korea", "sent", "containers of ammunition", "to Russia"),
    ("The army", "deployed", "troops", "to the border"),
    ("The company", "hired", "engineers", "in Berlin"),
    ("Police", "arrested", "protesters", "outside parliament"),
    ("The storm", "killed", "people", "across the region"),
    ("The ministry", "shipped", "vaccine doses", "to rural clinics"),
    ("The airline", "cut", "jobs", "at its main hub"),
    ("Rescuers", "evacuated", "residents", "from the flooded valley"),
    ("The charity", "delivered", "food parcels", "to the camp"),
    ("The factory", "sold", "tractors", "to farmers abroad"),
]

# (first figure, second figure): incompatible for NL301.
CONTRADICTIONS = [
    ("1,000", "1,200"),
    ("more than 1,000", "about 800"),
    ("at least 500", "fewer than 400"),
    ("up to 300", "more than 450"),
]
# (qualified, bare) with the same value, for NL302.
DRIFTS = [("more than 1,000", "1,000"), ("about 250", "250"), ("nearly 600", "600"), ("at least 40", "40")]


def story(scenario, first: str, second: str) -> str:
    subject, verb, noun, tail = scenario
    return (
        f"{subject} {verb} {first} {noun} {tail}, officials said on Tuesday.\n\n"
        f"The figures were released by the regional government.\n\n"
        f"According to the report, {subject[0].lower() + subject[1:] if subject.startswith('The') else subject} "
        f"{verb} {second} {noun} {tail}."
    )


POSITIVE_301 = [story(s, a, b) for s in SCENARIOS for a, b in CONTRADICTIONS]
POSITIVE_302 = [story(s, a, b) for s in SCENARIOS for a, b in DRIFTS]

CONSISTENT_PAIRS = [
    ("more than 1,000", "over a thousand"),
    ("1,000", "1,000"),
    ("more than 1,000", "1,200"),
    ("about 800", "some 800"),
]
SAME_NOUN_OTHER_THING = [
    "North Korea shipped 1,000 containers to Russia.\n\nRussian ships were seen unloading 50 containers in North Korea.",
    "The storm killed 12 people in the north.\n\nIn the south, floods killed 30 people last year.",
    "Police arrested 40 protesters on Monday.\n\nAnother 15 protesters were arrested on Tuesday.",
    "The company hired 200 engineers in Berlin.\n\nIt also hired 50 new engineers in Lisbon.",
    "The airline cut 300 jobs in 2022.\n\nThe airline cut 500 jobs in 2023.",
    "The factory sold 1,000 tractors in May.\n\nThe factory sold 1,400 tractors in June.",
    "Rescuers evacuated 600 residents from the valley.\n\nSome 80 residents refused to leave their homes.",
    "The charity delivered 5,000 food parcels to the camp.\n\nVolunteers packed 300 food parcels a day.",
    "Doctors treated 45 patients at the clinic.\n\nThe clinic has 12 patients in intensive care.",
    "The army deployed 2,000 troops to the border.\n\nThe troops were joined by 500 reservists, and 300 more troops arrived later.",
    "Voters elected 30 women to parliament.\n\nThe last parliament had 22 women.",
    "The school has 900 pupils.\n\nOnly 40 pupils failed the exam.",
    "Rebels freed 20 hostages on Friday.\n\nThey still hold 35 hostages, a negotiator said.",
    "The port handled 8,000 containers in a week.\n\nCustoms inspected 120 containers.",
    "The city planted 3,000 trees this spring.\n\nStorms felled 200 trees in the park.",
    "The bank closed 40 branches in the north and 25 branches in the south.",
    "The museum displays 400 paintings.\n\nThieves stole 3 paintings from the museum in 1990.",
    "The ministry shipped 10,000 vaccine doses to clinics.\n\nThe clinics discarded 700 expired vaccine doses.",
    "The team scored 3 goals in the first half.\n\nThey conceded 2 goals after the break.",
    "The league has 20 clubs.\n\nFour clubs will be relegated, while 16 clubs stay up.",
    "Between 200 and 300 people attended the rally.\n\nOrganisers said 250 people attended.",
    "The plant employs 1,500 workers.\n\nIt laid off 120 workers last month.",
    "The court heard 50 cases on Monday.\n\nIt has heard 400 cases since January.",
    "Firefighters saved 30 homes.\n\nThe blaze destroyed 12 homes.",
    "Farmers lost 2,000 sheep in the snow.\n\nThe farm still has 5,000 sheep.",
    "The zoo has 14 elephants.\n\nTwo elephants were born there last year.",
    "The company said it sold 1 million phones in China.\n\nIn India it sold 400,000 phones.",
    "The agency counted 120 earthquakes in a month.\n\nMost of the 120 earthquakes were too weak to feel.",
    "Officials said 75 schools would close.\n\nA further 20 schools will close next year.",
    "Inspectors visited 60 farms.\n\nThey found problems at 9 farms.",
    "The town has 12,000 residents.\n\nAbout 3,000 residents commute to the capital.",
    "The report lists 18 incidents.\n\nThe previous report listed 25 incidents.",
    "The fleet has 90 aircraft.\n\nThe airline ordered 30 aircraft from Airbus.",
    "Some 40 journalists were detained.\n\nEach of the 40 journalists was later released.",
    "Police seized 300 kilograms of cocaine.\n\nThey arrested 5 men at the port.",
    "The storm killed 12 people, rescuers said.\n\nThe storm killed at least 12 people, according to the government.",
]
NEGATIVE_301 = [
    story(SCENARIOS[i % len(SCENARIOS)], a, b) for i, (a, b) in enumerate(CONSISTENT_PAIRS)
] + SAME_NOUN_OTHER_THING

REALISTIC = """Washington, Oct 13 (Wire).- The United States said Friday that North Korea has sent more than \
1,000 containers of military equipment and munitions to Russia.

"Our information indicates that in recent weeks North Korea has provided Russia with more than a thousand \
containers of military equipment," the spokesman said.

Between September 7 and October 1, the containers were shipped from Najin to Dunay, and then moved by train \
about 290 kilometers to a depot.

The spokesman said Russian ships had been seen unloading 20 containers in North Korea, and that 3 ships made \
the crossing. The United States has 28,500 troops in South Korea. Some 70% of the munitions were shells.

Officials said 2 of the 3 ships were Russian-flagged. Russia has about 150 ships in its Pacific fleet.
"""


@pytest.mark.parametrize("text", POSITIVE_301)
def test_contradictions_are_reported(text):
    assert "NL301" in codes(text, "NL301")


@pytest.mark.parametrize("text", NEGATIVE_301 + [REALISTIC])
def test_consistent_or_distinct_figures_stay_silent(text):
    assert codes(text, "NL301") == []


@pytest.mark.parametrize("text", POSITIVE_302)
def test_dropped_qualifier_is_reported(text):
    assert "NL302" in codes(text, "NL302")


NEGATIVE_302 = (
    [story(s, a, a) for s in SCENARIOS for a in ("more than 1,000", "1,000")]
    + [story(s, "more than 1,000", "over a thousand") for s in SCENARIOS]
    + [story(s, "about 250", "around 250") for s in SCENARIOS[:5]]
    + SAME_NOUN_OTHER_THING[:5]
)


@pytest.mark.parametrize("text", NEGATIVE_302 + [REALISTIC])
def test_same_qualifier_everywhere_stays_silent(text):
    assert codes(text, "NL302") == []


def test_drift_is_reported_at_the_bare_figure_with_related_location():
    text = "North Korea sent more than 1,000 containers.\n\nNorth Korea sent 1,000 containers, officials said."
    (d,) = [d for d in __import__("tests.conftest").conftest.lint(text, "NL302")]
    assert text[d.start : d.end] == "1,000" and d.start > text.index("\n")
    assert d.related and text[d.related[0].start : d.related[0].end] == "1,000"


def test_headline_and_body_agree():
    text = "North Korea Sends Over a Thousand Containers to Russia\n\nNorth Korea has sent more than a thousand containers to Russia."
    assert codes(text, ["NL301", "NL302"]) == []


def test_headline_without_qualifier_drifts():
    text = "North Korea Sends 1,000 Containers to Russia\n\nNorth Korea has sent more than a thousand containers to Russia."
    assert flagged(text, "NL302") == ["1,000"]


def test_quotation_counts_too():
    text = (
        'Kirby said: "North Korea sent more than 1,000 containers."\n\nNorth Korea sent about 700 containers, he said.'
    )
    assert "NL301" in codes(text, "NL301")
