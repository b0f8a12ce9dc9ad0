"""Numbers as news copy writes them: digits, number words, fractions and scale words.

`parse_number` turns the text of one number into its value and how precisely it was
written: `significant_figures` counts the digits the writer surely meant (trailing zeros of
a whole number are not counted: "290" has two), and `resolution` is the place value of the
last digit written ("180.198" -> 0.001, "290" -> 1, "2.5 million" -> 100,000).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from newslint.data import load_pack

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
AND_A_HALF = re.compile(r"\s+(?i:and\s+a\s+half)\b")


@dataclass(frozen=True)
class Number:
    value: float
    significant_figures: int
    resolution: float


@cache
def words() -> dict[str, dict[str, int]]:
    return load_pack("units")["number-words"]


@cache
def vulgar() -> dict[str, float]:
    return load_pack("units")["vulgar-fractions"]


def alternation(options) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


@cache
def number_pattern() -> str:
    """A regular expression for one number (without scale word)."""
    fractions = "[" + "".join(vulgar()) + "]"
    word = r"\b(?:" + alternation([w for group in words().values() for w in group]) + r")\b"
    digits = rf"(?:{DIGITS})(?:\s*{fractions}|\s+\d+/\d+(?![\d/]))?|\d+/\d+(?![\d/])|{fractions}"
    multiplier = alternation(words()["multipliers"])
    spelled = rf"(?i:(?:half\s+an?|(?:an?\s+(?={multiplier}))?{word}(?:(?:\s+and\s+|[\s-]+){word})*))"
    return rf"(?:{digits}|{spelled})(?:{AND_A_HALF.pattern})?"


def whole_number_figures(n: int) -> int:
    digits = str(abs(n)).rstrip("0")
    return max(len(digits), 1)


def parse_digits(text: str) -> Number:
    compact = text.replace(",", "")
    fraction = 0.0
    resolution = None
    for symbol, share in vulgar().items():
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
        return Number(value, figures, resolution)
    if "." in whole:
        decimals = len(whole.split(".")[1])
        figures = len(whole.replace(".", "").lstrip("0")) or 1
        return Number(value, figures, 10.0**-decimals)
    return Number(value, whole_number_figures(int(whole)), 1.0)


def parse_words(text: str) -> Number:
    tokens = re.split(r"[\s-]+", text.lower())
    if tokens[:1] == ["half"]:
        return Number(0.5, 1, 0.5)
    table = words()
    total = current = 0
    for i, token in enumerate(tokens):
        if token in ("a", "an"):
            current = 1 if i == 0 else current
        elif token in table["units"]:
            current += table["units"][token]
        elif token in table["tens"]:
            current += table["tens"][token]
        elif token in table["multipliers"]:
            multiplier = table["multipliers"][token]
            if multiplier < 1000:
                current = max(current, 1) * multiplier
            else:
                total += max(current, 1) * multiplier
                current = 0
    value = total + current
    zeros = len(str(value)) - len(str(value).rstrip("0")) if value else 0
    return Number(float(value), whole_number_figures(value), 10.0**zeros)


def parse_number(text: str, scale: float = 1.0) -> Number:
    """The value and precision of one number's text, times a scale word's factor."""
    text = text.strip()
    if half := AND_A_HALF.search(text):
        whole = parse_number(text[: half.start()], scale)
        return Number(whole.value + 0.5 * scale, whole.significant_figures + 1, 0.5 * scale)
    number = parse_digits(text) if re.match(r"[\d.]", text) or text[0] in vulgar() else parse_words(text)
    if scale == 1.0:
        return number
    return Number(number.value * scale, number.significant_figures, number.resolution * scale)


def most_figures(number_value: float, resolution: float) -> int:
    """Significant figures when every written digit counts ("290" -> 3)."""
    if number_value == 0:
        return 1
    return max(1, math.floor(math.log10(abs(number_value))) - math.floor(math.log10(resolution) + 1e-9) + 1)
