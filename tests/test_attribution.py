"""Attribution facts (sources, cues, content, quote speakers, furniture); NL4xx cases are fixtures."""

from __future__ import annotations

from newslint.analysis import Analyzer
from newslint.engine import expand_needs
from newslint.readers import read_document
from tests.conftest import codes, lint

_analyzer = Analyzer()


def facts(text: str, kind: str) -> list:
    document = read_document("draft.txt", text.encode("utf-8"))
    return _analyzer.analyze([document], expand_needs((kind,)))[0].facts(kind)


def test_a_said_clause_has_source_cue_and_content():
    text = "The ministry said on Friday that the border would reopen."
    [a] = facts(text, "attributions")
    assert (a.cue, a.source_text, a.vague) == ("said", "The ministry", False)
    assert text[a.content_start : a.content_end] == "that the border would reopen"
    assert text[a.source_start : a.source_end] == "The ministry"


def test_according_to_names_its_source():
    text = "The border will reopen on Monday, according to the interior ministry."
    [a] = facts(text, "attributions")
    assert (a.cue, a.source_text) == ("according to", "the interior ministry")


def test_in_a_statement_attributes_the_sentence_to_its_subject():
    text = "In a statement, the ministry outlined its plans for the border."
    cues = {a.cue: a.source_text for a in facts(text, "attributions")}
    assert cues["In a statement"] == "the ministry"


def test_a_pronoun_source_is_resolved_to_the_named_source_before_it():
    text = "John Kirby spoke to reporters on Friday.\n\n“We are watching closely,” he said."
    said = [a for a in facts(text, "attributions") if a.cue == "said"]
    assert said[0].source_text == "he" and said[0].resolved_source == "John Kirby"


def test_a_passive_cue_without_agent_has_no_source_and_is_vague():
    [a] = facts("It is believed that the ship sank.", "attributions")
    assert a.source_text is None and a.source_start is None and a.vague and a.cue == "is believed"


def test_a_passive_cue_with_an_agent_takes_the_agent_as_source():
    [a] = facts("The claim was denied by the ministry.", "attributions")
    assert a.source_text == "the ministry" and not a.vague


def test_anonymous_sources_are_vague_and_marked_anonymous():
    [a] = facts("Sources said the talks had stalled.", "attributions")
    assert a.vague and a.anonymous


def test_a_quote_takes_the_speaker_in_its_sentence():
    text = "“We will not raise taxes this year,” the mayor said."
    [q] = facts(text, "speakers")
    assert (q.speaker, q.link) == ("the mayor", "sentence")


def test_a_quote_takes_the_speaker_of_the_previous_sentence():
    text = "The mayor spoke after the vote. She said the budget was tight. “We will not raise taxes this year.”"
    [q] = facts(text, "speakers")
    assert q.speaker == "She" and q.link == "previous sentence"


def test_a_quote_takes_the_speaker_of_the_next_sentence():
    text = "“We will not raise taxes this year.” That was the promise the mayor made on Tuesday, she said."
    [q] = facts(text, "speakers")
    assert q.speaker == "she" and q.link == "next sentence"


def test_a_second_quote_in_a_paragraph_keeps_the_speaker():
    text = "“We condemn the attack,” Kirby said. “It is an illegitimate war. We will keep watching the border.”"
    speakers = facts(text, "speakers")
    assert [q.speaker for q in speakers] == ["Kirby", "Kirby"]


def test_a_quote_continued_over_paragraphs_keeps_its_speaker():
    text = (
        "“We will not raise taxes this year, whatever happens,” the mayor said.\n\n"
        "“The city has enough money for the schools and the roads.\n\n"
        "“And nobody will lose their job.”"
    )
    speakers = facts(text, "speakers")
    assert [q.speaker for q in speakers] == ["the mayor"] * 3
    assert [q.link for q in speakers][1:] == ["continued", "continued"]
    assert codes(text, "NL403") == []


def test_a_quote_after_said_colon_in_the_previous_paragraph_has_a_speaker():
    text = "The mayor said:\n\n“We will not raise taxes this year, whatever happens.”"
    [q] = facts(text, "speakers")
    assert q.speaker == "The mayor"
    assert codes(text, "NL403") == []


def test_furniture_is_recognised():
    text = (
        "Kirby Reveals Shipment of Military Gear to Russia\n\n"
        "The United States said on Friday that the shipments had arrived.\n\n"
        "A photo of John Kirby, the spokesman. Photo: Jane Doe (Reuters)\n\n"
        "Also Read: Partisans Sabotage Train\n\n"
        "Share this: Facebook\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *"
    )
    kinds = [f.kind for f in facts(text, "furniture")]
    assert kinds == ["headline", "caption", "debris", "debris", "debris", "debris"]


def test_anonymous_sources_are_info_and_can_be_turned_off():
    text = "Sources said the talks had stalled."
    [d] = lint(text, "NL402")
    assert d.severity.value == "info" and d.message.startswith("anonymous source ('Sources said')")
    assert codes(text, "NL402", attribution={"anonymous-sources": False}) == []
    [vague] = lint("Experts say the talks had stalled.", "NL402")
    assert vague.severity.value == "warning"


def test_claim_kinds_can_include_figures():
    text = "Unemployment fell to 4.2 percent in June."
    assert codes(text, "NL401") == []
    assert codes(text, "NL401", attribution={"claim-kinds": ["figure"]}) == ["NL401"]


def test_a_quote_paragraph_after_an_attributed_paragraph_continues_its_source():
    text = (
        "The treasury secretary said the talks with Tokyo would go on.\n\n"
        "“I don't think talk of a trade war is justified in any event.”"
    )
    [q] = facts(text, "speakers")
    assert (q.speaker, q.link) == ("The treasury secretary", "continued")


def test_a_capitalised_first_paragraph_is_a_headline_even_with_a_stop():
    text = "Offer to Star Pitcher Reportedly Bumped as High as $184 Million.\n\nThe team declined to comment."
    assert [f.kind for f in facts(text, "furniture")] == ["headline"]
    assert codes(text, "NL4") == []
