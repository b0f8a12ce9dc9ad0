"""Arithmetic statements: a stated result next to the numbers it is computed from.

Seven shapes, read within one sentence from the figures found there (a change also from a
figure in an earlier sentence):
"rose from 20 to 30, a 50% increase" or "rose 50% to 30 from 20" (change, also "rose 50% to 30"
with the 20 in an earlier sentence), "rose 5 points from 20% to 25%" (points), "doubled from 20
to 40" (multiple), "12 of the 40 victims (30%)" or "one in five (20%)" (share), "120 people:
50 men and 70 women" (parts), "three of the two suspects" (part-of), and shares of one whole
listed in a sentence ("48% backed it, 41% opposed it and 11% did not say") (shares). Each
statement carries the interval the operands allow (their rounding included) and the interval
the stated result allows; a check compares them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack
from newslint.numbers import alternation
from newslint.positions import tail_start

NEEDS = ("figures", "change_verbs")

FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
TO_BETWEEN = re.compile(r"\A(?:\s+[a-z]+){0,2}\s*to\s*\Z", re.I)
SHARE_BETWEEN = re.compile(r"\A\s*(?:(?:out\s+)?of|in)\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?\Z", re.I)
OF_AFTER = re.compile(r"\s+of\b", re.I)
PART_OF_BETWEEN = re.compile(r"\A\s*(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?\Z", re.I)
SHARE_TO_PERCENT = re.compile(
    r"\A[^.;:\d]{0,40}?(?:\(|,\s*or\s+|[—–]\s*)\s*(?:about\s+|nearly\s+|some\s+|roughly\s+)?\Z"
)
TO_BEFORE = re.compile(r"\bto\s+\Z", re.I)
FROM_BETWEEN = re.compile(r"\A(?:\s+[a-z]+){0,2}\s*from\s*\Z", re.I)
UP_DOWN_BETWEEN = re.compile(r"\A[^\d.;:,]{0,30}?,?\s*(?:up|down)\s+\Z", re.I)
CHANGE_BEFORE = re.compile(r"(?:\b(?:up|down|by|of)|\b[a-z]+ed)\s+\Z", re.I)
PART_JOIN = re.compile(r"\A\s*[^\d.;:]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)\Z")
TO_JOIN = re.compile(r"\A\s+to\s+\Z", re.I)
CHANGE_WORDS = 5  # enough text before a percentage for _is_change: a qualifier, "than", a cue


@dataclass(frozen=True)
class Statement:
    """A stated result (`start`..`end`) and what its operands allow."""

    start: int
    end: int
    text: str
    kind: str
    stated_low: float
    stated_high: float
    computed_low: float
    computed_high: float
    operands: tuple[str, ...]


@cache
def _pack() -> dict:
    return load_pack("figures")


@cache
def _hedges() -> tuple[re.Pattern, int]:
    """The pattern of `multiplier-hedges` before a verb, and the most runs of non-blanks one spans."""
    hedges = _pack()["multiplier-hedges"]
    return re.compile(rf"\b(?:{alternation(hedges)})\s+\Z", re.I), max(len(h.split()) for h in hedges)


@cache
def _breakers() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(_pack()['share-list-breakers'])})\b", re.I)


@cache
def _partial() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(_pack()['partial-markers'])})\b", re.I)


def extract(analysis) -> list[Statement]:
    figures = analysis.facts("figures")
    prose = analysis.document.prose
    by_sentence: dict[int, list] = {}
    for f in figures:
        if f.kind != "age":
            by_sentence.setdefault(f.sentence_start, []).append(f)
    lemmas = _change_verbs(analysis)
    found: list[Statement] = _changes_across(list(by_sentence.values()), prose, lemmas)
    for sentence in by_sentence.values():
        found += _changes(sentence, prose, lemmas)
        found += _shares(sentence, prose)
        found += _parts(sentence, prose)
        found += _parts_of(sentence, prose)
        found += _share_sums(sentence, prose, lemmas)
    return sorted(found, key=lambda s: s.start)


def _bounds(f) -> tuple[float, float]:
    """The interval a figure allows, its rounding included."""
    return f.low - f.precision, f.high + f.precision


def _ratio(a, b) -> tuple[float, float] | None:
    """The interval of a / b."""
    (al, ah), (bl, bh) = _bounds(a), _bounds(b)
    if bl <= 0:
        return None
    return al / bh, ah / bl


def _before(prose: str, sentence: int, end: int, words: int) -> str:
    """The text of a sentence before `end`, cut to its last `words` runs of non-blanks: enough
    for a pattern anchored at `end` that spans no more runs."""
    return prose[tail_start(prose, end, words, sentence) : end]


def _comparable(x, y) -> bool:
    return x.kind == y.kind and x.kind in ("count", "money") and x.currency == y.currency


def _from_to(sentence, prose):
    """(earlier, later) figures of one kind written "from X to Y", "to Y from X" or "Y, up 12%
    from X"."""
    for x, y in zip(sentence, sentence[1:]):
        if not _comparable(x, y) and not (x.kind == y.kind == "percent"):
            continue
        if FROM_BEFORE.search(_before(prose, x.sentence_start, x.start, 1)) and TO_BETWEEN.match(
            prose[x.end : y.start]
        ):
            yield x, y
        elif TO_BEFORE.search(_before(prose, x.sentence_start, x.start, 1)) and FROM_BETWEEN.match(
            prose[x.end : y.start]
        ):
            yield y, x
    for y, z, x in zip(sentence, sentence[1:], sentence[2:]):
        if (
            _comparable(x, y)
            and z.kind == "percent"
            and UP_DOWN_BETWEEN.match(prose[y.end : z.start])
            and FROM_BETWEEN.match(prose[z.end : x.start])
        ):
            yield x, y


