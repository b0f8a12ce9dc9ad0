"""Figures and dates (NL3xx): contradictory figures, qualifier drift, weekdays, dates, ages, arithmetic."""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Iterator
from datetime import date

from newslint.checks import CheckContext
from newslint.data import load_pack
from newslint.diagnostics import Diagnostic, Related
from newslint.positions import grouped
from newslint.registry import rule

PUBLICATION = {"publication-date": ""}
COMPARED_KINDS = ("count", "money")
EPSILON = 1e-9


def _verbs_agree(a: str | None, b: str | None) -> bool:
    """Both figures hang on a verb of substance, the same one or one of a listed group."""
    pack = load_pack("figures")
    if a is None or b is None or a in pack["light-verbs"] or b in pack["light-verbs"]:
        return False
    return a == b or any(a in group and b in group for group in pack["verb-groups"])


def same_thing(a, b) -> bool:
    """True when two figures count the same thing: same noun, verb group, subject, modifiers and dates."""
    if a.kind != b.kind or a.kind not in COMPARED_KINDS or a.noun is None or a.noun != b.noun:
        return False
    if _measured(a) or _measured(b):
        return False
    if a.distinct or b.distinct or a.sentence_start == b.sentence_start or a.currency != b.currency:
        return False
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if set(a.modifiers) != set(b.modifiers):
        return False
    if a.context and b.context and not set(a.context) & set(b.context):
        return False
    return _verbs_agree(a.verb, b.verb) and not elsewhere(a, b)


def elsewhere(a, b) -> bool:
    """The sentences of two figures name places, or dates, and none in common."""
    return any(set(x) and set(y) and not set(x) & set(y) for x, y in ((a.places, b.places), (a.dates, b.dates)))


def noun_key(noun: str | None) -> str | None:
    """The first noun of the noun's group in `noun-groups` ("takeover" -> "deal"), else the noun."""
    return next((group[0] for group in load_pack("figures")["noun-groups"] if noun in group), noun)


def _verbs_conflict(a: str | None, b: str | None) -> bool:
    """Both verbs are listed in `verb-groups`, and in no group together ("kill" and "injure")."""
    groups = load_pack("figures")["verb-groups"]
    if a is None or b is None or a == b:
        return False
    listed = any(a in g for g in groups) and any(b in g for g in groups)
    return listed and not any(a in g and b in g for g in groups)


def same_set(a, b, event: bool = True) -> bool:
    """True when `b`, written as a set named before ("all 350 passengers", "the $2.3 billion
    takeover"), counts the set `a` counts: `a` counted by a verb of substance, the same noun or
    noun group, modifiers and currency; no conflicting verbs, nor a clause on `b` with another
    verb ("the 30 people injured" after "12 people killed"); no other place or date, no
    narrower part ("the 40 workers on the night shift") and, unless `b` names the whole set
    ("all 350"), no smaller count of a few: "the two banks" after "four banks" may be two singled out
    since (sets up to `singled-out` in `rules/figures.yaml`). Without `event`, for one figure restated, `a` may hang on any verb and a clause on
    `b` need only not conflict ("about 1,800 runners started" ... "the 1,800 who finished")."""
    if not b.back or a.kind != b.kind or a.kind not in COMPARED_KINDS or a.currency != b.currency:
        return False
    if a.noun is None or noun_key(a.noun) != noun_key(b.noun) or _measured(a) or _measured(b):
        return False
    if a.distinct or b.distinct or a.sentence_start == b.sentence_start or set(a.modifiers) != set(b.modifiers):
        return False
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if event and (a.verb is None or a.verb in load_pack("figures")["light-verbs"]):
        return False  # not a set counted by an event: "if it had been 50 people"
    if _verbs_conflict(a.verb, b.verb) or elsewhere(a, b):
        return False
    if not all(_covered(r, a) for r in b.restrictors):
        return False  # a part of the set: "the 40 workers on the night shift"
    if (
        event
        and a.kind == "count"
        and not b.whole
        and b.high < a.low
        and b.value <= load_pack("figures")["singled-out"]
    ):
        return False  # members singled out: "these two projects" after "three projects"
    if b.clause_verb is None:
        return True
    if event:
        return _verbs_agree(a.clause_verb or a.verb, b.clause_verb)
    return not _verbs_conflict(a.clause_verb or a.verb, b.clause_verb)


