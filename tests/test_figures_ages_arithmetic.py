"""NL305 inconsistent ages and NL306 arithmetic: 40 positive and 40 negative cases each."""

from __future__ import annotations

import pytest

from tests.conftest import codes, flagged

PEOPLE = [
    "Maria Lopez",
    "John Carter",
    "Aiko Tanaka",
    "Peter Novak",
    "Fatima Haddad",
    "Lars Berg",
    "Grace Okafor",
    "Tomas Ruiz",
]
FIRST = [
    lambda n, a: f"{n}, {a}, runs the shelter in the old town.",
    lambda n, a: f"The shelter is run by {n} ({a}), a former nurse.",
    lambda n, a: f"{n}, aged {a}, runs the shelter in the old town.",
    lambda n, a: f"The {a}-year-old {n} runs the shelter in the old town.",
    lambda n, a: f"{n}, a {a}-year-old nurse, runs the shelter.",
]
LATER = [
    lambda s, a: f"{s}, {a}, said the shelter was full.",
    lambda s, a: f"The {a}-year-old {s} said the shelter was full.",
    lambda s, a: f"{s} ({a}) said the shelter was full.",
    lambda s, a: f"{s}, aged {a}, said the shelter was full.",
    lambda s, a: f"{s}, the {a}-year-old director, said the shelter was full.",
]


