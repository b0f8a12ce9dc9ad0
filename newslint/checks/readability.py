"""Readability (NL5xx): long sentences, hard paragraphs, accidentally repeated words."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks import CheckContext
from newslint.diagnostics import Diagnostic
from newslint.registry import rule

MOSTLY_QUOTED = 0.5


@rule(
    "NL501",
    "sentence-too-long",
    summary="Sentence longer than the word limit",
    explanation="""A sentence with more words than `max-sentence-words` (default 50) is hard to
    follow in a news story; split it. The default is what a desk editor would send back: in
    professional wire and broadcast copy (samples of BBC, Reuters and ECB+ articles) sentences of
    41 to 50 words are routine, 1.5 per 1,000 words above 40 against 0.3 above 50; a house
    style that wants shorter sentences sets its own limit. Words are counted as written ("Russian-flagged" and
    "Russia's" are one word each), and a sentence the parser left joined at a full stop ("set at
    $500m. It intends ...") is counted as two. Sentences that are mostly direct quotation are
    left alone, since a reporter may not rewrite a quote.""",
    bad="The ministry, which had promised for months that the new rules would take effect before "
    "the start of the school year, said on Monday that officials in every region would need "
    "more time to train teachers, update the software used by schools and explain the changes "
    "to parents, and that the rules would now apply from January.",
    good="The ministry said on Monday that the new rules would now apply from January. It had "
    "promised for months that they would take effect before the school year began.",
    needs=("sentence_lengths",),
    scope="paragraph",
    options={"max-sentence-words": 50},
    bounds={"max-sentence-words": (1, None)},
)
def sentence_too_long(ctx: CheckContext) -> Iterator[Diagnostic]:
    limit = ctx.options["max-sentence-words"]
    for s in ctx.analysis.facts("sentence_lengths"):
        if s.words > limit and ctx.analysis.document.quoted_share(s.start, s.end) < MOSTLY_QUOTED:
            yield ctx.diagnostic(s.start, s.end, f"sentence has {s.words} words (limit {limit}); consider splitting it")


@rule(
    "NL502",
    "paragraph-grade-too-high",
    summary="Paragraph above the target reading grade",
    explanation="""The Flesch-Kincaid grade of a paragraph (computed with textstat) is above
    `target-grade` (default 12; many newsrooms aim for 8 to 10). Paragraphs shorter than
    `min-paragraph-words` (default 30) and paragraphs that are mostly direct quotation are not
    measured. Off by default: a grade is a measurement for `newslint stats`, not an error to
    fix line by line; select NL502 to see it per paragraph.""",
    bad="Notwithstanding considerable institutional reluctance, parliamentary representatives "
    "unanimously authorised comprehensive infrastructural modernisation programmes, simultaneously "
    "establishing supplementary administrative oversight mechanisms, environmental sustainability "
    "obligations, intergovernmental coordination responsibilities and independent evaluation "
    "procedures for every participating regional authority.",
    good="Lawmakers voted on Tuesday to rebuild the city's old bridges. The work starts next "
    "spring and should take three years. A new panel will check the costs and report to "
    "the council every month until the last bridge is open.",
    severity="info",
    needs=("readability",),
    scope="paragraph",
    options={"target-grade": 12.0, "min-paragraph-words": 30},
    bounds={"target-grade": (0, None), "min-paragraph-words": (0, None)},
    enabled=False,
)
def paragraph_grade(ctx: CheckContext) -> Iterator[Diagnostic]:
    target = ctx.options["target-grade"]
    for p in ctx.analysis.facts("readability"):
        if p.words < ctx.options["min-paragraph-words"]:
            continue
        if ctx.analysis.document.quoted_share(p.start, p.end) >= MOSTLY_QUOTED:
            continue
        grade = p.flesch_kincaid_grade
        if round(grade, 1) > target:
            yield ctx.diagnostic(
                p.start,
                p.end,
                f"paragraph reads at grade {grade:.1f} (target {target:g}); use shorter sentences and words",
            )


@rule(
    "NL503",
    "repeated-word",
    summary="Accidentally repeated word",
    explanation="""A word typed twice ("the the"), or a function word repeated around a short
    adverb ("may again may"), is a slip left by rewriting. Correct doubles such as "had had"
    and "that that" are listed in `rules/readability.yaml` and stay silent, as do capitalised
    pairs that are names or titles ("Duran Duran"). Inside a direct
    quotation the slip is reported without a fix: check the quote against its source.""",
    bad="Officials said the the road would reopen on Monday.",
    good="Officials said the road would reopen on Monday, and that that decision was final.",
    fixable=True,
    needs=("repeats",),
    scope="paragraph",
)
def repeated_word(ctx: CheckContext) -> Iterator[Diagnostic]:
    for r in ctx.analysis.facts("repeats"):
        fix = None
        if r.fix_start is not None:
            fix = ctx.replacement(r.fix_start, r.fix_end, "", f"remove the second '{r.second}'")
        yield ctx.diagnostic(r.start, r.end, repeated_message(r.word, r.quoted, around=r.around), fix=fix)


def repeated_message(word: str, quoted: bool, around: str | None = None) -> str:
    where = f" around '{around}'" if around else ""
    note = " (inside a quotation: check it against the source)" if quoted else ""
    return f"'{word}' is repeated{where}{note}"


@rule(
    "NL504",
    "sentence-starts-with-numeral",
    summary="Sentence starts with a numeral in digits",
    explanation="""A sentence that begins with a number written in digits ("20 people were
    hurt") reads badly, and most style books (AP, Reuters, the BBC) spell the number out or
    recast the sentence: "Twenty people were hurt", "Police said 20 people were hurt". Years
    ("2004 was a record year"), list numbers, numbers that are part of a name, an address or a
    date ("10 Downing Street said", "5 March was"), headings, headlines and direct quotations are
    left alone.""",
    bad="The fire started before dawn. 20 people were taken to hospital.",
    good="The fire started before dawn. Twenty people were taken to hospital.",
    severity="info",
    needs=("sentence_openings",),
    scope="paragraph",
)
def sentence_starts_with_numeral(ctx: CheckContext) -> Iterator[Diagnostic]:
    for n in ctx.analysis.facts("sentence_openings"):
        if not ctx.analysis.document.in_quote(n.start, n.end):
            yield ctx.diagnostic(
                n.start, n.end, f"sentence starts with the numeral '{n.text}'; spell it out or recast the sentence"
            )
