"""Quantity facts: every measured amount in the prose, with its pint unit and precision.

"about 290 kilometres", "a 290-kilometre road", "10-12 km", "between 10 and 12 miles",
"2.5 million tonnes", "40°C". The grammar is one regular expression built from the unit
lexicon in `rules/units.yaml`; pint gives canonical unit names and dimensions. Money, dates,
times and ages are never quantities: the lexicon has no currencies or time units, a number
after a currency sign is skipped, and ambiguous symbols ("m", "in", "t") must earn their
place (see `guards` in the pack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from newslint.analysis.quantities.lexicon import (
    canonical,
    lookup,
    pack,
    qualifier_map,
    quantity_regex,
    scale_factors,
    word_set,
)
from newslint.analysis.quantities.pairs import find_pairs
from newslint.numbers import AND_A_HALF, Reading, reading
from newslint.positions import head_end, tail_start

NEEDS: tuple[str, ...] = ()

WORD = re.compile(r"[A-Za-z]+")
ARTICLES = ("a", "an")  # "$3 a gallon": one unit of sale
IDIOM_SLACK = 16  # characters read past the longest idiom, for case mappings that change length
BRACKETED = re.compile(r"\s*[(\[][^)\]\n]*[)\]]")
# "6-foot-7", "5ft 9ins", "6 feet 2 inches"
FEET_AND_INCHES = re.compile(r"-(?P<inches>1[01]|\d)(?!\w|[.,]\d)|\s+(?P<spaced>1[01]|\d)\s*(?:inches|inch|ins|in)\b")


@dataclass(frozen=True)
class Quantity:
    """A measured amount, as written at `text` = document.text[start:end] (number and unit).

    `value` is the midpoint of `low`..`high` (equal for one value); `unit` is pint's canonical
    name and `dimension` its dimensionality ("kilometer", "[length]"). `qualifier` is the
    normalised word before the number ("about", "nearly", "more than", ...). Precision:
    `significant_figures` counts the digits surely meant (not a whole number's trailing
    zeros) and `resolution` is the place value of the last digit written. `is_difference`
    marks a temperature change ("rose by 10 °C"). `system` is metric, imperial or neutral.
    Units of uncertain size ("tons") carry an `ambiguity` note and every unit they may mean
    in `variants`; the bare "degrees" of a document that names one scale take that scale.
    `unit_of_sale` marks one unit written with an article ("$3 a gallon"): a price's unit, not
    a measured amount.
    """

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    unit: str
    dimension: str
    qualifier: str | None
    significant_figures: int
    resolution: float
    is_difference: bool
    unit_text: str
    system: str
    ambiguity: str | None = None
    variants: tuple[str, ...] = ()
    unit_of_sale: bool = False


def paragraph(analysis, pa) -> list[tuple[Quantity, bool]]:
    """The paragraph's quantities, each with whether it is in a conversion pair."""
    p = pa.paragraph
    quantities, in_pairs = paragraph_quantities(pa.text, p.start)
    # the prose has markup blanked out; the fact keeps the text as written
    return [(written(q, analysis.document.text[q.start : q.end]), q in in_pairs) for q in quantities]


def combine(analysis, parts: list[list[tuple[Quantity, bool]]]) -> list[Quantity]:
    found = [q for part in parts for q, _ in part]
    return with_stated_scale(found, {q for part in parts for q, paired in part if paired})


def written(q: Quantity, text: str) -> Quantity:
    """The quantity with its text as written, and whether that is a unit of sale ("a gallon")."""
    return replace(q, text=text, unit_of_sale=q.value == 1 and text.split()[0].lower() in ARTICLES)


def with_stated_scale(quantities: list[Quantity], paired: set[Quantity]) -> list[Quantity]:
    """Bare "degrees" take the temperature scale the document states, if it states only one.

    Conversion pairs are left out: "30 degrees (86 °F)" names the other scale."""
    alone = [q for q in quantities if q.dimension == "[temperature]" and q not in paired]
    scales = {q.unit for q in alone if not q.variants}
    if len(scales) != 1:
        return quantities
    (scale,) = scales
    resolved = {q: replace(q, unit=scale, ambiguity=None, variants=()) for q in alone if scale in q.variants}
    return [resolved.get(q, q) for q in quantities]


