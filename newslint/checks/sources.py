"""Cross-source checks (NL6xx): what a draft says against what its sources say.

These rules run with `newslint check DRAFT --against SOURCES` and `newslint compare FILES`;
`CrossContext.reports` decides, per mode, whether a difference is a finding and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint.alignment import (
    agrees,
    counted_figures,
    date_ranges,
    day_of,
    figure_counterparts,
    intervals_meet,
    name_counterparts,
    place_counterparts,
    prose_mentions,
    same_day,
    same_number,
    same_number_other_unit,
    stated_quantities,
)
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
    straight quotes, dashes, case, ellipses for omitted words) and a quote trimmed at either end
    are not differences. A quote
    that no source comes near is the draft's own material and is not reported; neither are
    quotes shorter than `min-quote-words` nor quoted titles and names (mostly capitalised). Against sources, the quote is looked for in their
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
            if len(words.text.split()) < ctx.options["min-quote-words"] or mostly_capitalised(text[start:end]):
                continue
            near = []
            for position, other, candidates in passages:
                matches = [m for m in (best_match(words, c) for c in candidates) if m]
                best = max(matches, key=lambda m: m.score, default=None)
                if best and best.score >= ctx.options["quote-near"]:
                    near.append((position, other, best))
            theirs = [(pos, words.text if trimmed(words.text, wording(o, m)) else wording(o, m)) for pos, o, m in near]
            if ctx.reports(words.text, theirs):
                _, other, closest = max(near, key=lambda item: item[2].score)
                related = tuple(Related(o.document, m.start, m.end, "closest source wording") for _, o, m in near)
                message = f"quote differs from {ctx.them}: {word_diff(words.text, wording(other, closest))}"
                yield ctx.diagnostic(start, end, message, related=related)


def mostly_capitalised(quote: str) -> bool:
    """A quoted title or name ("Old Mill Road Warehouse"), not speech."""
    words = [w for w in re.findall(r"[^\W\d_]+", quote) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def trimmed(ours: str, theirs: str) -> bool:
    """One wording is the other with words left off at either end: the same quote, trimmed."""
    return f" {ours} " in f" {theirs} " or f" {theirs} " in f" {ours} "


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


SAME = "same as the draft"


def first_mentions(facts, key) -> list:
    """One fact per key, the first in the text: a disagreement is reported once per document."""
    seen, kept = set(), []
    for fact in facts:
        if key(fact) not in seen:
            seen.add(key(fact))
            kept.append(fact)
    return kept


@rule(
    "NL601",
    "figure-differs-from-sources",
    summary="Figure differs from the sources",
    explanation="""A count or sum in the draft that the sources give differently: the same
    counted noun, governed by the same verb, with intervals that cannot both hold ("1,000
    containers" where the sources say 1,200; "about 800" where they say "more than 1,000").
    A figure the sources do not mention is not a finding, nor is one that a source's figure
    allows ("1,000" against "more than 1,000" is NL606's business). Off by default: across
    real versions of a story, small counts of one noun often count different things ("two
    shots" fired by one man, "six" in all); select NL601 for copy about a single count.""",
    bad="North Korea has sent 1,200 containers of munitions to Russia, officials said.",
    good="North Korea has sent 1,000 containers of munitions to Russia, officials said.",
    source="The United States said North Korea has sent about 1,000 containers of munitions to Russia.",
    needs=("figures", "quantities"),
    cross=True,
    enabled=False,
    options={"compare": COMPARED_KINDS},
)
def figure_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "figures"):
        return
    others = [(position, counted_figures(other), other) for position, other in ctx.others_in_order()]
    for figure in first_mentions(counted_figures(ctx.analysis), lambda f: (f.noun, f.verb, f.value)):
        theirs, related = [], []
        for position, figures, other in others:
            counterparts = figure_counterparts(figure, figures)
            if any(intervals_meet(figure, g) for g in counterparts):
                theirs.append((position, SAME))
            elif counterparts and len({g.value for g in counterparts}) == 1:
                theirs.append((position, counterparts[0].value))
                related += [Related(other.document, g.start, g.end, f"source says {g.text}") for g in counterparts]
        if ctx.reports(SAME, theirs):
            yield ctx.diagnostic(
                figure.start,
                figure.end,
                f"'{figure.text}' ({figure.noun or 'sum'}) differs from {ctx.them}, which give {given_by(related)}",
                related=tuple(related),
            )


@rule(
    "NL606",
    "qualifier-differs-from-sources",
    summary="Qualifier dropped or changed from the sources",
    explanation="""The draft gives the same number for the same counted noun as the sources
    but without their qualifier, or with another one: "1,000 containers" where the sources say
    "more than 1,000", or "about 50" where they say "at least 50". The verb may differ: the
    same number of the same thing is taken to be the same figure.""",
    bad="The United States accused North Korea of delivering 1,000 containers to Russia.",
    good="The United States accused North Korea of delivering more than 1,000 containers to Russia.",
    source="North Korea has sent more than 1,000 containers of military equipment to Russia, Kirby said.",
    needs=("figures", "quantities"),
    cross=True,
    options={"compare": COMPARED_KINDS},
)
def qualifier_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "figures"):
        return
    others = [(position, counted_figures(other), other) for position, other in ctx.others_in_order()]
    for figure in first_mentions(counted_figures(ctx.analysis), lambda f: (f.noun, f.value, f.qualifier)):
        theirs, related = [], []
        for position, figures, other in others:
            same = [g for g in figure_counterparts(figure, figures, by_verb=False) if same_number(figure, g)]
            if any(g.qualifier == figure.qualifier for g in same):
                theirs.append((position, figure.qualifier))
            elif same:
                theirs.append((position, same[0].qualifier))
                related += [Related(other.document, g.start, g.end, f"source says {describe(g)}") for g in same]
        if ctx.reports(figure.qualifier, theirs):
            yield ctx.diagnostic(
                figure.start,
                figure.end,
                f"'{describe(figure)}' ({figure.noun or 'sum'}) changes the qualifier of {ctx.them}, "
                f"which say {given_by(related)}",
                related=tuple(related),
            )


