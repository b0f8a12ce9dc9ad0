"""Numbers as news copy writes them: "1,000", "2.5 million", "$3bn", "a thousand", "2½", "dozens of".

One parser for every extractor, with its words in `rules/numbers.yaml`:

- `find_numbers(text)` scans a string and returns every number with its offsets, value, the
  interval a vague word implies, the precision of the digits written, a currency and whether
  it is a percentage (figures).
- `number_pattern()` is a regular expression for one number inside a larger grammar (digits,
  fractions "2 1/2" and "½", words, "and a half"); `reading(text, scale)` turns the text it
  matched into a value with its precision (quantities): `significant_figures` counts the
  digits the writer surely meant (trailing zeros of a whole number are not counted: "290" has
  two), and `resolution` is the place value of the last digit written ("180.198" -> 0.001,
  "290" -> 1, "2.5 million" -> 100,000).

This module knows nothing of spaCy, so any extractor can use it.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from newslint.data import load_pack

# Longer digit strings are not figures: no copy states one, and a float holds about 16 digits.
MAX_DIGITS = 100

GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS = rf"{GROUPED}|\.\d+"
AND_A_HALF = re.compile(r"\s+(?i:and\s+a\s+half)\b")


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


@dataclass(frozen=True)
class Reading:
    """The value of one number's text and how precisely it was written."""

    value: float
    significant_figures: int
    resolution: float


@cache
def pack() -> dict:
    return load_pack("numbers")


def alternation(options) -> str:
    """A regular expression alternation of literal `options`, longest first."""
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


@cache
def _word_alternation() -> str:
    """Every number word: units, tens and scales."""
    p = pack()
    return alternation({**p["units"], **p["tens"], **p["scales"]})


def scale_value(name: str) -> float:
    """The factor of a scale word or abbreviation ("million", "bn", "k")."""
    p = pack()
    return float({**p["scales"], **p["scale-abbreviations"], **p["money-only-abbreviations"]}[name.lower()])


# Values and precision


def words_value(text: str) -> float | None:
    """The value of number words: "two hundred and fifty" -> 250, "a thousand" -> 1000; infinite
    when they multiply past what a float holds ("hundred hundred ...")."""
    try:
        value = _words_value(text)
    except OverflowError:
        return math.inf
    return math.inf if value is not None and abs(value) > sys.float_info.max else value


def _words_value(text: str) -> float | None:
    p = pack()
    small = {**p["units"], **p["tens"]}
    total = current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("a", "an", "and"):
            continue
        if w in small:
            current += small[w]
        elif w in p["scales"]:
            scale = p["scales"][w]
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def whole_number_figures(n: int) -> int:
    digits = str(abs(n)).rstrip("0")
    return max(len(digits), 1)


def parse_digits(text: str) -> Reading:
    """Digits with an optional fraction: "1,200", "180.198", "2 1/2", "2½", "½"."""
    compact = text.replace(",", "")
    fraction = 0.0
    resolution = None
    for symbol, share in pack()["fractions"].items():
        if symbol in compact:
            compact, fraction = compact.replace(symbol, ""), share
            resolution = 1 / Fraction(share).limit_denominator(16).denominator
    parts = compact.split()
    if parts and "/" in parts[-1]:
        numerator, denominator = parts.pop().split("/")
        fraction = int(numerator) / int(denominator)
        resolution = 1 / int(denominator)
    whole = parts[0] if parts and parts[0] else ""
    value = (float(whole) if whole else 0.0) + fraction
    if resolution is not None:
        figures = len(whole.lstrip("0")) + 1 if whole else 1
        return Reading(value, figures, resolution)
    if "." in whole:
        decimals = len(whole.split(".")[1])
        figures = len(whole.replace(".", "").lstrip("0")) or 1
        return Reading(value, figures, 10.0**-decimals)
    return Reading(value, whole_number_figures(int(whole)), 1.0)


def too_long(text: str) -> bool:
    """True for a number with more than MAX_DIGITS digits, which is not taken for a figure."""
    return sum(ch.isdigit() for ch in text) > MAX_DIGITS


def parse_words(text: str) -> Reading | None:
    """Number words ("two hundred", "a dozen", "half a"); a whole number's zeros set the
    resolution. None when the words multiply past what a float holds ("hundred hundred ...")."""
    if re.split(r"[\s-]+", text.lower())[:1] == ["half"]:
        return Reading(0.5, 1, 0.5)
    spelled = words_value(text)
    if spelled is not None and not math.isfinite(spelled):
        return None
    value = int(spelled or 0)
    zeros = len(str(value)) - len(str(value).rstrip("0")) if value else 0
    return Reading(float(value), whole_number_figures(value), 10.0**zeros)


def reading(text: str, scale: float = 1.0) -> Reading | None:
    """The value and precision of one number's text, times a scale word's factor; None for
    what is not a figure (too many digits, a value past what a float holds)."""
    text = text.strip()
    if too_long(text):
        return None
    if half := AND_A_HALF.search(text):
        whole = reading(text[: half.start()], scale)
        return whole and Reading(whole.value + 0.5 * scale, whole.significant_figures + 1, 0.5 * scale)
    digits = re.match(r"[\d.]", text) or text[0] in pack()["fractions"]
    number = parse_digits(text) if digits else parse_words(text)
    if number is None or scale == 1.0:
        return number
    if not math.isfinite(number.value * scale):
        return None
    return Reading(number.value * scale, number.significant_figures, number.resolution * scale)


def most_figures(number_value: float, resolution: float) -> int:
    """Significant figures when every written digit counts ("290" -> 3)."""
    if number_value == 0:
        return 1
    return max(1, math.floor(math.log10(abs(number_value))) - math.floor(math.log10(resolution) + 1e-9) + 1)