def _covered(restrictor: str, a) -> bool:
    """`a` says the same of its set: the restrictor itself ("the night shift"), or its head
    word as a where or when of `a` that no restrictor of `a` describes otherwise."""
    if restrictor in a.restrictors:
        return True
    head = restrictor.split()[-1]
    return head in a.context and not any(r.split()[-1] == head for r in a.restrictors)


def restated(a, b) -> bool:
    """True when `b` restates the total `a` gives in the same frame: the same thing
    (`same_thing`), and the same named subject or a where or when in common other than the
    counted noun itself ("North Korea sent 1,000 containers to Russia" ... "North Korea sent
    1,200 containers to Russia"). Two counts of one noun that share only their verb ("killed
    10 people" ... "killed 612 people"), or whose verbs have other subjects ("the company sold"
    ... "its rival sold"), may be two events."""
    if not same_thing(a, b):
        return False
    if a.subject is not None and a.subject == b.subject:
        return True
    if a.actor is not None and b.actor is not None and a.actor != b.actor and a.noun not in (a.actor, b.actor):
        return False
    return bool(set(a.context) & set(b.context) - {a.noun, b.noun})


def frames(f) -> list[tuple]:
    """The keys two figures share when one may restate the other (`restated`): its noun and
    modifiers with its named subject, or with each where or when besides the noun."""
    thing = (counted(f), frozenset(f.modifiers))
    keys = [(*thing, "subject", f.subject)] if f.subject is not None else []
    return keys + [(*thing, "context", c) for c in f.context if c != f.noun]


def lots(figures) -> set[int]:
    """The indices of figures whose sentence gives another figure of their noun: each is one
    lot of several ("two counts of murder, one count of attempted murder"), not the total."""
    seen: dict[tuple, list[int]] = {}
    for i, f in enumerate(figures):
        if f.noun is not None:
            seen.setdefault((f.sentence_start, counted(f)), []).append(i)
    return {i for group in seen.values() if len(group) > 1 for i in group}


def set_key(f) -> tuple:
    """What `same_set` needs two figures to share: kind, noun group and currency."""
    return f.kind, noun_key(f.noun), f.currency


def _measured(f) -> bool:
    """The number counts a unit, not the noun: "13 pct cap", "a 10 point lead"."""
    units = load_pack("figures")["not-counted-nouns"]
    return f.noun in units or any(m in units for m in f.modifiers)


def counted(f) -> tuple:
    """What `same_thing` needs two figures to share: kind, noun and currency."""
    return f.kind, f.noun, f.currency


def _bounds(f) -> tuple[float, float]:
    widen = f.precision if f.qualifier is None and f.precision > 0.5 else 0.0
    return f.low - widen, f.high + widen


def disjoint(a, b) -> bool:
    """True when the intervals two figures state cannot both hold."""
    (al, ah), (bl, bh) = _bounds(a), _bounds(b)
    if ah < bl or bh < al:
        return True
    return (ah == bl and (a.high_open or b.low_open)) or (bh == al and (b.high_open or a.low_open))


def drift(a, b) -> bool:
    """True when one figure is the other with its qualifier dropped."""
    return (
        a.value == b.value
        and (a.qualifier is None) != (b.qualifier is None)
        and "vague" not in (a.qualifier, b.qualifier)
    )