def paragraph_quantities(text: str, offset: int) -> tuple[list[Quantity], set[Quantity]]:
    """The quantities of one paragraph's text (which starts at `offset` in the document), and
    those of them in conversion pairs."""
    candidates = []
    for m in quantity_regex().finditer(text):
        found = candidate(m, text, offset)
        if found and (not candidates or found[0].start >= candidates[-1][0].end):
            candidates.append(found)
    items = [q for q, _ in candidates]
    pairs = find_pairs(items, text, offset)
    paired = {i for a, b, _ in pairs for i in (a, b)}
    for a, b, _ in pairs:
        if items[a].is_difference != items[b].is_difference:
            items[a] = replace(items[a], is_difference=True)
            items[b] = replace(items[b], is_difference=True)
    kept = [
        items[i]
        for i, (q, guard) in enumerate(candidates)
        if guard is None or i in paired or guard_allows(guard, text, q.start - offset, q.end - offset)
    ]
    return kept, {items[i] for i in paired}


def candidate(m: re.Match, text: str, offset: int) -> tuple[Quantity, str | None] | None:
    """One regex match as (quantity, guard key), or None when it is not a quantity."""
    info, guard = lookup(m["unit"])
    found = one(m, text, info.unit) if m["one"] else amount(m, text)
    if found is None:
        return None
    start, low, high = found
    end = m.end()
    ahead = text[start : start + longest_idiom() + IDIOM_SLACK].lower()
    if any(ahead.startswith(idiom) for idiom in pack()["not-quantities"]):
        return None
    if is_money_unit(info.unit, max(low.value, high.value), text, start, end):
        return None
    if low == high and (half := AND_A_HALF.match(text, end)):  # "a mile and a half"
        low = high = Reading(low.value + 0.5, low.significant_figures + 1, 0.5)
        end = half.end()
    elif info.unit == "foot" and low == high and (inches := FEET_AND_INCHES.match(text, end)):
        extra = int(inches["inches"] or inches["spaced"]) / 12
        low = high = Reading(low.value + extra, low.significant_figures + 1, 1 / 12)
        end = inches.end()
    lo, hi = sorted((low.value, high.value))
    qualifier = qualifier_map()[" ".join(m["qualifier"].lower().split())] if m["qualifier"] else None
    quantity = Quantity(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        value=(lo + hi) / 2,
        low=lo,
        high=hi,
        unit=info.unit,
        dimension=info.dimension,
        qualifier=qualifier,
        significant_figures=max(low.significant_figures, high.significant_figures),
        resolution=min(low.resolution, high.resolution),
        is_difference=info.dimension == "[temperature]" and is_difference(text, m.start(), end),
        unit_text=m["unit"],
        system=info.system,
        ambiguity=info.ambiguity,
        variants=info.variants,
    )
    return quantity, guard


def one(m: re.Match, text: str, unit: str) -> tuple[int, Reading, Reading] | None:
    """ "a mile": one unit, unless after "half" or a price ("$5 a gallon")."""
    start = m.start("one")
    previous = last_words(text, start, 1)
    if (previous and previous[0].lower() in word_set("not-one-after")) or ends_with_amount(last_run(text, start)):
        return None
    if unit not in one_units():
        return None
    return start, Reading(1.0, 1, 1.0), Reading(1.0, 1, 1.0)


def amount(m: re.Match, text: str) -> tuple[int, Reading, Reading] | None:
    """The number or range of a match, where it starts, or None when it is money."""
    scale = scale_factors()[m["scale"].strip().lower()] if m["scale"] else 1.0
    first = reading(m["n1"], scale)
    second = reading(m["n2"], scale) if m["n2"] else first
    if first is None or second is None:
        return None  # not a figure
    low = signed(first, m["sign1"])
    high = signed(second, m["sign2"]) if m["n2"] else low
    start = m.start("sign1") if m["sign1"] else m.start("n1")
    joint = (m["joint"] or "").strip().lower()
    between = (m["between"] or "").lower()
    if m["n2"] and (between == "from" or (joint == "and" and not between) or low.value > high.value):
        # "from 70 to 50 mph" is a change, "10 and 12 miles" a list and "rose in 2005 to 5.5
        # million tonnes" no range at all: only the last number counts
        low, start = high, m.start("sign2") if m["sign2"] else m.start("n2")
    elif m["n2"] and between:
        start = m.start("between")
    if is_money(last_run(text, start)) or re.match(r"0\d", m["n1"]):
        return None
    return start, low, high