def pair(i: int, later_age: int | None = None, same_name: bool = True) -> str:
    name = PEOPLE[i % len(PEOPLE)]
    age = 30 + i
    surname = name.split()[1] if same_name else "Okonjo"
    first = FIRST[i % len(FIRST)](name, age)
    later = LATER[(i // len(FIRST)) % len(LATER)](surname, age if later_age is None else later_age)
    return f"{first}\n\nVolunteers arrived in the morning with food and blankets.\n\n{later}"


POSITIVE_305 = [pair(i, 30 + i + (1 + i % 3)) for i in range(40)]
NEGATIVE_305 = (
    [pair(i) for i in range(25)]
    + [pair(i, 50, same_name=False) for i in range(5)]
    + [
        "Maria Lopez, 45, runs the shelter.\n\nHer son, Tomas Lopez, 19, helps on weekends.",
        "John Carter, 61, and his daughter Emma Carter, 34, opened the shop.",
        "The 12-year-old boy was found on Monday. Police said his father, 40, was questioned.",
        "Smith, 45, was arrested on Friday. A 19-year-old man was also held.",
        "Washington, 45, was the score at the break.",
        "Route 66, 45, and 12 were closed.",
        "In Paris, 45 people were hurt. In Lyon, 12 were hurt.",
        "Kirby, 60, said the talks would continue. Kirby did not say when.",
        "Aiko Tanaka, 52, and Ken Tanaka, 55, run the inn.",
        "Lars Berg (70) and Anna Berg (68) married in 1975. Lars Berg, 70, still works.",
    ]
)


@pytest.mark.parametrize("text", POSITIVE_305)
def test_two_ages_for_one_person_are_reported(text):
    assert "NL305" in codes(text, "NL305")


@pytest.mark.parametrize("text", NEGATIVE_305)
def test_one_age_per_person_stays_silent(text):
    assert codes(text, "NL305") == []


def test_age_finding_points_at_the_later_age():
    text = "Maria Lopez, 45, runs the shelter.\n\nLopez, 47, said the shelter was full."
    assert flagged(text, "NL305") == ["47"]


CHANGES_BAD = [
    ("rose", 20, 30, "a 60% increase"),
    ("increased", 120, 150, "a 30% rise"),
    ("fell", 80, 60, "a 20% drop"),
    ("dropped", 500, 400, "a 25% decline"),
    ("climbed", 1_000, 1_100, "up 15%"),
    ("jumped", 40, 60, "an increase of 40%"),
    ("declined", 200, 150, "down 20%"),
    ("grew", 2_000, 2_600, "a 35% increase"),
    ("slipped", 90, 81, "a 12% fall"),
    ("soared", 10, 25, "a 200% increase"),
]
CHANGES_GOOD = [
    ("rose", 20, 30, "a 50% increase"),
    ("increased", 120, 150, "a 25% rise"),
    ("fell", 80, 60, "a 25% drop"),
    ("dropped", 500, 400, "a 20% decline"),
    ("climbed", 1_000, 1_100, "up 10%"),
    ("jumped", 40, 60, "an increase of 50%"),
    ("declined", 200, 150, "down 25%"),
    ("grew", 2_000, 2_600, "a 30% increase"),
    ("slipped", 90, 81, "a 10% fall"),
    ("soared", 10, 25, "a 150% increase"),
]
NOUNS = ["The number of arrests", "Ticket sales", "The count of reported cases", "Exports"]


def change(verb, a, b, stated, noun) -> str:
    return f"{noun} {verb} from {a:,} to {b:,}, {stated}, the agency said."


POSITIVE_306 = (
    [change(*c, NOUNS[i % 4]) for i, c in enumerate(CHANGES_BAD)]
    + [change(v, a * 1000, b * 1000, s, NOUNS[(i + 1) % 4]) for i, (v, a, b, s) in enumerate(CHANGES_BAD)]
    + [
        "Membership doubled from 300 to 900 in a year.",
        "The fleet tripled from 12 to 24 aircraft.",
        "Sales halved from 400 to 300 units.",
        "The club doubled from 200 to 500 members.",
        "Staff numbers quadrupled from 50 to 120.",
        "Of the 40 victims, 12 of the 40 (40%) were children.",
        "Police said 15 of the 60 suspects (35%) were released.",
        "In total 30 of 200 schools, or 25%, closed.",
        "In all, 9 out of 12 judges (50%) agreed.",
        "The survey found 45 of 150 households (20%) had no heating.",
        "The crash killed 120 people: 50 men, 40 women and 20 children.",
        "The team has 25 players: 10 defenders and 12 forwards.",
        "The council has 45 seats, comprising 20 Labour seats and 20 Conservative seats.",
        "The company has 900 staff, made up of 500 engineers and 300 sales staff.",
        "Prices rose from $4 to $5, a 40% increase.",
        "Rents rose from £1,000 to £1,100, a 20% rise.",
        "The population fell from 12,000 to 9,000, a 30% decline.",
        "Output increased from 2.0 million to 2.5 million tonnes, a 15% increase.",
        "Cases went up from 400 to 600, an increase of 40%.",
        "Fees were cut from 90 to 60, a 40% cut.",
    ]
)
NEGATIVE_306 = (
    [change(*c, NOUNS[i % 4]) for i, c in enumerate(CHANGES_GOOD)]
    + [change(v, a * 1000, b * 1000, s, NOUNS[(i + 1) % 4]) for i, (v, a, b, s) in enumerate(CHANGES_GOOD)]
    + [
        "Membership doubled from 300 to 600 in a year.",
        "The fleet tripled from 12 to 36 aircraft.",
        "Sales halved from 400 to 200 units.",
        "Membership nearly doubled from 300 to 550.",
        "Staff numbers more than doubled from 50 to 120.",
        "Of the 40 victims, 12 of the 40 (30%) were children.",
        "Police said 15 of the 60 suspects (25%) were released.",
        "Some 30 of 200 schools, or 15%, closed.",
        "The crash killed 120 people: 50 men, 50 women and 20 children.",
        "The crash killed 120 people, including 50 men and 20 children.",
        "Prices rose from $4 to $5, a 25% increase.",
        "Output increased from 2.0 million to 2.5 million tonnes, a 25% increase.",
        "The rate rose from 20% to 30%, a 10 percentage point increase.",
        "Unemployment rose from 4% to 5%, up 25%.",
        "Between 20 and 30 people were hurt, and 60% of them were children.",
        "The bus runs from 9 to 5, and fares rose 10% this year.",
        "Sales rose 12% to 300 units from 268 units.",
        "Rents rose from £1,000 to £1,100, a 10% rise.",
        "Support for the plan rose from 40 to 52 seats; 60% of voters backed it.",
        "The team has 25 players: 10 defenders, 10 midfielders and 5 forwards.",
    ]
)


@pytest.mark.parametrize("text", POSITIVE_306)
def test_wrong_arithmetic_is_reported(text):
    assert "NL306" in codes(text, "NL306")


@pytest.mark.parametrize("text", NEGATIVE_306)
def test_right_or_hedged_arithmetic_stays_silent(text):
    assert codes(text, "NL306") == []
