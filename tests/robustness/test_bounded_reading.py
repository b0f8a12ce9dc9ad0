"""Bounded work in reading and analysis: adversarial inputs are read in linear time and give
the findings they should. Each test runs a small instance and checks the output, not the time.
"""

from __future__ import annotations

from newslint.analysis import MAX_CHUNK, Analyzer
from newslint.analysis.pieces import chunks
from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.readers import find_directives, read_document
from newslint.readers.markdown import MAX_NESTING, read_front_matter
from tests.conftest import flagged, lint, run_cli


def sentences(count: int) -> str:
    return "".join(f"Officials met {i} residents on day {i % 31}. " for i in range(count))


def test_a_paragraph_longer_than_spacys_limit_is_linted_and_nothing_is_lost_at_a_seam():
    head = sentences(MAX_CHUNK // 30)
    seam = len(chunks(head + "x" * MAX_CHUNK, MAX_CHUNK)[0])  # the first cut falls after this many
    text = head[:seam] + "They said the the plan was sound. " + head[seam:]
    while len(text) < 1_200_000:
        text += sentences(2000)
    text += "In the end the the vote was close.\n"
    assert seam > MAX_CHUNK // 2 and len(text) > 1_000_000
    assert flagged(text, "NL503") == ["the the", "the the"]
    diagnostics = lint(text, "NL503")
    assert abs(diagnostics[0].start - seam) < 40 and diagnostics[1].end > len(text) - 20


def test_chunks_cut_after_sentence_ends_and_keep_every_character():
    text = sentences(100) + "a" * 700 + " " + "b" * 900
    pieces = chunks(text, 500)
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces)
    sentence_pieces = [p for p in pieces if p.startswith("Officials")]
    assert len(sentence_pieces) > 5 and all(p.endswith(". ") for p in sentence_pieces)
    assert pieces[-4:] == ["a" * 500, "a" * 200 + " ", "b" * 500, "b" * 400]  # hard cuts only without a blank


def test_a_chunked_paragraph_has_the_same_sentences_as_a_whole_one():
    text = sentences(40) + "They said the the plan was sound.\n"
    document = read_document("draft.txt", text.encode())
    needs = ["sentences", "entities", "lemmas"]
    whole = Analyzer().analyze([document], needs)[0]
    cut = Analyzer(max_chunk=300).analyze([document], needs)[0]
    assert len(cut.paragraphs) == 1
    assert [s for s, _ in cut.sentence_tokens()] == [s for s, _ in whole.sentence_tokens()]
    assert [(e.start_char, e.label_) for e in cut.paragraphs[0].doc.ents] == [
        (e.start_char, e.label_) for e in whole.paragraphs[0].doc.ents
    ]
    results, errors = Linter(Analyzer(max_chunk=300)).lint([Source("draft.txt", text.encode(), Config())])
    assert not errors and "NL503" in [d.code for d in results[0].diagnostics]


def test_an_ignore_comment_silences_all_of_a_long_paragraph():
    text = "<!-- newslint: ignore NL503 -->\n\n" + sentences(30) + "They said the the plan was sound.\n"
    results, errors = Linter(Analyzer(max_chunk=300)).lint([Source("draft.md", text.encode(), Config())])
    assert not errors and "NL503" not in [d.code for d in results[0].diagnostics]


def test_a_long_run_of_spaces_in_plain_text_is_a_blank_line():
    text = "The council said it would appeal.\n" + " " * 20_000 + "\nThe the vote is on Monday.\n"
    document = read_document("draft.txt", text.encode())
    assert [text[p.start : p.end] for p in document.paragraphs] == [
        "The council said it would appeal.",
        "The the vote is on Monday.",
    ]


def test_a_long_front_matter_line_is_read():
    text = "---\ntitle: 'Budget" + " " * 20_000 + "vote'\ndate: 2024-03-01\nempty:\nnext: x\n---\n\nBody.\n"
    end, metadata = read_front_matter(text)
    assert metadata == {"title": "Budget" + " " * 20_000 + "vote", "date": "2024-03-01", "empty": "", "next": "x"}
    assert text[end:].strip() == "Body."


