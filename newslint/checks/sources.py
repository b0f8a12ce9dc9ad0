"""Cross-source checks (NL6xx): what a draft says against what its sources say.

These rules run with `newslint check DRAFT --against SOURCES` and `newslint compare FILES`;
`CrossContext.reports` decides, per mode, whether a difference is a finding and where.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from newslint.analysis.alignment import (
    agrees,
    compatible,
    counted_figures,
    date_ranges,
    dated_days,
    day_of,
    figure_counterparts,
    same_date,
    same_day,
    same_number,
    same_number_other_unit,
    stated_quantities,
)
from newslint.analysis.dated_events import same_event
from newslint.analysis.dates import reference_for
from newslint.analysis.identity import name_counterparts, name_form, place_counterparts, place_form, prose_mentions
from newslint.analysis.inventory import missed_names, missed_places
from newslint.analysis.passages import Passage, closest_wording, passages, speaker_of
from newslint.analysis.textmatch import word_diff
from newslint.checks.figure_sets import Pair
from newslint.crosscheck import AGAINST, CrossContext, Reading
from newslint.diagnostics import Diagnostic, Related
from newslint.registry import rule

if TYPE_CHECKING:
    from newslint.analysis import Analysis
    from newslint.analysis.wordings import Wording

COMPARED_KINDS = ["figures", "quantities", "places", "names", "dates", "quotes"]
# Options every cross rule reads: what it compares, and the sources a tie between versions favours.
SHARED = {"compare": COMPARED_KINDS, "reference": []}


def compares(ctx: CrossContext, kind: str) -> bool:
    return kind in ctx.options["compare"]


@rule(
    "NL607",
    "quote-not-in-sources",
    summary="Direct quote worded differently from the sources",
    explanation="""A direct quotation in the draft whose wording is close to a passage of a
    source but not the same: a misquote. The message shows a word diff against the closest
    source wording, and the related location points at it. A quote is compared only with a
    source passage of a speaker who may be the same (a shared name word, or one side naming
    no one), and only over the words the two share, trimmed to whole words: a partial quote
    that matches a contiguous part of a longer one is the same quote, and words only one side
    gives beyond the overlap are not compared. The window must hold at least `min-overlap` of
    the draft quote's words, and that share of its words must match in order, or it is
    another quote or a paraphrase. Typographic differences (curly or straight quotes, dashes,
    case, contractions, "6:00 p.m." for "6 p.m.", spelling variants one letter apart), ellipses
    for omitted words, editors' [insertions] and an attribution inside the source's quote
    ("…,” he said, “…") are not differences. A quote that no source comes near is the draft's
    own material and is not reported; neither are quotes shorter than `min-quote-words` nor
    quoted titles and names (mostly capitalised, as `rules/sources.yaml` sets), nor a "quote"
    that ends with a colon and the mark that opens the next one: its straight marks are paired
    the wrong way round, and it is the narrative between two quotes (`undertaken. "Mr Buckley
    ... He said: "`). Against
    sources, the quote is looked for in their whole text (a transcript need not use quotation
    marks); between versions of a story, only in their quotes.""",
    bad="“We will keep monitoring further arms shipments from North Korea to Russia,” Kirby said.",
    good="“We will continue monitoring additional arms shipments,” Kirby said.",
    source="“We will continue monitoring additional arms shipments from North Korea to Russia,” Kirby added.",
    needs=("wordings", "speakers"),
    cross=True,
    options={**SHARED, "min-quote-words": 4, "quote-near": 70.0, "min-overlap": 0.75},
    bounds={"min-quote-words": (1, None), "quote-near": (0, 100), "min-overlap": (0, 1)},
)
def quote_not_in_sources(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "quotes"):
        return
    least = ctx.options["min-quote-words"]
    checked = [w for w in ctx.analysis.facts("wordings") if w.size >= least and not w.titled and not w.misread]

    def read(wording: Wording, found: list[Passage]) -> Reading:
        closest = closest_wording(wording.words, speaker_of(ctx.analysis, wording), found)
        if closest is None or closest.matched < least:
            return None
        if closest.agrees:
            return wording.words.text, []
        covered = len(closest.ours.split()) / wording.size
        if closest.shared < ctx.options["min-overlap"] or covered < ctx.options["min-overlap"]:
            return None  # another quote, a paraphrase, or a few words that two quotes share
        if closest.score < ctx.options["quote-near"]:
            return None
        return closest.theirs, [closest]

    # A source (press release, transcript, wire copy) may give the words with or without
    # quotation marks, so its whole text counts; between versions of a story only their
    # quotes do: a version's paraphrase is not a misquote.
    prepare = partial(passages, whole_text=ctx.mode == AGAINST)
    for wording, where in ctx.disagreements(checked, lambda w: w.words.text, prepare, read):
        document, closest = max(where, key=lambda said: (said[1].matched, said[1].score))
        yield ctx.diagnostic(
            wording.start,
            wording.end,
            f"quote differs from {ctx.them}: {word_diff(closest.ours, closest.theirs)}",
            related=tuple(Related(document, m.start, m.end, "closest source wording") for document, m in where),
        )


SAME = "same as the draft"
VAGUE = "vague"  # the qualifier of a figure as vague as "hundreds" or "dozens"


@dataclass(frozen=True)
class DateRange:
    first: Any
    last: Any

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end


def said(where: list, text_of) -> tuple[Related, ...]:
    """Related locations for what the other documents say."""
    return tuple(Related(document, fact.start, fact.end, f"source says {text_of(fact)}") for document, fact in where)


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
    explanation="""A count or sum in the draft that the sources give differently, with intervals
    that cannot both hold ("1,000 containers" where the sources say 1,200; "about 800" where
    they say "more than 1,000"). Two figures are compared only when they count one set. In
    sentences that copy each other (at least `copy-share` of their words alike, in order) the
    figure in the same place is the same figure, and its number must be the same. Otherwise,
    as NL301 judges within a document, they need the same counted noun, governed by a verb of
    substance of one group, with the same modifiers, subject and no other place or date
    ("12,000 homes without power" and "10 homes destroyed" are not one set; nor are "45
    injured" and "54 killed"), and sentences that share at least `min-shared-words` words of
    their event beyond the figure's own noun and verb: another event's count in like words
    ("it killed 612 people" of an earlier quake) is not compared. A sum with no noun ("cut
    $716 billion") is compared only in copies. A count that grows as a story develops (a toll, an arrest,
    a figure risen to: `growing-verbs` and `growing-nouns` in `rules/sources.yaml`) is
    compared only between documents of one date, or between copies not dated apart: a later
    version's higher toll is news, not a contradiction. A bare round number may be rounded
    ("1,200" for 1,234); vague figures ("tens of thousands") are not compared, nor is a figure
    whose number the other document also gives for its noun, or whose source number the draft
    gives elsewhere for it or with no noun (the two count parts of one set: "blocked two shots"
    in a run of play, "6 blocked shots" in the game; "28 of 41 passes"), nor one that a source's figure allows ("1,000" against
    "more than 1,000" is NL606's business).""",
    bad="North Korea has sent 1,200 containers of munitions to Russia, officials said.",
    good="North Korea has sent 1,000 containers of munitions to Russia, officials said.",
    source="The United States said North Korea has sent about 1,000 containers of munitions to Russia.",
    needs=("figures", "quantities", "figure_frames", "reference"),
    cross=True,
    options={**SHARED, "min-shared-words": 1, "copy-share": 0.8},
    bounds={"min-shared-words": (0, None), "copy-share": (0, 1)},
)
def figure_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "figures"):
        return

    def prepare(other: Analysis) -> tuple[list, Pair]:
        return counted_figures(other), Pair(
            ctx.analysis, other, ctx.options["min-shared-words"], ctx.options["copy-share"]
        )

    def read(figure, prepared: tuple[list, Pair]) -> Reading:
        figures, pair = prepared
        verdicts = [
            (g, verdict)
            for g in figure_counterparts(figure, figures)
            if g.qualifier != VAGUE and (verdict := pair.agrees(figure, g)) is not None
        ]
        if any(verdict for _, verdict in verdicts):
            return SAME, []
        values = {g.value for g, _ in verdicts}
        own = given.get((figure.noun, figure.kind), set()) | given.get((None, figure.kind), set())
        if len(values) == 1 and not values & own:
            return verdicts[0][0].value, [g for g, _ in verdicts]
        return None

    document = ctx.analysis.document
    given: dict[tuple, set[float]] = {}  # the draft's own numbers per counted noun (or none)
    for f in ctx.analysis.facts("figures"):
        given.setdefault((f.noun, f.kind), set()).add(f.value)
    precise = [
        f for f in counted_figures(ctx.analysis) if f.qualifier != VAGUE and not document.in_quote(f.start, f.end)
    ]
    mine = first_mentions(precise, lambda f: (f.noun, f.verb, f.value))
    for figure, where in ctx.disagreements(mine, lambda f: SAME, prepare, read):
        related = said(where, lambda g: g.text)
        message = f"'{figure.text}' ({figure.noun or 'sum'}) differs from {ctx.them}, which give {given_by(related)}"
        yield ctx.diagnostic(figure.start, figure.end, message, related=related)


