"""Attribution facts (sources, cues, content, quote speakers, furniture) and NL4xx on whole stories."""

from __future__ import annotations

import pytest

from newslint.analysis import Analyzer
from newslint.engine import expand_needs
from newslint.readers import read_document
from tests.conftest import codes, flagged, lint

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


def test_a_quote_paragraph_after_unrelated_copy_has_no_speaker():
    text = "The council met on Tuesday.\n\n“We will not raise taxes this year, whatever happens.”"
    assert flagged(text, "NL403") == ["“We will not raise taxes this year, whatever happens.”"]


def test_a_vague_source_inside_a_quote_belongs_to_the_speaker():
    text = "“Experts say the bridge is safe, and I believe them,” the mayor said."
    assert codes(text, "NL4") == []


def test_a_hedge_inside_an_attributed_quote_is_silent():
    text = "“The man allegedly stole three cars,” the police chief said."
    assert codes(text, "NL405") == []


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


def test_page_furniture_produces_no_findings():
    text = (
        "Shocking Footage Allegedly Shows Brutal Attack\n\n"
        "The police said on Monday that two men had been arrested.\n\n"
        "READ ALSO: Experts Say Alarming Crime Wave Is Clearly Over\n\n"
        "“This is a shocking attack on our town, and we will not forget it” (Photo: Jane Doe)"
    )
    assert codes(text, "NL4") == []


def test_body_paragraphs_without_final_stop_are_still_copy():
    text = (
        "The Mayor Speaks\n\n"
        "The city council met for six hours on Tuesday and voted on the budget, but the so-called "
        "reform of the transport department was again postponed until the spring"
    )
    assert flagged(text, "NL404") == ["so-called"]


def test_issue_examples_are_flagged():
    text = (
        "This move has sparked concerns about North Korea replenishing Russia’s depleted munition supplies. "
        "These events occur amid escalating tensions, with experts speculating on potential arms deals. "
        "North Korea allegedly requires these weapons for its nuclear program. "
        "It remains to be seen how the international community will respond to these alarming developments."
    )
    found = {(d.code, text[d.start : d.end]) for d in lint(text, "NL4")}
    assert found == {
        ("NL401", "sparked concerns"),
        ("NL402", "experts speculating"),
        ("NL405", "allegedly"),
        ("NL404", "alarming"),
    }


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


def test_attributed_wire_copy_is_silent():
    text = (
        "Washington, Oct 13 (EFE).- The United States said Friday that the shipments had reached the port.\n"
        "The spokesman announced in a press conference that he had information about the transfer.\n"
        "“Our information indicates that in recent weeks the shipments have continued,” he said.\n"
        "According to the spokesman, the buyer allegedly needs the parts for its programme.\n"
        "From the port, the containers were moved by train to a depot about 290 kilometers away.\n"
        "The United States has already accused the buyer of breaking the embargo. EFE\n"
        "bpm/ar/ics\n"
        "(Photo)"
    )
    assert codes(text, "NL4") == []


def test_a_quote_paragraph_after_an_attributed_paragraph_continues_its_source():
    text = (
        "The treasury secretary said the talks with Tokyo would go on.\n\n"
        "“I don't think talk of a trade war is justified in any event.”"
    )
    [q] = facts(text, "speakers")
    assert (q.speaker, q.link) == ("The treasury secretary", "continued")


def test_a_quote_after_an_address_takes_the_speaker():
    text = "In an address to farmers, Miller repeated the president's position. “He would oppose any new tax.”"
    assert codes(text, "NL403") == []


def test_a_capitalised_first_paragraph_is_a_headline_even_with_a_stop():
    text = "Offer to Star Pitcher Reportedly Bumped as High as $184 Million.\n\nThe team declined to comment."
    assert [f.kind for f in facts(text, "furniture")] == ["headline"]
    assert codes(text, "NL4") == []


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez, The Valley Times: “The council has run out of money for the bridge repairs.”",
        "Lopez continued: “The council has run out of money for the bridge repairs.”",
        "“MAYOR: The council has run out of money for the bridge repairs.”",
        "The mayor commended the engineers “for working through the night in the rain.”",
        "She said her office was “so busy we could barely answer the phones.”",
    ],
)
def test_speakers_introduced_by_a_colon_a_transcript_label_or_the_subject(text):
    assert codes(text, "NL403") == []


def test_a_colon_after_words_that_name_nobody_does_not_give_a_speaker():
    assert codes("The sign on the door read: “We will not reopen until the repairs are done.”", "NL403") == ["NL403"]
