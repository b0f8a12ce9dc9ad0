"""Facts the figures, readability and attribution checks read: the reference date, sentence
lengths, repeated words and readability metrics, extracted once per document; and messages
that name another location through `related`, never a line number."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newslint.analysis.dates import reference_for
from newslint.inspection import fact_kinds, readability_stats
from newslint.readers import read_document
from tests.conftest import lint


def analysed(text: str, *needs: str, suffix: str = ".txt"):
    from newslint.analysis import Analyzer
    from newslint.engine import expand_needs

    document = read_document(f"story{suffix}", text.encode())
    return Analyzer().analyze([document], expand_needs(needs))[0]


@pytest.mark.parametrize(
    ("text", "suffix", "expected", "source"),
    [
        ("---\ndate: 2023-10-14\n---\n\nThe vote was on Friday.\n", ".md", date(2023, 10, 14), "front matter"),
        ("date 2023-10-14\n\nThe vote was on Friday.", ".txt", date(2023, 10, 14), "publication"),
        ("GENEVA, Oct 13, 2023 (Reuters) - The vote was on Friday.", ".txt", date(2023, 10, 13), "dateline"),
    ],
)
def test_reference_date_is_one_document_fact(text, suffix, expected, source):
    analysis = analysed(text, "reference", suffix=suffix)
    (reference,) = analysis.facts("reference")
    assert (reference.date, reference.source) == (expected, source)
    assert reference_for(analysis) == expected


def test_configured_publication_date_overrides_the_document():
    analysis = analysed("date 2023-10-14\n\nThe vote was on Friday.", "reference")
    assert reference_for(analysis, "2024-01-02") == date(2024, 1, 2)
    assert analysed("The vote was on Friday.", "reference").facts("reference") == []


def test_sentence_lengths_count_words_not_punctuation():
    analysis = analysed("The council met. It voted, after a long debate, to close the road.", "sentence_lengths")
    assert [s.words for s in analysis.facts("sentence_lengths")] == [3, 10]


def test_repeat_fact_carries_the_fix_range_and_quotation():
    text = 'Officials said the the road would reopen. "We may again may close it," she said.'
    first, second = analysed(text, "repeats").facts("repeats")
    assert (text[first.start : first.end], first.quoted, text[first.fix_start : first.fix_end]) == (
        "the the",
        False,
        " the",
    )
    assert (text[second.start : second.end], second.around, second.quoted, second.fix_start) == (
        "may again may",
        "again",
        True,
        None,
    )


def test_words_separated_by_hidden_text_are_no_repeat():
    text = "Set the `config.yaml` the way the manual says.\n"
    assert analysed(text, "repeats", suffix=".md").facts("repeats") == []


def test_stats_and_nl502_read_the_same_metrics(tmp_path):
    long = " ".join(
        ["Notwithstanding considerable institutional reluctance, representatives authorised modernisation."] * 6
    )
    path = tmp_path / "story.txt"
    path.write_text(f"{long}\n\nThe council met.\n", encoding="utf-8")
    table = readability_stats(path)
    (finding,) = lint(path.read_text(encoding="utf-8"), "NL502")
    grade = float(re.search(r"grade (\d+\.\d)", finding.message).group(1))
    assert table["paragraphs"][0]["flesch_kincaid_grade"] == grade
    assert [p["line"] for p in table["paragraphs"]] == [1, 3]


def test_new_fact_kinds_are_inspectable():
    assert {"reference", "readability", "repeats", "sentence_lengths"} <= set(fact_kinds())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Maria Lopez, 45, runs the shelter.\n\nLopez, 47, said the shelter was full.", "NL305"),
        (
            "North Korea sent more than 1,000 containers to Russia.\n\n"
            "The White House said North Korea sent 1,000 containers.",
            "NL302",
        ),
        (
            "North Korea shipped 1,000 containers to Russia.\n\n"
            "Officials said North Korea shipped 1,200 containers to Russia.",
            "NL301",
        ),
    ],
)
def test_figure_messages_name_the_other_mention_by_related_location(text, code):
    (finding,) = lint(text, code)
    assert "line" not in finding.message
    assert finding.related and finding.related[0].start < finding.start