@rule(
    "NL606",
    "qualifier-differs-from-sources",
    summary="Qualifier dropped or changed from the sources",
    explanation="""The draft gives the same number for the same counted noun as the sources
    but drops or changes their qualifier so that the two cannot both hold: "1,000 containers"
    where the sources say "more than 1,000", or "nearly 50" where they say "at least 50". Each
    qualified figure is an interval (`qualifiers` in `rules/figures.yaml`); intervals that share
    a value are consistent ("nearly 100" and "as many as 100", "about 50" and "at least 50"), as
    are vague figures ("hundreds"). The verb may differ: the same number of the same thing is
    taken to be the same figure. A figure inside the draft's direct quotations is the
    speaker's, whatever another source counts; NL607 compares the quote's words.""",
    bad="The United States accused North Korea of delivering 1,000 containers to Russia.",
    good="The United States accused North Korea of delivering more than 1,000 containers to Russia.",
    source="North Korea has sent more than 1,000 containers of military equipment to Russia, Kirby said.",
    needs=("figures", "quantities"),
    cross=True,
    options=SHARED,
)
def qualifier_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "figures"):
        return

    def read(figure, figures) -> Reading:
        same = [
            g
            for g in figure_counterparts(figure, figures, by_verb=False)
            if same_number(figure, g) and g.qualifier != VAGUE
        ]
        if any(compatible(figure, g) for g in same):
            return figure.qualifier, []
        return (same[0].qualifier, same) if same else None

    document = ctx.analysis.document
    precise = [
        f for f in counted_figures(ctx.analysis) if f.qualifier != VAGUE and not document.in_quote(f.start, f.end)
    ]
    mine = first_mentions(precise, lambda f: (f.noun, f.value, f.qualifier))
    for figure, where in ctx.disagreements(mine, lambda f: f.qualifier, counted_figures, read):
        related = said(where, lambda g: g.phrase)
        message = (
            f"'{figure.phrase}' ({figure.noun or 'sum'}) changes the qualifier of {ctx.them}, "
            f"which say {given_by(related)}"
        )
        yield ctx.diagnostic(figure.start, figure.end, message, related=related)


