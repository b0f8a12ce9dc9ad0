"""Date facts: absolute dates, weekdays, relative days, ranges, datelines and the publication date.

Mentions are found per paragraph with patterns built from the month and weekday names in
`rules/figures.yaml`; the calendar arithmetic is the standard library's. `year` is the year as
written; `reference_for` gives the publication date (the "reference" fact or the configured
one) and `resolved_year` the year a mention takes from it when that is unambiguous. Nothing here reads the wall clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache

from newslint.analysis import LEAD_PARAGRAPHS
from newslint.data import load_pack
from newslint.numbers import alternation

NEEDS: tuple[str, ...] = ()

KINDS = ("date", "weekday", "relative", "range-start", "range-end", "dateline", "publication")
DATELINE_PREFIX = re.compile(r"\A[A-Z][\w .'’-]{0,40}(?:,\s*[A-Z][\w .'’-]{0,30}){0,2},\s*\Z")
DATELINE_SUFFIX = re.compile(r"\A\s*(?:\(|[-–—]|\.-|/)")
PUBLICATION_PREFIX = re.compile(r"(?:\A|\n)[ \t]*date:?[ \t]*\Z", re.I)
HALF_YEAR = 183


@dataclass(frozen=True)
class DateMention:
    """One date, weekday or relative day; `offset` is the day shift of a relative word."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    kind: str
    offset: int | None = None


@cache
def _names() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    pack = load_pack("figures")
    weekdays = {name: i for i, name in enumerate(pack["weekdays"])}
    return pack["months"], weekdays, pack["relative-days"]


@cache
def _range_words() -> tuple[re.Pattern, re.Pattern]:
    """What opens a range of dates before its start, and what joins its two ends."""
    pack = load_pack("figures")
    openers = re.compile(rf"\b(?:{alternation(pack['range-openers'])})\s+\Z", re.I)
    join = re.compile(rf"\A,?\s*(?:{alternation(pack['range-joiners'])})\s*\Z", re.I)
    return openers, join


@cache
def _trailing_weekday() -> re.Pattern:
    """A weekday written after its date: "March 5, a Tuesday", "5 March (Tuesday)"."""
    _, weekdays, _ = _names()
    links = alternation(load_pack("figures")["weekday-links"])
    return re.compile(
        rf"\A(?:,|\s*\()\s*(?:(?:{links})\s+)?(?P<weekday>{alternation(weekdays)})\b(?!['’]s)(?:\s*\))?", re.I
    )


def _with_trailing_weekday(mention: DateMention, after: str) -> DateMention:
    """The mention extended over a weekday written after it, when it has none before."""
    if mention.weekday is not None or mention.day is None:
        return mention
    m = _trailing_weekday().match(after)
    if m is None or not m.group("weekday")[0].isupper():
        return mention
    weekday = _names()[1][m.group("weekday").lower()]
    end = mention.end + m.end()
    return DateMention(
        mention.start, end, mention.text + m.group(), mention.year, mention.month, mention.day, weekday, mention.kind
    )