def test_long_runs_of_blanks_in_markdown_are_masked_and_closing_hashes_still_are():
    blanks = " \t" * 10_000
    text = f"# Budget{blanks}vote\n\n## Council ##   \n\nThe the vote is on Monday.\n"
    document = read_document("draft.md", text.encode())
    assert [document.prose[p.start : p.end] for p in document.paragraphs] == [
        f"Budget{blanks}vote",
        "Council",
        "The the vote is on Monday.",
    ]


def test_a_wide_markdown_table_is_not_prose():
    columns = 2_000
    header = "| " + " | ".join(f"Col {i}" for i in range(columns)) + " |"
    rule = "|" + "---|" * columns
    text = f"The table follows.\n\n{header}\n{rule}\n| {' | '.join('x' * columns)} |\n\nThe the vote is on Monday.\n"
    assert flagged(text, "NL503", suffix=".md") == ["The the"]


def test_unclosed_markup_repeated_on_one_line_is_read():
    line = "![" * 5_000 + "[a](" * 5_000 + "<!--" * 5_000
    text = f"{line}\n\nThe [report](https://example.org/a_(b)) said the the vote was close.\n"
    document = read_document("draft.md", text.encode())
    last = document.prose[document.paragraphs[-1].start : document.paragraphs[-1].end]
    assert last.split() == ["The", "report", "said", "the", "the", "vote", "was", "close."]
    assert find_directives("<!-- newslint: disable NL503 " * 5_000) == []


def test_directives_still_found_between_comments():
    text = "<!-- note --> <!-- newslint: disable NL503 NL501 --> x <!-- a <!-- newslint: enable -->"
    found = [(d.action, d.codes) for d in find_directives(text)]
    assert found == [("disable", ("NL503", "NL501")), ("enable", ())]


def test_deeply_nested_markdown_is_linted():
    depth = 25
    quotes = "".join("> " * level + f"Level {level} said the the plan was sound.\n" for level in range(1, depth + 1))
    items = "".join("  " * level + f"- Item {level} has the the detail.\n" for level in range(depth))
    assert len(flagged(quotes + "\n" + items, "NL503", suffix=".md")) == 2 * depth


def test_markdown_nested_beyond_the_parsers_limit_is_still_read():
    depth = MAX_NESTING + 20
    text = "> " * depth + "Deep down the the plan was sound.\n\nThe end.\n"
    assert flagged(text, "NL503", suffix=".md") == ["the the"]
    result = run_cli("check", "-", "--stdin-filename", "deep.md", "--select", "NL503", input=text.encode())
    assert result.returncode == 1 and b"Traceback" not in result.stderr


def test_quote_and_paragraph_lookups_agree_with_a_scan_of_every_one():
    text = "".join(f'Line {i} said "yes {i}" and ‘no’ then. “Open {i}\n\n' for i in range(60))
    document = read_document("draft.txt", text.encode())
    assert len(document.quotes) > 100
    for start in range(0, len(text), 7):
        for end in (start + 1, start + 5, start + 40):
            assert document.in_quote(start, end) == any(q.covers(start, end) for q in document.quotes)
            overlapping = [q for q in document.quotes if q.start < end and q.end > start]
            assert document.quotes_between(start, end) == overlapping
        inside = [p for p in document.paragraphs if start in p]
        assert document.paragraph_at(start) == (inside[0] if inside else None)
    share = document.quoted_share(0, len(text))
    quoted = sum(1 for q in document.quotes for ch in text[q.start : q.end] if not ch.isspace())
    assert share == quoted / sum(1 for ch in text if not ch.isspace())


def test_many_suppression_comments_silence_exactly_their_paragraphs():
    blocks = [f"<!-- newslint: ignore NL503 -->\n\nSilenced the the {i}.\n\nKept the the {i}.\n" for i in range(200)]
    text = (
        "\n".join(blocks)
        + "\n<!-- newslint: disable NL5 -->\n\nOff the the.\n\n<!-- newslint: enable NL503 -->\n\nOn the the.\n"
    )
    found = [text[text.rindex("\n", 0, d.start) + 1 : d.end] for d in lint(text, "NL503", suffix=".md")]
    assert found == ["Kept the the" for _ in range(200)] + ["On the the"]