def given_by(related: tuple[Related, ...], most: int = 2) -> str:
    """What the sources say, from the related locations: the first few distinct wordings."""
    wordings = (r.message.removeprefix("source says ") for r in related)
    said = list({w.casefold(): w for w in reversed(list(wordings))}.values())[::-1]
    return ", ".join(said[:most]) + (f" (and {len(said) - most} more)" if len(said) > most else "")


@rule(
    "NL605",
    "date-differs-from-sources",
    summary="Date differs from the sources",
    explanation="""A date in the draft that the sources give as another day for the same event:
    a range that shares one end with a range in the sources but not the other ("between
    September 8 and October 1" where the sources say September 7), or a single date or weekday
    of one event ("the hearing on March 4" where the sources say "the hearing on March 3"; "was
    arrested on Monday" where they say "on Sunday"). The event is the word the date hangs on,
    with its preposition and, for a verb, its subject or object, which adjectives may set
    apart ("the old bridge opened" is not "the new bridge opened"); dates of speech ("said on
    Tuesday") are left out. Relative days ("yesterday") are resolved from each document's own
    date; weekdays are compared only between documents of the same date.""",
    bad="The containers were shipped between September 8 and October 1, officials said.",
    good="The containers were shipped between September 7 and October 1, officials said.",
    source="Between September 7 and October 1, containers were shipped from Najin to Dunay.",
    needs=("dates", "dated_events", "reference"),
    cross=True,
    options=SHARED,
)
def date_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "dates"):
        return

    def read(mine: tuple, ranges: list) -> Reading:
        first, last = mine
        for start, end in ranges:
            same_start, same_end = same_day(first, start), same_day(last, end)
            if same_start and same_end:
                return SAME, []
            if same_start or same_end:
                return (day_of(start), day_of(end)), [DateRange(start, end)]
        return None

    for (first, last), where in ctx.disagreements(date_ranges(ctx.analysis), lambda r: SAME, date_ranges, read):
        related = said(where, lambda r: f"{r.first.text} to {r.last.text}")
        wrong = last if same_day(first, where[0][1].first) else first
        message = f"'{wrong.text}' differs from {ctx.them}, which give {given_by(related)}"
        yield ctx.diagnostic(wrong.start, wrong.end, message, related=related)
    yield from event_dates_differ(ctx)