def given_by(related: list[Related], most: int = 2) -> str:
    """What the sources say, from the related locations: the first few distinct wordings."""
    wordings = (r.message.removeprefix("source says ") for r in related)
    said = list({w.casefold(): w for w in reversed(list(wordings))}.values())[::-1]
    return ", ".join(said[:most]) + (f" (and {len(said) - most} more)" if len(said) > most else "")


def describe(figure) -> str:
    """The figure with its qualifier, as the reader sees it ("more than 1,000")."""
    return f"{figure.qualifier} {figure.text}" if figure.qualifier and figure.qualifier != "vague" else figure.text


@rule(
    "NL605",
    "date-differs-from-sources",
    summary="Date differs from the sources",
    explanation="""A date range in the draft that shares one end with a range in the sources but
    not the other ("between September 8 and October 1" where the sources say September 7). Single
    dates are not aligned across documents yet: without the event they date, two dates in two
    texts cannot safely be taken for the same one.""",
    bad="The containers were shipped between September 8 and October 1, officials said.",
    good="The containers were shipped between September 7 and October 1, officials said.",
    source="Between September 7 and October 1, containers were shipped from Najin to Dunay.",
    needs=("dates",),
    cross=True,
    options={"compare": COMPARED_KINDS},
)
def date_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "dates"):
        return
    others = [(position, date_ranges(other), other) for position, other in ctx.others_in_order()]
    for first, last in date_ranges(ctx.analysis):
        theirs, related, wrong = [], [], None
        for position, ranges, other in others:
            for start, end in ranges:
                same_start, same_end = same_day(first, start), same_day(last, end)
                if same_start and same_end:
                    theirs.append((position, SAME))
                elif same_start or same_end:
                    theirs.append((position, (day_of(start), day_of(end))))
                    wrong = last if same_start else first
                    related.append(
                        Related(other.document, start.start, end.end, f"source says {start.text} to {end.text}")
                    )
        if wrong and ctx.reports(SAME, theirs):
            yield ctx.diagnostic(
                wrong.start,
                wrong.end,
                f"'{wrong.text}' differs from {ctx.them}, which give {given_by(related)}",
                related=tuple(related),
            )


