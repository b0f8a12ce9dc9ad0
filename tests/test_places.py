"""NL201-NL203 beyond the fixtures (tests/fixtures/places): related locations, fixes, options, the CLI."""

from __future__ import annotations

from tests.conftest import SEEDS, lint, out, run_cli


def test_the_later_spelling_is_reported_with_the_first_as_related():
    text = "Cargo left Najin on Monday. Ships were seen at Najin on Tuesday and at Rajin on Friday."
    (finding,) = lint(text, "NL201")
    assert text[finding.start : finding.end] == "Rajin"
    (related,) = finding.related
    assert text[related.start : related.end] == "Najin" and related.start == text.index("Najin")


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