@cache
def one_units() -> frozenset[str]:
    return frozenset(canonical(u)[0] for u in pack()["one-units"])


def signed(number: Reading, sign: str | None) -> Reading:
    return replace(number, value=-number.value) if sign else number


def is_money(before: str) -> bool:
    """True when the text before a number ends with a currency sign or code ("$", "US$ ")."""
    before = before.rstrip()
    if before[-1:] in pack()["currency-symbols"]:
        return True
    last = before.split()[-1:] if before else []
    return bool(last) and last[0] in pack()["currency-codes"]


def is_money_unit(unit: str, value: float, text: str, start: int, end: int) -> bool:
    """ "a trillion pounds", "500 pounds sterling", "cost 20 pounds": a currency named like a unit
    (the amount is text[start:end])."""
    money = pack()["money-units"].get(unit)
    if money is None:
        return False
    following = next_word(text, end)
    preceding = last_words(text, start, 2)
    return (
        value >= money["from"]
        or bool(following and following.group().lower() in money["after"])
        or any(w.lower() in money["before"] for w in preceding)
    )


def last_run(text: str, end: int) -> str:
    """The text before `end` from its last run of non-blanks on: all that `is_money` and
    `ends_with_amount` look at."""
    return text[tail_start(text, end, 1) : end]


def last_words(text: str, end: int, count: int) -> list[str]:
    """The last `count` words before `end`: WORD.findall(text[:end])[-count:], reading back
    only as far as needed."""
    runs = count
    while True:
        lo = tail_start(text, end, runs)
        found = WORD.findall(text, lo, end)  # no word spans the blank before `lo`
        if len(found) >= count or lo == 0:
            return found[-count:]
        runs *= 2


def next_word(text: str, end: int) -> re.Match | None:
    """The word right after `end`, past spaces and hyphens: WORD.match(text[end:].lstrip(" -"))."""
    while end < len(text) and text[end] in " -":
        end += 1
    return WORD.match(text, end)


@cache
def longest_idiom() -> int:
    return max((len(idiom) for idiom in pack()["not-quantities"]), default=0)


def ends_with_amount(before: str) -> bool:
    """True when the text before "a" is a number or price, as in "$5 a gallon"."""
    before = before.rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1:] in pack()["currency-symbols"])


def guard_allows(key: str, text: str, start: int, end: int) -> bool:
    """Whether a guarded unit symbol has the context that makes it a unit."""
    guard = pack()["guards"][key]
    following = next_word(text, end)
    if following and following.group().lower() in {w.lower() for w in guard.get("after", [])}:
        return True
    nearby = {w.lower() for w in guard.get("nearby", [])}
    window = pack()["nearby-window"]
    context = text[max(0, start - window) : start] + " " + text[end : end + window]
    return any(w.lower() in nearby for w in WORD.findall(context))


def is_difference(text: str, start: int, end: int) -> bool:
    """A temperature that is a change ("rose by 10 °C", "2C warmer"), not a reading."""
    cues = pack()["difference-before"]
    words = max((len(cue.split()) for cue in cues), default=0) + 1
    before = " ".join(text[tail_start(text, start, words) : start].lower().split())
    if any(before.endswith(" " + cue) or before == cue for cue in cues):
        return True
    bracket = BRACKETED.match(text, end)
    rest = bracket.end() if bracket else end
    exceptions = pack()["difference-after-exceptions"]
    words = max((len(e.split()) for e in exceptions), default=0) + 1
    after = " ".join(text[rest : head_end(text, rest, words)].lower().split())
    if any(after.startswith(e) for e in pack()["difference-after-exceptions"]):
        return False
    first = WORD.match(after)
    return bool(first) and first.group() in word_set("difference-after")