@rule(
    "NL602",
    "unit-differs-from-sources",
    summary="Unit differs from the sources",
    explanation="""The draft gives a number in one unit where the sources give the same number
    in another unit of the same kind: "290 miles" where the sources say "290 kilometers", a
    slip made while converting. A draft value that is a fair conversion of a source value
    ("180 miles" for "290 kilometers") agrees with it. As in NL103, only numbers with at least
    `min-significant-figures` significant figures and units close enough in size to be
    confused count.""",
    bad="The depot lies approximately 290 miles from Ukraine's border.",
    good="The depot lies approximately 290 kilometers (180 miles) from Ukraine's border.",
    source="The depot is about 290 kilometers from the Russian border with Ukraine.",
    needs=("quantities", "conversions"),
    cross=True,
    options={"compare": COMPARED_KINDS, "min-significant-figures": 2},
)
def unit_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "quantities"):
        return
    others = [(position, stated_quantities(other), other) for position, other in ctx.others_in_order()]
    mine = [
        q for q in stated_quantities(ctx.analysis) if q.significant_figures >= ctx.options["min-significant-figures"]
    ]
    for quantity in first_mentions(mine, lambda q: (q.low, q.high, q.unit)):
        theirs, related = [], []
        for position, quantities, other in others:
            if any(agrees(quantity, q) for q in quantities):
                theirs.append((position, quantity.unit))
            elif clashes := [q for q in quantities if same_number_other_unit(quantity, q)]:
                theirs.append((position, clashes[0].unit))
                related += [Related(other.document, q.start, q.end, f"source says {q.text}") for q in clashes]
        if ctx.reports(quantity.unit, theirs):
            yield ctx.diagnostic(
                quantity.start,
                quantity.end,
                f"'{quantity.text}' differs from {ctx.them}, which give {given_by(related)}",
                related=tuple(related),
            )


@rule(
    "NL603",
    "place-spelling-differs-from-sources",
    summary="Place spelled differently from the sources",
    explanation="""The draft spells a place differently from the sources: a near spelling the
    gazetteer does not know ("Nakhin" where the sources say "Najin"), or another listed
    spelling of the same place ("Rajin"). Case and accents are not spelling ("Sao Paulo" and
    "São Paulo" agree); abbreviations ("US"), distinct places with similar names and places
    the sources do not name are never findings. Quoted words are left alone.""",
    bad="Containers were shipped from the port city of Nakhin, North Korea, to Dunay.",
    good="Containers were shipped from the port city of Najin, North Korea, to Dunay.",
    source="The containers left the North Korean port of Najin for Dunay in Russia, officials said.",
    needs=("places",),
    cross=True,
    options={"compare": COMPARED_KINDS},
)
def place_spelling_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    from newslint.folding import fold

    if not compares(ctx, "places"):
        return
    others = [(position, prose_mentions(other, "places"), other) for position, other in ctx.others_in_order()]
    for mention in first_mentions(prose_mentions(ctx.analysis, "places"), lambda m: fold(m.text)):
        yield from spelling_finding(ctx, mention, fold, place_counterparts, others)


@rule(
    "NL604",
    "name-spelling-differs-from-sources",
    summary="Person or organisation named differently from the sources",
    explanation="""The draft writes a full name differently from the sources: "Kim Jong-un"
    where the sources say "Kim Jong Un", "Volodymyr Zelenskyy" where they say "Zelensky".
    Names are matched through the same folding as NL204 (hyphens, spacing, accents, titles and
    transliteration groups in `rules/names.yaml`); periods, accents and a capital at the start
    of a word are not spelling. Surnames on their own are left alone.""",
    bad="North Korean leader Kim Jong-un met President Vladimir Putin in September.",
    good="North Korean leader Kim Jong Un met President Vladimir Putin in September.",
    source="North Korean leader Kim Jong Un visited Russia last month to meet President Vladimir Putin.",
    needs=("names",),
    cross=True,
    options={"compare": COMPARED_KINDS},
)
def name_spelling_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    from newslint.checks.places import name_spelling
    from newslint.folding import strip_diacritics

    def spelling(text: str) -> str:
        return name_spelling(strip_diacritics(text))

    if not compares(ctx, "names"):
        return
    others = [(position, prose_mentions(other, "names"), other) for position, other in ctx.others_in_order()]
    for mention in first_mentions(prose_mentions(ctx.analysis, "names"), lambda m: spelling(m.text)):
        yield from spelling_finding(ctx, mention, spelling, name_counterparts, others)


def spelling_finding(ctx: CrossContext, mention, spelling, counterparts, others) -> Iterator[Diagnostic]:
    """A finding when the other documents spell `mention`'s place or name another way."""
    mine = spelling(mention.text)
    theirs, related = [], []
    for position, mentions, other in others:
        found = counterparts(mention, mentions)
        if any(spelling(m.text) == mine for m in found):
            theirs.append((position, mine))
        elif found:
            theirs.append((position, spelling(found[0].text)))
            related += [Related(other.document, m.start, m.end, f"source says {m.text}") for m in found]
    if ctx.reports(mine, theirs):
        yield ctx.diagnostic(
            mention.start,
            mention.end,
            f"'{mention.text}' is spelled differently in {ctx.them}: {given_by(related)}",
            related=tuple(related),
        )
