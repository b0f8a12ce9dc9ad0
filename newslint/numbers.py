"""Numbers as news copy writes them: "1,000", "2.5 million", "$3bn", "a thousand", "dozens of".

`find_numbers(text)` scans a string and returns every number with its offsets, value, the
interval a vague word implies, the precision of the digits written, a currency and whether it is
a percentage. Word lists come from the `numbers` section of `rules/figures.yaml`. This module
knows nothing of spaCy, so any extractor can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newslint.data import load_pack


@dataclass(frozen=True)
class Number:
    """One number in a string; `low`/`high` differ from `value` only for vague words."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    precision: float
    currency: str | None = None
    percent: bool = False
    vague: bool = False


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern
    words: re.Pattern
    vague: re.Pattern
    percent: re.Pattern
    currency_word: re.Pattern


@cache
def _pack() -> dict:
    return load_pack("figures")["numbers"]


@cache
def _patterns() -> _Patterns:
    pack = _pack()
    scales = _alternation(pack["scales"])
    abbreviations = _alternation({**pack["scale-abbreviations"], **pack["money-only-abbreviations"]})
    symbols = _alternation(pack["currency-symbols"])
    word = _alternation({**pack["units"], **pack["tens"], **pack["scales"]})
    digits = re.compile(
        rf"(?<![\w.,/:$€£¥-])(?P<cur>{symbols})?\s?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:(?P<scale>\s?-?(?:{scales})s?)\b|(?P<abbr>{abbreviations})\b)?"
        rf"(?![\w/:]|[.,]\d|-\d)",
        re.I,
    )
    words = re.compile(
        rf"\b(?:(?:a|an)\s+(?=(?:{scales})\b))?(?:{word})(?:(?:\s+|-|(?<=hundred)\s+and\s+)(?:{word}))*\b(?!-)",
        re.I,
    )
    vague = re.compile(rf"\b(?:{_alternation(pack['vague'])})(?=\s+of\b)", re.I)
    percent = re.compile(rf"\A(?:\s?%|\s+(?:{_alternation(w for w in pack['percent'] if w != '%')})\b)", re.I)
    currency_word = re.compile(rf"\A\s+(?:{_alternation(pack['currency-words'])})\b", re.I)
    return _Patterns(digits, words, vague, percent, currency_word)


def words_value(text: str) -> float | None:
    """The value of number words: "two hundred and fifty" -> 250, "a thousand" -> 1000."""
    pack = _pack()
    small = {**pack["units"], **pack["tens"]}
    total = current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("a", "an", "and"):
            continue
        if w in small:
            current += small[w]
        elif w in pack["scales"]:
            scale = pack["scales"][w]
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of a whole string that is one number ("1,200", "2.5 million", "forty"), else None."""
    found = find_numbers(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None


def _digit_number(m: re.Match, text: str) -> Number | None:
    """The number of a digits match; None for "3m" without a currency (metres, not millions)."""
    pack = _pack()
    raw = m.group("num").replace(",", "")
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    multiplier = 1.0
    if m.group("scale"):
        word = m.group("scale").strip(" -").lower().rstrip("s")
        multiplier = pack["scales"].get(word, 1)
    elif m.group("abbr"):
        abbr = m.group("abbr").lower()
        money_only = pack["money-only-abbreviations"]
        if abbr in money_only and not m.group("cur"):
            return None
        multiplier = {**pack["scale-abbreviations"], **money_only}[abbr]
    value = float(raw) * multiplier
    precision = 0.5 * 10**-decimals * multiplier if decimals or multiplier > 1 else 0.0
    currency = pack["currency-symbols"][m.group("cur")] if m.group("cur") else None
    start = m.start() if m.group("cur") else m.start("num")
    return Number(start, m.end(), text[start : m.end()], value, value, value, precision, currency)


def _overlaps(a: Number, taken: list[Number]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in taken)


def _with_suffix(n: Number, text: str) -> Number:
    """Attach a following percent sign or currency word ("40 percent", "5 million dollars")."""
    p = _patterns()
    rest = text[n.end :]
    if m := p.percent.match(rest):
        precision = n.precision or 0.5  # a whole percentage is a rounded one
        end = n.end + m.end()
        return Number(n.start, end, text[n.start : end], n.value, n.low, n.high, precision, n.currency, percent=True)
    if not n.currency and (m := p.currency_word.match(rest)):
        currency = _pack()["currency-words"][m.group().strip().lower()]
        end = n.end + m.end()
        return Number(n.start, end, text[n.start : end], n.value, n.low, n.high, n.precision, currency, vague=n.vague)
    return n


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order; digits win over words where both could apply."""
    p = _patterns()
    found: list[Number] = []
    for m in p.digits.finditer(text):
        if n := _digit_number(m, text):
            found.append(n)
    for m in p.vague.finditer(text):
        low, high = _pack()["vague"][m.group().lower()]
        n = Number(m.start(), m.end(), m.group(), float(low), float(low), float(high), 0.0, vague=True)
        if not _overlaps(n, found):
            found.append(n)
    for m in p.words.finditer(text):
        value = words_value(m.group())
        n = Number(m.start(), m.end(), m.group(), value or 0, value or 0, value or 0, 0.0)
        if value is not None and not _overlaps(n, found):
            found.append(n)
    return sorted((_with_suffix(n, text) for n in found), key=lambda n: n.start)
