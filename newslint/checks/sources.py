"""Cross-source checks (NL6xx): what a draft says against what its sources say.

These rules run with `newslint check DRAFT --against SOURCES` and `newslint compare FILES`;
`CrossContext.reports` decides, per mode, whether a difference is a finding and where.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.crosscheck import AGAINST, CrossContext
from newslint.diagnostics import Diagnostic, Related
from newslint.registry import rule

if TYPE_CHECKING:
    from newslint.analysis import Analysis
from newslint.textmatch import Match, Normalised, best_match, fragments, normalise, word_diff

COMPARED_KINDS = ["figures", "quantities", "places", "names", "dates", "quotes"]


def compares(ctx: CrossContext, kind: str) -> bool:
    return kind in ctx.options["compare"]


@rule(
    "NL607",
    "quote-not-in-sources",
    summary="Direct quote worded differently from the sources",
    explanation="""A direct quotation in the draft whose wording is close to a passage of a
    source but not the same: a misquote. The message shows a word diff against the closest
    source wording, and the related location points at it. Typographic differences (curly or
    straight quotes, dashes, case, ellipses for omitted words) are not differences. A quote
    that no source comes near is the draft's own material and is not reported; neither are
    quotes shorter than `min-quote-words`. Against sources, the quote is looked for in their
    whole text (a transcript need not use quotation marks); between versions of a story, only
    in their quotes.""",
    bad="“We will keep monitoring further arms shipments from North Korea to Russia,” Kirby said.",
    good="“We will continue monitoring additional arms shipments,” Kirby said.",
    source="“We will continue monitoring additional arms shipments from North Korea to Russia,” Kirby added.",
    cross=True,
    options={"compare": COMPARED_KINDS, "min-quote-words": 4, "quote-near": 70.0},
)
def quote_not_in_sources(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "quotes"):
        return
    text = ctx.document.text
    passages = [(position, other, quoted_passages(ctx, other)) for position, other in ctx.others_in_order()]
    for quote in ctx.document.quotes:
        for start, end in fragments(text, quote.start, quote.end):
            words = normalise(text, start, end)
            if len(words.text.split()) < ctx.options["min-quote-words"]:
                continue
            near = []
            for position, other, candidates in passages:
                matches = [m for m in (best_match(words, c) for c in candidates) if m]
                best = max(matches, key=lambda m: m.score, default=None)
                if best and best.score >= ctx.options["quote-near"]:
                    near.append((position, other, best))
            theirs = [(pos, wording(o, m)) for pos, o, m in near]
            if ctx.reports(words.text, theirs):
                _, other, closest = max(near, key=lambda item: item[2].score)
                related = tuple(Related(o.document, m.start, m.end, "closest source wording") for _, o, m in near)
                message = f"quote differs from the sources: {word_diff(words.text, wording(other, closest))}"
                yield ctx.diagnostic(start, end, message, related=related)


def quoted_passages(ctx: CrossContext, other: Analysis) -> list[Normalised]:
    """Where a quote may be found in another document.

    A source (press release, transcript, wire copy) may give the words with or without quotation
    marks, so its whole text counts. Between versions of a story, only their quotes count: a
    version's paraphrase is not a misquote.
    """
    document = other.document
    if ctx.mode == AGAINST:
        return [normalise(document.text)]
    return [normalise(document.text, q.start, q.end) for q in document.quotes]


def wording(other: Analysis, match: Match) -> str:
    return normalise(other.document.text, match.start, match.end).text