# One number inside a larger grammar (quantities)


@cache
def number_pattern() -> str:
    """A regular expression for one number (without scale word)."""
    fractions = "[" + "".join(pack()["fractions"]) + "]"
    word = rf"\b(?:{_word_alternation()})\b"
    digits = rf"(?:{DIGITS})(?:\s*{fractions}|\s+\d+/\d+(?![\d/]))?|\d+/\d+(?![\d/])|{fractions}"
    multiplier = alternation(pack()["scales"])
    spelled = rf"(?i:(?:half\s+an?|(?:an?\s+(?={multiplier}))?{word}(?:(?:\s+and\s+|[\s-]+){word})*))"
    return rf"(?:{digits}|{spelled})(?:{AND_A_HALF.pattern})?"


# Every number in a string (figures)


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern
    words: re.Pattern
    vague: re.Pattern
    percent: re.Pattern
    currency_word: re.Pattern


@cache
def _patterns() -> _Patterns:
    p = pack()
    scales = alternation(p["scales"])
    abbreviations = alternation({**p["scale-abbreviations"], **p["money-only-abbreviations"]})
    symbols = alternation(p["currency-symbols"])
    word = _word_alternation()
    digits = re.compile(
        rf"(?<![\w.,/:$€£¥-])(?P<cur>{symbols})?\s?"
        rf"(?P<num>{GROUPED})"
        rf"(?:(?P<scale>\s?-?(?:{scales})s?)\b|(?P<abbr>{abbreviations})\b)?"
        rf"(?![\w/:]|[.,]\d|-\d)",
        re.I,
    )
    words = re.compile(
        rf"\b(?:(?:a|an)\s+(?=(?:{scales})\b))?(?:{word})(?:(?:\s+|-|(?<=hundred)\s+and\s+)(?:{word}))*\b(?!-)",
        re.I,
    )
    vague = re.compile(rf"\b(?:{alternation(p['vague'])})(?=\s+of\b)", re.I)
    percent = re.compile(rf"(?:\s?%|\s+(?:{alternation(w for w in p['percent'] if w != '%')})\b)", re.I)
    currency_word = re.compile(rf"\s+(?:{alternation(p['currency-words'])})\b", re.I)
    return _Patterns(digits, words, vague, percent, currency_word)


def parse_number(text: str) -> float | None:
    """The value of a whole string that is one number ("1,200", "2.5 million", "forty"), else None."""
    found = find_numbers(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None


def _digit_number(m: re.Match, text: str) -> Number | None:
    """The number of a digits match; None for "3m" without a currency (metres, not millions)
    and for a number too long to be a figure."""
    p = pack()
    if too_long(m.group("num")):
        return None
    multiplier = 1.0
    if m.group("scale"):
        word = m.group("scale").strip(" -").lower().rstrip("s")
        multiplier = p["scales"].get(word, 1)
    elif m.group("abbr"):
        abbr = m.group("abbr").lower()
        if abbr in p["money-only-abbreviations"] and not m.group("cur"):
            return None
        multiplier = scale_value(abbr)
    digits = parse_digits(m.group("num"))
    value = digits.value * multiplier
    precision = 0.5 * digits.resolution * multiplier if digits.resolution < 1 or multiplier > 1 else 0.0
    currency = p["currency-symbols"][m.group("cur")] if m.group("cur") else None
    start = m.start() if m.group("cur") else m.start("num")
    return Number(start, m.end(), text[start : m.end()], value, value, value, precision, currency)


class _Taken:
    """Disjoint spans already taken by numbers, sorted: an overlap test by bisection."""

    def __init__(self, numbers: list[Number]):
        self.spans = sorted((n.start, n.end) for n in numbers)

    def overlaps(self, n: Number) -> bool:
        k = bisect.bisect_left(self.spans, (n.end,))  # the spans starting before `n` ends
        return k > 0 and self.spans[k - 1][1] > n.start

    def add(self, n: Number) -> None:
        bisect.insort(self.spans, (n.start, n.end))


def _with_suffix(n: Number, text: str) -> Number:
    """Attach a following percent sign or currency word ("40 percent", "5 million dollars")."""
    p = _patterns()
    if m := p.percent.match(text, n.end):
        precision = n.precision or 0.5  # a whole percentage is a rounded one
        end = m.end()
        return Number(n.start, end, text[n.start : end], n.value, n.low, n.high, precision, n.currency, percent=True)
    if not n.currency and (m := p.currency_word.match(text, n.end)):
        currency = pack()["currency-words"][m.group().strip().lower()]
        end = m.end()
        return Number(n.start, end, text[n.start : end], n.value, n.low, n.high, n.precision, currency, vague=n.vague)
    return n


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order; digits win over words where both could apply."""
    p = _patterns()
    found: list[Number] = []
    for m in p.digits.finditer(text):
        if n := _digit_number(m, text):
            found.append(n)
    taken = _Taken(found)
    for m in p.vague.finditer(text):
        low, high = pack()["vague"][m.group().lower()]
        n = Number(m.start(), m.end(), m.group(), float(low), float(low), float(high), 0.0, vague=True)
        if not taken.overlaps(n):
            found.append(n)
            taken.add(n)
    for m in p.words.finditer(text):
        value = words_value(m.group())
        if value is not None and not math.isfinite(value):
            continue  # words multiplied past what a float holds: not a figure
        n = Number(m.start(), m.end(), m.group(), value or 0, value or 0, value or 0, 0.0)
        if value is not None and not taken.overlaps(n):
            found.append(n)
            taken.add(n)
    return sorted((_with_suffix(n, text) for n in found), key=lambda n: n.start)
