"""Readability (NL5xx): long sentences, hard paragraphs, accidentally repeated words."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.checks import CheckContext
from newslint.data import load_pack
from newslint.diagnostics import Diagnostic
from newslint.positions import quotations
from newslint.registry import rule

MOSTLY_QUOTED = 0.5


@rule(
    "NL501",
    "sentence-too-long",
    summary="Sentence longer than the word limit",
    explanation="""A sentence with more words than `max-sentence-words` (default 40) is hard to
    follow in a news story; split it. Sentences that are mostly direct quotation are left alone,
    since a reporter may not rewrite a quote.""",
    bad="The ministry, which had promised for months that the new rules would take effect before "
    "the start of the school year, said on Monday that officials in every region would need "
    "more time to train teachers, update the software used by schools and explain the changes "
    "to parents, and that the rules would now apply from January.",
    good="The ministry said on Monday that the new rules would now apply from January. It had "
    "promised for months that they would take effect before the school year began.",
    needs=("sentences",),
    options={"max-sentence-words": 40},
    bounds={"max-sentence-words": (1, None)},
)
def sentence_too_long(ctx: CheckContext) -> Iterator[Diagnostic]:
    limit = ctx.options["max-sentence-words"]
    for span, tokens in ctx.analysis.sentence_tokens():
        count = sum(1 for t in tokens if not (t.is_punct or t.is_space))
        if count > limit and quotations(ctx.analysis).share(span.start, span.end) < MOSTLY_QUOTED:
            yield ctx.diagnostic(
                span.start, span.end, f"sentence has {count} words (limit {limit}); consider splitting it"
            )


@rule(
    "NL502",
    "paragraph-grade-too-high",
    summary="Paragraph above the target reading grade",
    explanation="""The Flesch-Kincaid grade of a paragraph (computed with textstat) is above
    `target-grade` (default 12; many newsrooms aim for 8 to 10). Paragraphs shorter than
    `min-paragraph-words` (default 30) and paragraphs that are mostly direct quotation are not
    measured.""",
    bad="Notwithstanding considerable institutional reluctance, parliamentary representatives "
    "unanimously authorised comprehensive infrastructural modernisation programmes, simultaneously "
    "establishing supplementary administrative oversight mechanisms, environmental sustainability "
    "obligations, intergovernmental coordination responsibilities and independent evaluation "
    "procedures for every participating regional authority.",
    good="Lawmakers voted on Tuesday to rebuild the city's old bridges. The work starts next "
    "spring and should take three years. A new panel will check the costs and report to "
    "the council every month until the last bridge is open.",
    severity="info",
    options={"target-grade": 12.0, "min-paragraph-words": 30},
    bounds={"target-grade": (0, None), "min-paragraph-words": (0, None)},
)
def paragraph_grade(ctx: CheckContext) -> Iterator[Diagnostic]:
    import textstat

    target = ctx.options["target-grade"]
    doc = ctx.document
    for p in doc.paragraphs:
        text = doc.prose[p.start : p.end]
        if p.kind == "heading" or textstat.lexicon_count(text) < ctx.options["min-paragraph-words"]:
            continue
        if quotations(ctx.analysis).share(p.start, p.end) >= MOSTLY_QUOTED:
            continue
        grade = textstat.flesch_kincaid_grade(text)
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
    needs=("tokens",),
)
def repeated_word(ctx: CheckContext) -> Iterator[Diagnostic]:
    pack = load_pack("readability")
    doubles = set(pack["legitimate-doubles"])
    function_words = set(pack["repeatable-function-words"])
    between = set(pack["intervening-words"])
    doc = ctx.document
    for pa in ctx.analysis.paragraphs:
        words = [t for t in pa.doc if not t.is_space]
        for i, first in enumerate(words[:-1]):
            second = words[i + 1]
            start = pa.offset + first.idx
            if doc.hides_words(pa.offset + first.idx, pa.offset + second.idx):
                continue  # "the `config.yaml` the": code, a comment or an image between
            if same_word(first, second) and first.lower_ not in doubles and not is_name(first, second, function_words):
                end = pa.offset + second.idx + len(second)
                quoted = doc.in_quote(start, end)
                fix = (
                    None
                    if quoted
                    else ctx.replacement(
                        pa.offset + first.idx + len(first), end, "", f"remove the second '{second.text}'"
                    )
                )
                yield ctx.diagnostic(start, end, repeated_message(first.text, quoted), fix=fix)
            elif i + 2 < len(words) and first.lower_ in function_words:
                third = words[i + 2]
                hidden = doc.hides_words(pa.offset + first.idx, pa.offset + third.idx)
                if same_word(first, third) and second.lower_ in between and second.is_alpha and not hidden:
                    end = pa.offset + third.idx + len(third)
                    message = repeated_message(first.text, doc.in_quote(start, end), around=second.text)
                    yield ctx.diagnostic(start, end, message)


def same_word(a, b) -> bool:
    """Two spellings of one whole word; "the the-ory" is not a repeat."""
    if not (a.is_alpha and b.is_alpha and a.lower_ == b.lower_):
        return False
    hyphenated = not b.whitespace_ and b.i + 1 < len(b.doc) and b.doc[b.i + 1].text in "-–"
    return not hyphenated and (a.text == b.text or not (a.is_upper or b.is_upper))


def is_name(first, second, function_words: set[str]) -> bool:
    """A capitalised pair such as "Duran Duran" or "NIL NIL" is a name, a title or a table cell."""
    return second.text[:1].isupper() and first.lower_ not in function_words


def repeated_message(word: str, quoted: bool, around: str | None = None) -> str:
    where = f" around '{around}'" if around else ""
    note = " (inside a quotation: check it against the source)" if quoted else ""
    return f"'{word}' is repeated{where}{note}"
