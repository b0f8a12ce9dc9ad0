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

from newslint.analysis.quantities.lexicon import lookup, pack, qualifier_map, quantity_regex, scale_factors, word_set
from newslint.analysis.quantities.numbers import Number, parse_number
from newslint.analysis.quantities.pairs import find_pairs

NEEDS: tuple[str, ...] = ()

WORD = re.compile(r"[A-Za-z]+")
BRACKETED = re.compile(r"\s*[(\[][^)\]\n]*[)\]]")


@dataclass(frozen=True)
class Quantity:
    """A measured amount; `value` is the midpoint of `low`..`high` (equal for one value)."""

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


def extract(analysis) -> list[Quantity]:
    document = analysis.document
    found: list[Quantity] = []
    for pa in analysis.paragraphs:
        p = pa.paragraph
        found.extend(paragraph_quantities(document.prose[p.start : p.end], p.start))
    return found


def paragraph_quantities(text: str, offset: int) -> list[Quantity]:
    """The quantities of one paragraph's text, which starts at `offset` in the document."""
    candidates = [c for m in quantity_regex().finditer(text) if (c := candidate(m, text, offset))]
    items = [q for q, _, _ in candidates]
    pairs = find_pairs(items, text, offset)
    paired = {i for a, b, _ in pairs for i in (a, b)}
    for a, b, _ in pairs:
        if items[a].is_difference != items[b].is_difference:
            items[a] = replace(items[a], is_difference=True)
            items[b] = replace(items[b], is_difference=True)
    return [
        items[i]
        for i, (q, guard, _) in enumerate(candidates)
        if guard is None or i in paired or guard_allows(guard, text, q.start - offset, q.end - offset)
    ]


def candidate(m: re.Match, text: str, offset: int) -> tuple[Quantity, str | None, int] | None:
    """One regex match as (quantity, guard key, start of its qualifier), or None if not one."""
    info, guard = lookup(m["unit"])
    if m["one"]:
        previous = WORD.findall(text[: m.start("one")])[-1:]
        if (previous and previous[0].lower() in word_set("not-one-after")) or ends_with_amount(text[: m.start()]):
            return None
        if any(text[m.start("one") :].lower().startswith(idiom) for idiom in pack()["not-quantities"]):
            return None
        start, low, high = m.start("one"), Number(1.0, 1, 1.0), None
    else:
        scale = scale_factors()[m["scale"].strip().lower()] if m["scale"] else 1.0
        low = signed(parse_number(m["n1"], scale), m["sign1"])
        high = signed(parse_number(m["n2"], scale), m["sign2"]) if m["n2"] else None
        start = m.start("sign1") if m["sign1"] else m.start("n1")
        if (
            high
            and (m["between"] or "").lower() == "from"
            or (m["joint"] or "").strip().lower() == "and"
            and not m["between"]
        ):
            low, high, start = high, None, m.start("sign2") if m["sign2"] else m.start("n2")
        elif m["between"] and high:
            start = m.start("between")
        if is_money(text[:start]):
            return None
    high = high or low
    lo, hi = sorted((low.value, high.value))
    qualifier = qualifier_map()[" ".join(m["qualifier"].lower().split())] if m["qualifier"] else None
    quantity = Quantity(
        start=offset + start,
        end=offset + m.end(),
        text=text[start : m.end()],
        value=(lo + hi) / 2,
        low=lo,
        high=hi,
        unit=info.unit,
        dimension=info.dimension,
        qualifier=qualifier,
        significant_figures=max(low.significant_figures, high.significant_figures),
        resolution=min(low.resolution, high.resolution),
        is_difference=info.dimension == "[temperature]" and is_difference(text, m.start(), m.end()),
        unit_text=m["unit"],
        system=info.system,
        ambiguity=info.ambiguity,
        variants=info.variants,
    )
    return quantity, guard, m.start()


def signed(number: Number, sign: str | None) -> Number:
    return replace(number, value=-number.value) if sign else number


def is_money(before: str) -> bool:
    """True when the text before a number ends with a currency sign or code ("$", "US$ ")."""
    before = before.rstrip()
    if before[-1:] in pack()["currency-symbols"]:
        return True
    last = before.split()[-1:] if before else []
    return bool(last) and last[0] in pack()["currency-codes"]


def ends_with_amount(before: str) -> bool:
    """True when the text before "a" is a number or price, as in "$5 a gallon"."""
    before = before.rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1:] in pack()["currency-symbols"])


def guard_allows(key: str, text: str, start: int, end: int) -> bool:
    """Whether a guarded unit symbol has the context that makes it a unit."""
    guard = pack()["guards"][key]
    following = WORD.match(text[end:].lstrip(" -"))
    if following and following.group().lower() in {w.lower() for w in guard.get("after", [])}:
        return True
    nearby = {w.lower() for w in guard.get("nearby", [])}
    window = pack()["nearby-window"]
    context = text[max(0, start - window) : start] + " " + text[end : end + window]
    return any(w.lower() in nearby for w in WORD.findall(context))


def is_difference(text: str, start: int, end: int) -> bool:
    """A temperature that is a change ("rose by 10 °C", "2C warmer"), not a reading."""
    before = " ".join(text[:start].lower().split())
    if any(before.endswith(" " + cue) or before == cue for cue in pack()["difference-before"]):
        return True
    after = text[end:]
    bracket = BRACKETED.match(after)
    after = " ".join(after[bracket.end() if bracket else 0 :].lower().split())
    if any(after.startswith(e) for e in pack()["difference-after-exceptions"]):
        return False
    first = WORD.match(after)
    return bool(first) and first.group() in word_set("difference-after")