@rule(
    "NL301",
    "contradictory-figures",
    summary="Two different figures for the same counted thing",
    explanation="""Two figures for one set that cannot both be true. A set is counted again
    in two ways. Written as a set named before ("all 350 passengers", "those 350 people", "the
    $2.3 billion takeover" after "a $3.2 billion deal"), a figure is compared with the nearest
    earlier figure of its noun or noun group that an event counted. Restated in the same frame
    ("North Korea sent 1,000 containers to Russia" ... "North Korea sent 1,200 containers to
    Russia"), it is compared when the noun, the verb or its group, the modifiers and currency
    agree and the two share a named subject or a place or other object ("to Russia"). Never
    compared: figures in one sentence, one of several lots of a noun in a sentence ("two counts
    of murder, one count of attempted murder"), ranges, rates, conditionals, figures marked as
    another lot ("another 50", "50 more"), sets in other places or dates, a clause of another
    event ("the 30 people injured"), a narrower part ("the three coworkers from her shift"), a
    smaller set of a few written "the" or "these" ("the two banks" after "four banks": members
    singled out), and counts of one noun that share only their verb ("killed 10 people" ...
    "killed 612 people"). Rounding and qualifiers give each figure an interval; only disjoint
    intervals conflict. It is wrong when a story counts two sets of one noun in one frame
    without saying how they differ: a forecast and a result, or two years' audiences of one
    named show. Word lists are in `rules/figures.yaml`.""",
    bad="North Korea shipped 1,000 containers to Russia.\n\nOfficials said North Korea shipped 1,200 "
    "containers to Russia.",
    good="North Korea shipped 1,000 containers to Russia.\n\nRussian ships were seen unloading 50 "
    "containers in North Korea.",
    needs=("figures",),
)
def contradictory_figures(ctx: CheckContext) -> Iterator[Diagnostic]:
    figures = ctx.analysis.facts("figures")
    groups = grouped(figures, frames)
    sets = grouped(figures, lambda f: (set_key(f),))
    several = lots(figures)
    for i, later in enumerate(figures):
        if i in several:
            continue
        for earlier in _compared(figures, i, groups, sets, several, ctx.analysis.document):
            if disjoint(earlier, later) and not drift(earlier, later):
                yield ctx.diagnostic(
                    later.start,
                    later.end,
                    f"{later.noun} {'figure' if later.kind == 'money' else 'count'} '{later.phrase}' contradicts "
                    f"'{earlier.phrase}'",
                    related=(Related(ctx.document, earlier.start, earlier.end, f"earlier figure: {earlier.phrase}"),),
                )
                break


def _compared(figures, i: int, groups: dict, sets: dict, several: set[int], document) -> Iterator:
    """The earlier figures whose set figures[i] counts again: the set it refers back to (the
    nearest earlier figure of its noun group; not from a quotation, where "these two people"
    points at what the speaker has in view), then every total it restates. Lots of several in
    one sentence are neither."""
    later = figures[i]
    if later.back and not document.in_quote(later.start, later.end):
        positions = sets[set_key(later)]
        k = bisect.bisect_left(positions, i)
        if k and positions[k - 1] not in several and same_set(figures[positions[k - 1]], later):
            yield figures[positions[k - 1]]
    nearest = load_pack("figures")["restated-within"]
    candidates = set()
    for key in frames(later):
        positions = groups[key]
        k = bisect.bisect_left(positions, i)
        candidates.update(positions[max(k - nearest, 0) : k])
    for j in sorted(candidates):
        if j not in several and restated(figures[j], later):
            yield figures[j]


@rule(
    "NL302",
    "qualifier-drift",
    summary="A figure given with and without its qualifier",
    explanation="""One mention says "more than 1,000 containers", another a bare "1,000
    containers": either the figure is exact or it is a bound, and the story should say the same
    everywhere. Reported at the mention without the qualifier. Figures are matched as NL301
    matches them, including a set named again ("about 1,800 runners started" ... "the 1,800
    runners who finished"); a figure restated needs no subject or place in common with the
    other, since the same value already ties the two.""",
    bad="North Korea sent more than 1,000 containers to Russia.\n\nThe White House said North Korea "
    "sent 1,000 containers.",
    good="North Korea sent more than 1,000 containers to Russia.\n\nThe White House said North Korea "
    "sent over a thousand containers.",
    severity="info",
    needs=("figures",),
)
def qualifier_drift(ctx: CheckContext) -> Iterator[Diagnostic]:
    figures = ctx.analysis.facts("figures")
    qualified = grouped(figures, lambda f: ((counted(f), f.value),) if f.qualifier else ())  # same value
    sets = grouped(figures, lambda f: (set_key(f),))
    for i, bare in enumerate(figures):
        if bare.qualifier is not None:
            continue
        candidates = (figures[j] for j in qualified.get((counted(bare), bare.value), ()))
        other = next((f for f in candidates if same_thing(f, bare) and drift(f, bare)), None)
        other = other or _named_set(figures, i, sets)
        if other:
            yield ctx.diagnostic(
                bare.start,
                bare.end,
                f"{bare.noun} count '{bare.text}' drops the qualifier of '{other.phrase}'",
                related=(Related(ctx.document, other.start, other.end, f"qualified figure: {other.phrase}"),),
            )