def _change_verbs(analysis) -> dict[str, list[int]]:
    """The offsets of the change verbs of each direction ("up", "down"), in order."""
    offsets: dict[str, list[int]] = {"up": [], "down": []}
    for verb in analysis.facts("change_verbs"):
        offsets[verb.direction].append(verb.start)
    return offsets


def _direction(lemmas: dict[str, list[int]], start: int, end: int) -> str | None:
    """ "up" or "down" from the change verbs in [start, end)."""
    for direction in ("up", "down"):
        offsets = lemmas[direction]
        first = bisect.bisect_left(offsets, start)
        if first < len(offsets) and offsets[first] < end:
            return direction
    return None


def _changes(sentence, prose, lemmas) -> list[Statement]:
    found = []
    changes: dict = {}  # figure -> whether it states a change
    pack = _pack()
    for x, y in _from_to(sentence, prose):
        ratio = _ratio(y, x)
        if ratio is None:
            continue
        direction = _direction(lemmas, x.sentence_start, max(x.start, y.start))
        lead = tail_start(prose, x.start, 2, x.sentence_start)
        verb = re.search(r"\b(\w+)\s+from\s+\Z", prose[lead : x.start])
        multiplier = pack["multipliers"].get(verb.group(1).lower()) if verb else None
        hedges, hedge_words = _hedges()
        if multiplier and not hedges.search(_before(prose, x.sentence_start, lead + verb.start(1), hedge_words)):
            t = pack["multiplier-tolerance"]
            found.append(
                Statement(
                    lead + verb.start(1),
                    lead + verb.end(1),
                    verb.group(1),
                    "multiple",
                    multiplier * (1 - t),
                    multiplier * (1 + t),
                    *ratio,
                    (x.text, y.text),
                )
            )
        if x.kind == "percent":
            found += _points(x, y, sentence, prose)
        cues = []
        for z in sentence:
            if z.kind != "percent" or z.qualifier not in (None, "about", "nearly") or z in (x, y):
                continue
            if z not in changes:
                changes[z] = _is_change(z, prose) or _after_change_verb(z, prose, lemmas)
            if changes[z]:
                cues.append(z)
        low, high = min(x.start, y.start), max(x.end, y.end)
        for z in sorted(cues, key=lambda z: max(low - z.end, z.start - high))[:1]:  # the nearest
            way = _noun_direction(z) or _word_direction(z, prose) or direction
            if way is None:
                continue
            sign = -1 if way == "down" else 1
            computed = sorted(((ratio[0] - 1) * 100, (ratio[1] - 1) * 100))
            stated = sorted((sign * (z.low - z.precision), sign * (z.high + z.precision)))
            found.append(Statement(z.start, z.end, z.text, "change", *stated, *computed, (x.text, y.text)))
    return found