def event_dates_differ(ctx: CrossContext) -> Iterator[Diagnostic]:
    """Single dates and weekdays of one event that the other documents give as another day."""
    here = reference_for(ctx.analysis)

    def prepare(other: Analysis) -> tuple[list, bool]:
        there = reference_for(other)
        return dated_days(other), here is not None and here == there

    def read(mine: tuple, prepared: tuple[list, bool]) -> Reading:
        theirs, same_week = prepared
        verdicts = [(t, same_date(mine, t, same_week)) for t in theirs if same_event(t[0], mine[0])]
        if any(verdict for _, verdict in verdicts):
            return SAME, []
        differ = [t for t, verdict in verdicts if verdict is False]
        return ((differ[0][1], differ[0][2]), [t[0] for t in differ]) if differ else None

    mine = first_mentions(dated_days(ctx.analysis), lambda d: (d[0].event, d[0].actor, d[1], d[2]))
    for (event, _, _), where in ctx.disagreements(mine, lambda d: SAME, prepare, read):
        related = said(where, lambda e: e.text)
        message = f"'{event.text}' ({event.event[1]}) differs from {ctx.them}, which give {given_by(related)}"
        yield ctx.diagnostic(event.start, event.end, message, related=related)


@rule(
    "NL602",
    "unit-differs-from-sources",
    summary="Unit differs from the sources",
    explanation="""The draft gives a number in one unit where the sources give the same number
    in another unit of the same kind: "290 miles" where the sources say "290 kilometers", a
    slip made while converting. A draft value that is a fair conversion of a source value
    ("180 miles" for "290 kilometers") agrees with it, within the relative `tolerance` as in
    NL101. As in NL103, only numbers with at least `min-significant-figures` significant
    figures and units close enough in size to be confused count.""",
    bad="The depot lies approximately 290 miles from Ukraine's border.",
    good="The depot lies approximately 290 kilometers (180 miles) from Ukraine's border.",
    source="The depot is about 290 kilometers from the Russian border with Ukraine.",
    needs=("quantities", "conversions"),
    cross=True,
    options={**SHARED, "min-significant-figures": 2, "tolerance": 0.02},
    bounds={"min-significant-figures": (1, None), "tolerance": (0, 1)},
)
def unit_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if not compares(ctx, "quantities"):
        return

    def read(quantity, quantities) -> Reading:
        if any(agrees(quantity, q, ctx.options["tolerance"]) for q in quantities):
            return quantity.unit, []
        clashes = [q for q in quantities if same_number_other_unit(quantity, q)]
        return (clashes[0].unit, clashes) if clashes else None

    precise = [
        q for q in stated_quantities(ctx.analysis) if q.significant_figures >= ctx.options["min-significant-figures"]
    ]
    mine = first_mentions(precise, lambda q: (q.low, q.high, q.unit))
    for quantity, where in ctx.disagreements(mine, lambda q: q.unit, stated_quantities, read):
        related = said(where, lambda q: q.text)
        message = f"'{quantity.text}' differs from {ctx.them}, which give {given_by(related)}"
        yield ctx.diagnostic(quantity.start, quantity.end, message, related=related)


