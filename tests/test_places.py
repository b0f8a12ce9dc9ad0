"""NL201-NL203: place spelled two ways, house-style spellings, likely misspellings."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS, lint, out, run_cli

# (text, code, the text the finding covers)
POSITIVE = [
    ("Cargo left the port of Najin on Monday. Satellite images showed ships at Rajin on Friday.", "NL201", "Rajin"),
    ("Cargo left the port of Najin on Monday. Satellite images showed ships at Rason on Friday.", "NL201", "Rason"),
    ("Cargo left the port of Najin on Monday. Later it was shipped from Nakhin, North Korea.", "NL201", "Nakhin"),
    (
        "Protesters filled the streets of Sao Paulo on Sunday. Police in São Paulo made no arrests.",
        "NL201",
        "São Paulo",
    ),
    ("Fighting around Bakhmut intensified. Ukrainian troops held the road west of Artemivsk.", "NL201", "Artemivsk"),
    ("The talks were held in Chisinau. Delegates from Kishinev arrived on Monday.", "NL201", "Kishinev"),
    ("The summit took place in Almaty. Officials in Alma-Ata declined to comment.", "NL201", "Alma-Ata"),
    ("Flights to Ho Chi Minh City resumed on Monday. Hotels in Saigon were full.", "NL201", "Saigon"),
    ("Protests spread to Hrodna on Sunday. Police in Grodno detained dozens.", "NL201", "Grodno"),
    ("Bankers met in Zurich on Tuesday. The bank moved its headquarters to Zürich in 2020.", "NL201", "Zürich"),
    ("The flight from Bogota landed at noon. Officials in Bogotá said the airport reopened.", "NL201", "Bogotá"),
    ("Fans gathered in Montreal for the parade. The mayor of Montréal spoke on Sunday.", "NL201", "Montréal"),
    ("The shipyard in Gdansk went on strike. Workers in Gdańsk said pay had not risen.", "NL201", "Gdańsk"),
    ("The plant near Dusseldorf closed. Workers in Düsseldorf protested on Monday.", "NL201", "Düsseldorf"),
    ("Avdiivka fell in February. Russian forces had surrounded Avdeyevka for months.", "NL201", "Avdeyevka"),
    ("Troops dug in near Vuhledar. Russian bloggers said Ugledar was under attack.", "NL201", "Ugledar"),
    ("Tehran rejected the claim. Officials in Teheran said the talks were over.", "NL201", "Teheran"),
    ("Tourists returned to Kathmandu this spring. Hotels in Katmandu were full by May.", "NL201", "Katmandu"),
    ("The march began in Krakow on Saturday. Police in Kraków said it was peaceful.", "NL201", "Kraków"),
    ("The match was played in Malmo. Fans in Malmö celebrated late into the night.", "NL201", "Malmö"),
    ("The trials were held in Nuremberg after the war. Nürnberg has kept the courtroom.", "NL201", "Nürnberg"),
    ("Russian drones struck Kiev overnight, officials said.", "NL202", "Kiev"),
    ("Shelling hit Kharkov again on Monday, the governor said.", "NL202", "Kharkov"),
    ("Russian missiles hit the port of Odessa in southern Ukraine.", "NL202", "Odessa"),
    ("Refugees crossed the border near Lvov in western Ukraine.", "NL202", "Lvov"),
    ("Floods closed schools in Bombay on Monday.", "NL202", "Bombay"),
    ("The festival opened in Calcutta on Sunday.", "NL202", "Calcutta"),
    ("Heavy rain flooded Madras overnight.", "NL202", "Madras"),
    ("Diplomats arrived in Peking for the talks.", "NL202", "Peking"),
    ("The army seized power in Burma in 2021.", "NL202", "Burma"),
    ("Protesters marched in Rangoon on Sunday.", "NL202", "Rangoon"),
    ("King Mswati III has ruled Swaziland since 1986.", "NL202", "Swaziland"),
    ("Ukrainian forces advanced near Zaporozhye, the governor said.", "NL202", "Zaporozhye"),
    ("Separatists in Lugansk held a vote on Sunday.", "NL202", "Lugansk"),
    ("The shipyard in Nikolayev was hit by missiles on Tuesday.", "NL202", "Nikolayev"),
    ("Kiev's mayor said the city had power again.", "NL202", "Kiev"),
    ("Officials in Kyiv said drones struck Kiev overnight.", "NL202", "Kiev"),
    ("Containers were moved by train to Tikhorestk, Russia, officials said.", "NL203", "Tikhorestk"),
    ("The ship sailed from Vladivsotok, Russia, on Monday.", "NL203", "Vladivsotok"),
    ("Fans marched through Marseile, France, on Saturday night.", "NL203", "Marseile"),
    ("Shelling hit Donetks, Ukraine, on Monday, officials said.", "NL203", "Donetks"),
    ("Protesters marched through Barcelonna, Spain, on Saturday.", "NL203", "Barcelonna"),
]

NEGATIVE = [
    "Austria and Australia signed a trade deal on Monday.",
    "Iran accused Iraq of sheltering militants, officials in Tehran said.",
    "Niger closed its border with Nigeria after the coup.",
    "Slovakia and Slovenia both joined the euro zone.",
    "The governor of Georgia met officials from Tbilisi, Georgia, on Monday.",
    "The senator from Washington flew to Washington, D.C., for the vote.",
    "Sudan and South Sudan agreed to reopen the oil pipeline.",
    "Guinea, Guinea-Bissau and Papua New Guinea sent delegates to the talks.",
    "Russia's army has lost thousands of tanks, and Russia says it will build more.",
    "Russian troops crossed into Ukraine, and Russia denied it.",
    "Ukrainian officials said Ukraine would not cede territory.",
    "Israeli jets struck targets after Israel was attacked.",
    "Iraqi police said Iraq would hold elections next year.",
    "Pakistani officials said Pakistan had closed the border.",
    "The United States and the U.S. Treasury said US sanctions would stay.",
    "North Korea, officially the DPRK, tested a missile on Monday.",
    "Britain and the United Kingdom's allies met; the UK said little.",
    "Russian drones struck Kyiv overnight, officials said.",
    "The restaurant is famous for its chicken Kiev.",
    "She studied economics at Peking University before moving to London.",
    "Shares fell on the Bombay Stock Exchange on Monday.",
    "A tornado hit Odessa, Texas, on Monday, the National Weather Service said.",
    '"We will defend Kiev to the last man," the general said.',
    "Estados Unidos acusa a Corea del Norte de entregarle armas a Rusia. Russia denied the claim.",
    "The ship unloaded at Dunay, Russia, on Friday.",
    "Fighting continued across the Donbas region of eastern Ukraine.",
    "Mali and Malawi both reported cases of cholera.",
    "Dominica and the Dominican Republic were hit by the storm.",
    "Aid reached the Democratic Republic of Congo and the Republic of the Congo.",
    "Gaza City was bombed again on Monday, and aid trucks waited at the edge of Gaza.",
    "Paris is preparing for the Olympics, officials in Paris said.",
    "The Koreas have been divided since 1945; North Korea and South Korea never signed a peace treaty.",
    "Protesters gathered in Kyiv and Kharkiv on Sunday.",
    "Beijing and Shanghai reported new cases on Monday.",
    "Myanmar's army took power in 2021.",
    "Mumbai's stock exchange rose on Monday.",
    "The plane flew from Vienna to Sydney, Australia, via Singapore.",
    "Mexico and New Mexico share a long border.",
    "Officials in York and New York marked the anniversary.",
    "Columbia University students marched to Colombia's consulate.",
    "Ukrainians fled to Poland, and Poles welcomed them.",
    "Georgians voted in Tbilisi, and Georgia's president conceded.",
    "The border crossing at San Ysidro, near San Diego, was closed on Sunday.",
    "Police patrolled Clairemont, a neighbourhood of San Diego, California, on Sunday.",
]


@pytest.mark.parametrize(("text", "code", "span"), POSITIVE, ids=[f"{c}-{s}" for _, c, s in POSITIVE])
def test_finds_the_variant(text, code, span):
    found = [(d.code, text[d.start : d.end]) for d in lint(text, "NL2")]
    assert (code, span) in found, found


@pytest.mark.parametrize("text", NEGATIVE)
def test_stays_silent(text):
    assert [(d.code, text[d.start : d.end]) for d in lint(text, "NL2")] == []


def test_the_later_spelling_is_reported_with_the_first_as_related():
    text = "Cargo left Najin on Monday. Ships were seen at Najin on Tuesday and at Rajin on Friday."
    (finding,) = lint(text, "NL201")
    assert text[finding.start : finding.end] == "Rajin"
    (related,) = finding.related
    assert text[related.start : related.end] == "Najin" and related.start == text.index("Najin")


def test_house_style_defers_to_nl202_for_a_replaced_spelling():
    text = "Officials in Kyiv said drones struck Kiev overnight."
    assert [d.code for d in lint(text, "NL2")] == ["NL202"]


def test_house_style_fix_keeps_the_possessive():
    text = "Kiev's mayor said the city had power again."
    (finding,) = lint(text, "NL202")
    (edit,) = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "Kyiv's mayor said the city had power again."


def test_a_newsroom_adds_spellings_through_the_configuration():
    text = "Traffic in Bangalore was heavy on Monday, officials in India said."
    assert lint(text, "NL202") == []
    (finding,) = lint(text, "NL202", places={"spellings": {"Bangalore": "Bengaluru"}})
    assert finding.fix.edits[0].replacement == "Bengaluru"


def test_quotes_are_checked_when_configured():
    text = '"We will defend Kiev to the last man," the general said.'
    assert [d.code for d in lint(text, "NL202", places={"check-quotes": True})] == ["NL202"]


def test_misspelling_offers_a_fix():
    text = "Containers were moved by train to Tikhorestk, Russia, officials said."
    (finding,) = lint(text, "NL203")
    assert finding.fix.edits[0].replacement == "Tikhoretsk"


def test_fix_through_the_command_line(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Russian drones struck Kiev overnight, officials in Ukraine said.\n", encoding="utf-8")
    result = run_cli("check", str(draft), "--select", "NL202", "--fix")
    assert result.returncode == 0, out(result)
    assert draft.read_text(encoding="utf-8") == "Russian drones struck Kyiv overnight, officials in Ukraine said.\n"


def test_json_output_carries_the_related_location(tmp_path):
    import json

    draft = tmp_path / "draft.txt"
    draft.write_text("Cargo left the port of Najin.\n\nLater it was shipped from Nakhin, North Korea.\n")
    result = run_cli("check", str(draft), "--select", "NL2", "--format", "json")
    (finding,) = json.loads(out(result))
    assert finding["code"] == "NL201" and finding["related"]


def test_a_newsroom_can_override_the_pack():
    text = "The army seized power in Burma in 2021."
    assert lint(text, "NL202", places={"spellings": {"Myanmar": "Burma"}}) == []
    (finding,) = lint("The army seized power in Myanmar in 2021.", "NL202", places={"spellings": {"Myanmar": "Burma"}})
    assert finding.fix.edits[0].replacement == "Burma"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_two_outlets_merged_into_one_draft_get_the_place_and_name_variants():
    text = seed("000") + "\n\n" + seed("002")
    found = {(d.code, text[d.start : d.end]) for d in lint(text, "NL2")}
    assert ("NL201", "Nakhin") in found
    text = seed("000") + "\n\n" + seed("004")
    found = {(d.code, text[d.start : d.end]) for d in lint(text, "NL2")}
    assert ("NL204", "Kim Jong-un") in found or ("NL204", "Kim Jong Un") in found


def test_a_dateline_in_capitals_is_fixed_in_capitals():
    text = "KIEV, March 3 - Ukraine's parliament approved the budget on Tuesday."
    (finding,) = lint(text, "NL202")
    assert finding.fix.edits[0].replacement == "KYIV"


def test_an_organisation_named_after_the_old_spelling_is_left_alone():
    assert lint("Dynamo Kiev beat Shakhtar Donetsk 2-1 in the Ukrainian Premier League on Sunday.", "NL202") == []


def test_a_leading_dash_is_not_part_of_the_name():
    text = "Bolton won on Saturday.\n\n- Bolton boss Sam Allardyce said he was pleased."
    assert lint(text, "NL201") == []