def _points(x, y, sentence, prose) -> list[Statement]:
    """From one percentage to another, a change stated in points ("rose 5 percentage points
    from 20% to 30%", "from 20% to 25%, 5 points"): the nearest such figure is their difference."""
    nouns = set(_pack()["point-nouns"])
    low, high = min(x.start, y.start), max(x.end, y.end)
    cues = [z for z in sentence if z.kind == "count" and z.noun in nouns and z.qualifier in (None, "about", "nearly")]
    for z in sorted(cues, key=lambda z: max(low - z.end, z.start - high))[:1]:
        (xl, xh), (yl, yh) = _bounds(x), _bounds(y)
        low, high = yl - xh, yh - xl  # the difference, either way
        computed = (-high, -low) if high < 0 else (low, high) if low > 0 else (0.0, max(-low, high))
        stated = (z.low - z.precision, z.high + z.precision)
        return [Statement(z.start, z.end, z.text, "points", *stated, *computed, (x.text, y.text))]
    return []


def _changes_across(sentences, prose, lemmas) -> list[Statement]:
    """A change to a figure from one given in an earlier sentence ("sold 800 tractors" ...
    "output fell 15% to 680 tractors"): the percentage follows a change verb and "to" joins it
    to a figure with no "from" in its sentence; the earlier figure is the nearest one before of
    that noun, modifiers, currency and scale word ("bn", "million"), in no other place."""
    found = []
    last: dict[tuple, object] = {}
    for sentence in sentences:
        paired = {f for pair in _from_to(sentence, prose) for f in pair}
        for z, y in zip(sentence, sentence[1:]):
            x = last.get(_counted(y))
            if x is None or y in paired or z.kind != "percent" or z.qualifier not in (None, "about", "nearly"):
                continue
            if not TO_JOIN.match(prose[z.end : y.start]) or x.distinct or x.modifiers != y.modifiers:
                continue
            if _scale(x) != _scale(y):
                continue  # a profit of "6.3bn kronor" is no base for a share price of "20.7 kronor"
            if x.places and y.places and not set(x.places) & set(y.places):
                continue
            way = _word_direction(z, prose) or (
                _direction(lemmas, z.sentence_start, z.start) if _after_change_verb(z, prose, lemmas) else None
            )
            ratio = _ratio(y, x)
            if way is None or ratio is None:
                continue
            sign = -1 if way == "down" else 1
            computed = sorted(((ratio[0] - 1) * 100, (ratio[1] - 1) * 100))
            stated = sorted((sign * (z.low - z.precision), sign * (z.high + z.precision)))
            found.append(Statement(z.start, z.end, z.text, "change", *stated, *computed, (x.text, y.text)))
        for f in sentence:
            if f.kind in ("count", "money") and f.noun is not None:
                last[_counted(f)] = f
    return found


def _scale(f) -> str:
    """The scale word a figure is written with ("million" in "2.4 million", "bn"), or ""."""
    return "".join(re.findall(r"[^\W\d_]+", f.text)).lower()


def _counted(f) -> tuple:
    return f.kind, f.noun, f.currency


def _after_change_verb(z, prose, lemmas) -> bool:
    """The percentage follows a change verb, "by" at most between: "rose 12%", "fell by 15%"."""
    before = _before(prose, z.sentence_start, z.start, 2)
    word = re.search(r"(\S+)\s+(?:by\s+)?\Z", before)
    if word is None:
        return False
    start = z.start - len(before) + word.start(1)
    return _direction(lemmas, start, start + 1) is not None


def _word_direction(z, prose) -> str | None:
    """ "up" or "down" written right before the percentage ("up 12%")."""
    word = re.search(r"\b(up|down)\s+\Z", _before(prose, z.sentence_start, z.start, 1), re.I)
    return word.group(1).lower() if word else None


def _noun_direction(z) -> str | None:
    nouns = _pack()["change-nouns"]
    return next((d for d in ("up", "down") if z.noun in nouns[d]), None)


def _is_change(z, prose) -> bool:
    """The percentage is a change: "a 50% increase", "up 50%", "rose by 50%", "an increase of 50%"."""
    if _noun_direction(z):
        return True
    before = _before(prose, z.sentence_start, z.start, CHANGE_WORDS)
    if z.qualifier:
        before = re.sub(r"\S+(?:\s+than)?\s+\Z", "", before)
    return bool(CHANGE_BEFORE.search(before)) and not before.rstrip().endswith(("from", "to"))