def _named_set(figures, i: int, sets: dict):
    """The qualified figure that figures[i] refers back to with its qualifier dropped ("about
    1,800 runners started" ... "the 1,800 runners who finished"), or None."""
    bare = figures[i]
    if not bare.back:
        return None
    positions = sets[set_key(bare)]
    k = bisect.bisect_left(positions, i)
    earlier = figures[positions[k - 1]] if k else None
    if earlier is not None and earlier.qualifier and same_set(earlier, bare, event=False) and drift(earlier, bare):
        return earlier
    return None


def _reference(ctx: CheckContext):
    from newslint.analysis.dates import reference_for

    return ctx.analysis.facts("dates"), reference_for(ctx.analysis, ctx.options["publication-date"])


@rule(
    "NL303",
    "weekday-date-mismatch",
    summary="Weekday does not match the date",
    explanation="""An explicit weekday attached to a date ("Friday, October 14, 2023",
    "Friday 14 October", "October 14, a Friday", "14 October (Friday)") that falls on another day, or a relative day with a weekday ("yesterday (Thursday)") that does not
    match the publication date. The year is the one written, or the publication date's year when
    the month is within a few months of it. The publication date comes from the `publication-date`
    option (YYYY-MM-DD), a `date:` key in front matter, a `date YYYY-MM-DD` line, or a dateline
    that gives the year.""",
    bad="The summit opened on Friday, October 14, 2023, in Geneva.",
    good="The summit opened on Friday, October 13, 2023, in Geneva.",
    needs=("dates", "reference"),
    options=PUBLICATION,
)
def weekday_mismatch(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.analysis.dates import resolved_year, shifted, valid

    mentions, reference = _reference(ctx)
    names = load_pack("figures")["weekdays"]
    for m in mentions:
        if m.weekday is None:
            continue
        if m.kind == "relative" and reference is not None:
            actual = shifted(reference, m.offset)
            if actual is None:
                continue  # the day lies beyond the calendar
            where = f"the publication date {reference.isoformat()}"
        elif m.day is not None:
            year = resolved_year(m, reference)
            if year is None or not valid(year, m.month, m.day):
                continue
            actual = date(year, m.month, m.day)
            where = actual.isoformat()
        else:
            continue
        if actual.weekday() != m.weekday:
            yield ctx.diagnostic(
                m.start,
                m.end,
                f"'{m.text}' says {names[m.weekday].title()}, but {where} gives "
                f"{names[actual.weekday()].title()}, {calendar.month_name[actual.month]} {actual.day}, {actual.year}",
            )


@rule(
    "NL304",
    "impossible-date",
    summary="A date that does not exist, or a range that ends before it starts",
    explanation="""September 31, February 30, or February 29 in a year that is not a leap
    year; and ranges such as "between October 1 and September 7". A range without years that
    wraps over the new year ("from December 20 to January 5"), or that runs a whole year to the
    day before its start ("the fiscal year runs from October 1 to September 30"), is not
    reported.""",
    bad="The containers were shipped between October 1 and September 7.",
    good="The containers were shipped between September 7 and October 1.",
    needs=("dates", "reference"),
    options=PUBLICATION,
)
def impossible_date(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.analysis.dates import HALF_YEAR, date_ranges, resolved_year, valid

    mentions, reference = _reference(ctx)
    for m in mentions:
        if m.day is not None and not valid(resolved_year(m, reference), m.month, m.day):
            yield ctx.diagnostic(m.start, m.end, f"'{m.text}' does not exist")
    for a, b in date_ranges(mentions):
        ya, yb = resolved_year(a, reference), resolved_year(b, reference)
        if (ya is None) != (yb is None) or not (valid(ya, a.month, a.day) and valid(yb, b.month, b.day)):
            continue
        first, last = date(ya or 2000, a.month, a.day), date(yb or 2000, b.month, b.day)
        a_year = a.year is None and b.year is None and (first - last).days == 1  # "October 1 to September 30"
        if last < first and not a_year and (ya is not None or (first - last).days < HALF_YEAR):
            yield ctx.diagnostic(
                a.start,
                b.end,
                f"the range '{ctx.document.text[a.start : b.end]}' ends before it starts",
            )


def _age_key(name: str, firsts: dict[str, set[str]]) -> str:
    parts = name.lower().split()
    surname = parts[-1]
    if len(firsts.get(surname, ())) > 1:
        return name.lower()
    return surname


@rule(
    "NL305",
    "inconsistent-age",
    summary="One person given two ages",
    explanation="""A person's age is given twice with different values ("Smith, 45," and
    "the 46-year-old Smith"). Ages are read from "Name, 45,", "Name (45)", "Name, aged 45" and
    "the 45-year-old Name"; people are matched by surname unless two people with that surname
    appear, then by full name. A back reference ("the 46-year-old", "the 46-year-old mother")
    is the person mentioned nearest before it, and only when nobody else (named, or introduced
    as "a man") is mentioned since that person's age was given.""",
    bad="Maria Lopez, 45, runs the shelter.\n\nLopez, 47, said the shelter was full.",
    good="Maria Lopez, 45, runs the shelter.\n\nHer son, Tomas Lopez, 19, helps on weekends.",
    needs=("figures",),
)
def inconsistent_age(ctx: CheckContext) -> Iterator[Diagnostic]:
    ages = [f for f in ctx.analysis.facts("figures") if f.kind == "age" and f.subject]
    firsts: dict[str, set[str]] = {}
    for a in ages:
        parts = a.subject.lower().split()
        if len(parts) > 1:
            firsts.setdefault(parts[-1], set()).add(parts[0])
    seen: dict[str, object] = {}
    for a in ages:
        key = _age_key(a.subject, firsts)
        first = seen.setdefault(key, a)
        if first.value != a.value:
            yield ctx.diagnostic(
                a.start,
                a.end,
                f"{a.subject} is {a.text} here but {first.text} earlier",
                related=(Related(ctx.document, first.start, first.end, f"{first.subject} is {first.text}"),),
            )


def _arithmetic_message(s) -> str:
    mid = (s.computed_low + s.computed_high) / 2
    operands = " to ".join(s.operands)
    if s.kind == "change":
        return f"'{s.text}' does not match the change from {operands} ({mid:+.1f}%)"
    if s.kind == "points":
        return f"'{s.text}' points do not match the change from {operands} ({mid:.1f} points)"
    if s.kind == "multiple":
        return f"'{s.text}' does not match the change from {operands} (x{mid:.2f})"
    if s.kind == "share":
        return f"'{s.text}' does not match {' out of '.join(s.operands)} ({mid:.1f}%)"
    if s.kind == "part-of":
        return f"'{s.text}' cannot be part of {s.operands[0]}"
    if s.kind == "shares":
        return f"the shares {', '.join(s.operands)} add up to {mid:g}%, more than 100%"
    return f"the parts {', '.join(s.operands)} add up to {mid:g}, not {s.text}"


@rule(
    "NL306",
    "arithmetic-mismatch",
    summary="A stated change, share or total that contradicts its numbers",
    explanation="""A percentage change that does not follow from its two figures ("rose from 20
    to 30, a 60% increase", "fell 15% to 680 from 900", "$4.9m, up 12% from $4.1m"), also when
    the earlier figure stands in an earlier sentence ("sold 800 tractors" ... "output fell 25% to
    680 tractors": the nearest figure before of that noun, in no other place); a change between
    two percentages stated in points that is not their difference ("rose 5 percentage points
    from 20% to 30%"), or in percent that is not their ratio ("rose 5% from 20% to 25%" is 25%
    as a change, 5 points as a difference); "doubled",
    "tripled" or "halved" when the numbers say otherwise, a share "X of Y (Z%)" or "one in five,
    or 35%" that does not compute, a part larger than its whole ("three of the two suspects"),
    shares of one whole listed in a sentence that add up past 100%, and parts introduced as a
    breakdown ("120 people: 50 men and 60 women") that do not add up to the total. The rounding
    of every number written is allowed for; hedged statements ("nearly doubled"), shares each of
    its own group ("48% of men, 60% of women") and parts that may overlap ("of the 120
    arrested, 80 were released and 55 charged") are not checked.""",
    bad="Sales rose from 20 million to 30 million, a 60% increase.",
    good="Sales rose from 20 million to 30 million, a 50% increase.",
    needs=("arithmetic",),
)
def arithmetic_mismatch(ctx: CheckContext) -> Iterator[Diagnostic]:
    for s in ctx.analysis.facts("arithmetic"):
        if s.computed_high < s.stated_low - EPSILON or s.stated_high < s.computed_low - EPSILON:
            yield ctx.diagnostic(s.start, s.end, _arithmetic_message(s))