@cache
def _patterns() -> dict[str, re.Pattern]:
    months, weekdays, relative = _names()
    month = rf"(?P<month>{alternation(months)})(?:(?<=\b\w{{3}})(?<!\bmay)\.|(?<=\bsept)\.)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    weekday = rf"(?:(?P<weekday>{alternation(weekdays)})(?:,\s*|\s+|\s*\(\s*)(?:the\s+)?)?"
    flags = re.I
    return {
        "iso": re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        "mdy": re.compile(rf"\b{weekday}{month}\s+{day}\b(?!:|\.\d)(?:,?\s+{year}\b)?", flags),
        "dmy": re.compile(rf"\b{weekday}{day}\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?(?![\w-])", flags),
        "my": re.compile(rf"\b{month}\s+(?:of\s+)?{year}\b", flags),
        "weekday": re.compile(rf"\b(?P<weekday>{alternation(weekdays)})(?:'s)?\b", flags),
        "relative": re.compile(
            rf"\b(?P<rel>{alternation(relative)})\b(?:\s*(?:,|\()\s*(?P<weekday>{alternation(weekdays)})\b)?", flags
        ),
    }


def _capitalised(m: re.Match, group: str) -> bool:
    value = m.groupdict().get(group)
    return value is None or value[0].isupper()


def _mention(m: re.Match, kind: str, offset: int, iso: bool = False) -> DateMention | None:
    months, weekdays, _ = _names()
    if not iso and not (_capitalised(m, "month") and _capitalised(m, "weekday")):
        return None
    groups = m.groupdict()
    month = int(groups["month"]) if iso else months[groups["month"].lower()]
    if not 1 <= month <= 12:
        return None
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = weekdays[groups["weekday"].lower()] if groups.get("weekday") else None
    start, end = m.start() + offset, m.end() + offset
    return DateMention(start, end, m.group(), year, month, day, weekday, kind)


def _counted(mention: DateMention, after: str) -> bool:
    """True for a day that cannot exist followed by a noun: "In April 31 teams applied" is a count."""
    if mention.day is None or valid(None, mention.month, mention.day):
        return False
    word = re.match(r"\s+([a-z]+)", after)
    return word is not None and word.group(1) not in load_pack("figures")["date-followers"]


def _overlapping(a: DateMention, taken: list[DateMention]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in taken)


def paragraph_mentions(text: str, offset: int, opening: bool = True) -> list[DateMention]:
    """Every date mention in one paragraph's text, absolute offsets, in order.

    `opening` says whether the paragraph is near the top, where a dateline can stand.
    """
    p = _patterns()
    _, weekdays, relative = _names()
    found: list[DateMention] = []
    for name in ("iso", "mdy", "dmy", "my"):
        for m in p[name].finditer(text):
            mention = _mention(m, "date", offset, iso=name == "iso")
            if mention and _counted(mention, text[m.end() :]):
                continue
            if mention:
                mention = _with_trailing_weekday(mention, text[m.end() :])
            if mention and not _overlapping(mention, found):
                found.append(mention)
    for m in p["relative"].finditer(text):
        weekday = weekdays[m.group("weekday").lower()] if m.group("weekday") else None
        shift = relative[m.group("rel").lower()]
        mention = DateMention(
            m.start() + offset, m.end() + offset, m.group(), None, None, None, weekday, "relative", shift
        )
        if not _overlapping(mention, found):
            found.append(mention)
    for m in p["weekday"].finditer(text):
        mention = DateMention(
            m.start() + offset, m.end() + offset, m.group(), None, None, None, weekdays[m.group(1).lower()], "weekday"
        )
        if m.group()[0].isupper() and not _overlapping(mention, found):
            found.append(mention)
    found.sort(key=lambda d: d.start)
    return _mark_ranges(_mark_roles(found, text, offset, opening), text, offset)


def _mark_roles(found: list[DateMention], text: str, offset: int, opening: bool) -> list[DateMention]:
    """Datelines ("Washington, Oct 13 (EFE)") and `date 2023-10-14` lines."""
    marked = []
    for d in found:
        before, after = text[: d.start - offset], text[d.end - offset :]
        if d.kind == "date" and d.day and PUBLICATION_PREFIX.search(before):
            d = _with_kind(d, "publication")
        elif opening and d.kind == "date" and d.day and DATELINE_SUFFIX.match(after) and _dateline_place(before):
            d = _with_kind(d, "dateline")
        marked.append(d)
    return marked


def _dateline_place(before: str) -> bool:
    return not before.strip() or DATELINE_PREFIX.match(before) is not None


def _mark_ranges(found: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """Pairs joined as "between A and B" or "from A to B" become range-start and range-end."""
    openers, join = _range_words()
    result = list(found)
    for i in range(len(result) - 1):
        a, b = result[i], result[i + 1]
        if a.kind != "date" or b.kind != "date" or a.day is None or b.day is None:
            continue
        joined = join.match(text[a.end - offset : b.start - offset])
        opened = openers.search(text[: a.start - offset]) or text[a.end - offset : b.start - offset].strip() in "-–"
        if joined and opened:
            result[i], result[i + 1] = _with_kind(a, "range-start"), _with_kind(b, "range-end")
    return result


def _with_kind(d: DateMention, kind: str) -> DateMention:
    return DateMention(d.start, d.end, d.text, d.year, d.month, d.day, d.weekday, kind, d.offset)


def paragraph(analysis, pa) -> list[DateMention]:
    p = pa.paragraph
    return paragraph_mentions(pa.text, p.start, pa.position < LEAD_PARAGRAPHS)


def parse_iso(value: str | None) -> date | None:
    """A `YYYY-MM-DD` string (front matter, configuration) as a date, else None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    try:
        return date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def reference_for(analysis, configured: str = "") -> date | None:
    """The publication date: the configured `publication-date`, else the document's "reference" fact."""
    if found := parse_iso(configured):
        return found
    return next((r.date for r in analysis.facts("reference")), None)


def date_ranges(mentions: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """(start, end) mentions of each range ("between September 7 and October 1")."""
    return [(a, b) for a, b in zip(mentions, mentions[1:]) if a.kind == "range-start" and b.kind == "range-end"]


def resolved_year(mention: DateMention, reference: date | None) -> int | None:
    """The written year, or the reference's year when the month lies within half a year of it."""
    if mention.year or mention.month is None or reference is None:
        return mention.year
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if not MINYEAR <= year <= MAXYEAR:
            continue  # beyond the calendar: that year cannot be checked
        day = min(mention.day or 1, 28)
        if abs((date(year, mention.month, day) - reference).days) < HALF_YEAR - 30:
            return year
    return None


def valid(year: int | None, month: int | None, day: int | None) -> bool:
    """True when the day exists in the month (Feb 29 needs a leap year, or no year)."""
    try:
        date(year or 2000, month, day)
    except (TypeError, ValueError):
        return False
    return True


def shifted(reference: date, days: int) -> date | None:
    """The day `days` after `reference`; None beyond the calendar (after 9999-12-31, before 0001-01-01)."""
    try:
        return reference + timedelta(days=days)
    except OverflowError:
        return None