def _shares(sentence, prose) -> list[Statement]:
    found = []
    for x, y, z in zip(sentence, sentence[1:], sentence[2:]):
        if x.kind != "count" or y.kind != "count" or z.kind != "percent" or x.qualifier or y.qualifier:
            continue
        if SHARE_BETWEEN.match(prose[x.end : y.start]) and SHARE_TO_PERCENT.match(prose[y.end : z.start]):
            ratio = _ratio(x, y)
            if ratio and z.qualifier in (None, "about", "nearly"):
                stated = (z.low - z.precision, z.high + z.precision)
                found.append(
                    Statement(
                        z.start, z.end, z.text, "share", *stated, ratio[0] * 100, ratio[1] * 100, (x.text, y.text)
                    )
                )
    return found


def _part_runs(sentence, prose) -> list[int]:
    """For each figure that can be a part, where the run of parts it begins ends (exclusive)."""
    runs = [0] * (len(sentence) + 1)
    for i in range(len(sentence) - 1, -1, -1):
        f = sentence[i]
        if f.kind != "count" or f.qualifier:
            runs[i] = i
            continue
        follows = i + 1 < len(sentence) and runs[i + 1] > i + 1
        joined = follows and PART_JOIN.match(prose[f.end : sentence[i + 1].start])
        runs[i] = runs[i + 1] if joined else i + 1
    return runs


def _parts(sentence, prose) -> list[Statement]:
    found = []
    runs = _part_runs(sentence, prose)
    for i, total in enumerate(sentence):
        if total.kind != "count" or total.qualifier or total.noun is None:
            continue
        first, stop = i + 1, runs[i + 1] if i + 1 < len(sentence) else i + 1
        if stop - first < 2:
            continue
        lead = prose[total.end : sentence[first].start]
        markers = _pack()["whole-markers"]
        if not any(m in lead for m in markers) or _partial().search(lead) or re.search(r"\d", lead):
            continue
        if " and " not in prose[sentence[stop - 2].end : sentence[stop - 1].start]:
            continue
        parts = sentence[first:stop]
        low = sum(p.value - p.precision for p in parts)
        high = sum(p.value + p.precision for p in parts)
        found.append(
            Statement(
                total.start,
                total.end,
                total.text,
                "parts",
                total.value - total.precision,
                total.value + total.precision,
                low,
                high,
                tuple(p.text for p in parts),
            )
        )
    return found


def _parts_of(sentence, prose) -> list[Statement]:
    """ "X of the Y" with X a plain count: X cannot exceed Y."""
    found = []
    for x, y in zip(sentence, sentence[1:]):
        if x.kind != "count" or y.kind != "count" or x.qualifier or y.qualifier in ("more than", "at least"):
            continue
        if PART_OF_BETWEEN.match(prose[x.end : y.start]):
            found.append(Statement(x.start, x.end, x.text, "part-of", x.value, x.value, 0.0, y.high, (y.text,)))
    return found


def _share_sums(sentence, prose, lemmas) -> list[Statement]:
    """Three or more shares listed in one sentence, none a change nor of a group of its own ("48%
    of men, 60% of women"), whose lowest reading adds up past 100%."""
    breakers = _breakers()
    runs, run = [], []
    for f in sentence:
        if f.kind != "percent" or f.qualifier not in (None, "about") or _is_change(f, prose):
            runs.append(run)
            run = []
            continue
        joined = (
            run and PART_JOIN.match(prose[run[-1].end : f.start]) and not breakers.search(prose[run[-1].end : f.start])
        )
        if run and not joined:
            runs.append(run)
            run = []
        run.append(f)
    runs.append(run)
    found = []
    for parts in runs:
        if len(parts) < 3 or any(_after_change_verb(p, prose, lemmas) for p in parts):
            continue
        if breakers.match(prose[parts[-1].end : parts[-1].end + 12].lstrip()):
            continue
        if sum(bool(OF_AFTER.match(prose, p.end)) for p in parts) > 1:
            continue  # each of its own whole
        low = sum(p.low - p.precision for p in parts)
        high = sum(p.high + p.precision for p in parts)
        texts = tuple(p.text for p in parts)
        found.append(
            Statement(
                parts[0].start,
                parts[-1].end,
                prose[parts[0].start : parts[-1].end],
                "shares",
                0.0,
                100.0,
                low,
                high,
                texts,
            )
        )
    return found