@rule(
    "NL603",
    "place-spelling-differs-from-sources",
    summary="Place spelled differently from the sources",
    explanation="""The draft spells a place differently from the sources: a near spelling the
    gazetteer does not know ("Nakhin" where the sources say "Najin"), or another listed
    spelling of the same place ("Rajin"). Case and accents are not spelling ("Sao Paulo" and
    "São Paulo" agree); abbreviations ("US"), distinct places with similar names and places
    the sources do not name are never findings. Quoted words are left alone. The sources'
    places are looked for in the draft's own words too, wherever its sentences differ: a
    capitalised word one letter from one of them (same last letter; not a demonym, a plural,
    a listed place or a word the sources write themselves) is that place misspelled.""",
    bad="Containers were shipped from the port city of Nakhin, North Korea, to Dunay.",
    good="Containers were shipped from the port city of Najin, North Korea, to Dunay.",
    source="The containers left the North Korean port of Najin for Dunay in Russia, officials said.",
    needs=("places",),
    cross=True,
    options=SHARED,
)
def place_spelling_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if compares(ctx, "places"):
        yield from spelling_differences(ctx, "places", unspaced(place_form), place_counterparts, missed_places)


@rule(
    "NL604",
    "name-spelling-differs-from-sources",
    summary="Person or organisation named differently from the sources",
    explanation="""The draft writes a full name differently from the sources: "Kim Jong-un"
    where the sources say "Kim Jong Un", "Volodymyr Zelenskyy" where they say "Zelensky".
    Names are matched through the same folding as NL204 (hyphens, spacing, accents, titles and
    transliteration groups in `rules/names.yaml`); periods, accents and a capital at the start
    of a word are not spelling. Surnames on their own are left alone. The sources' full names
    are looked for in the draft's own words too, so that a slip the entity recogniser passes
    over ("Jacinda Arden") is found wherever the draft's sentences differ.""",
    bad="North Korean leader Kim Jong-un met President Vladimir Putin in September.",
    good="North Korean leader Kim Jong Un met President Vladimir Putin in September.",
    source="North Korean leader Kim Jong Un visited Russia last month to meet President Vladimir Putin.",
    needs=("names",),
    cross=True,
    options=SHARED,
)
def name_spelling_differs(ctx: CrossContext) -> Iterator[Diagnostic]:
    if compares(ctx, "names"):
        yield from spelling_differences(ctx, "names", unspaced(uncapped(name_form)), name_counterparts, missed_names)


def uncapped(form):
    """A spelling with each word set in capitals read as capitalised ("FOX News" is "Fox News",
    not a slip); words under three letters are left alone, as initials."""
    return lambda text: form(
        " ".join(w.capitalize() if w.isalpha() and w.isupper() and len(w) > 2 else w for w in text.split())
    )


def unspaced(form):
    """A spelling as compared, less its spaces: "P.J.Carlesimo" is "P.J. Carlesimo"."""
    return lambda text: form(text).replace(" ", "")


def spelling_differences(ctx: CrossContext, kind: str, spelling, counterparts, missed) -> Iterator[Diagnostic]:
    """Places or names that the other documents spell another way, among the draft's mentions
    and the runs of its words that `missed` reads as the other documents' names."""

    def read(mention, mentions) -> Reading:
        found = counterparts(mention, mentions)
        if any(spelling(m.text) == spelling(mention.text) for m in found):
            return spelling(mention.text), []
        return (spelling(found[0].text), found) if found else None

    mentions = sorted([*prose_mentions(ctx.analysis, kind), *missed(ctx.analysis, ctx.others)], key=lambda m: m.start)
    mine = first_mentions(mentions, lambda m: spelling(m.text))
    theirs = partial(prose_mentions, kind=kind)
    for mention, where in ctx.disagreements(mine, lambda m: spelling(m.text), theirs, read):
        related = said(where, lambda m: m.text)
        message = f"'{mention.text}' is spelled differently in {ctx.them}: {given_by(related)}"
        yield ctx.diagnostic(mention.start, mention.end, message, related=related)
