"""Fuzzy matching of quoted words across documents, tolerant of typography.

Texts are normalised (case, curly quotes and apostrophes, dashes, ellipses, spacing, number
words and numerals, "&" and "and") with a map from each normalised character back to its
offset in the original, so a match found in normalised text points at the exact original span.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from newslint.numbers import pack as number_words

TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
# Where a quotation leaves words out or an editor puts words in: an ellipsis, or [brackets].
BREAK = re.compile(r"\.\s*\.\s*\.|…|\[[^\]\n]*\]")
# "e-mail" compares as "email"; "11th" is one word, as is "&"
WORD = re.compile(r"\d+(?:[.,]\d+)*(?:(?:st|nd|rd|th)(?![^\W\d_]))?|&|[\w']+(?:-[\w']+)*")
INITIALISM = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # "F.B.I." compares as "FBI"
WHOLE_HOUR = re.compile(r"\b(\d{1,2}):00\b")  # "6:00 p.m." compares as "6 p.m."
QUOTE_MARK = re.compile(r"(?<=\w)'(?=[^\W\d_]{3})")  # a quotation mark with no space before it: "said'close"
INSERTION = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)")  # an editor's [insertion] or (aside)
CONTRACTIONS = (("n't", " not"), ("'m", " am"), ("'ll", " will"), ("'re", " are"), ("'ve", " have"))
REDUCTIONS = {"gonna": "going to", "wanna": "want to", "gotta": "got to"}  # speech as some transcribe it


@dataclass(frozen=True)
class Normalised:
    """Lower-cased words of a text joined by single spaces, with original offsets per character."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of normalised [start, end)."""
        return self.offsets[start], self.offsets[max(end - 1, start)] + 1


def normalise(text: str, start: int = 0, end: int | None = None) -> Normalised:
    """The words of text[start:end], folded for comparison (bracketed insertions left out)."""
    end = len(text) if end is None else end
    chars: list[str] = []
    offsets: list[int] = []
    piece = text[start:end].translate(TYPOGRAPHY)
    piece = INSERTION.sub(lambda m: " " * len(m.group()), piece)
    piece = WHOLE_HOUR.sub(lambda m: m.group(1) + "   ", piece)
    piece = INITIALISM.sub(lambda m: m.group().replace(".", "") + " " * m.group().count("."), piece)
    piece = QUOTE_MARK.sub(" ", piece)
    for m in (part for whole in WORD.finditer(piece) for part in parts(whole)):
        letters = [(ch.lower()[:1], start + m.start() + j) for j, ch in enumerate(m.group()) if ch != "-"]
        while letters and letters[0][0] == "'":
            letters.pop(0)
        while letters and letters[-1][0] == "'":
            letters.pop()
        if not letters:
            continue
        if chars:
            chars.append(" ")
            offsets.append(letters[0][1])
        word = canonical(expand("".join(ch for ch, _ in letters)))
        for i, ch in enumerate(word):  # a word written otherwise maps to the original's letters
            chars.append(ch)
            offsets.append(letters[min(i, len(letters) - 1)][1])
    return Normalised("".join(chars), tuple(offsets))


def joined(parts: list[Normalised]) -> Normalised:
    """Normalised pieces read as one run of words (a quotation broken by "he said")."""
    text, offsets = [], []
    for part in (p for p in parts if p.text):
        if text:
            text.append(" ")
            offsets.append(part.offsets[0])
        text.append(part.text)
        offsets.extend(part.offsets)
    return Normalised("".join(text), tuple(offsets))


HYPHEN_PART = re.compile(r"[\w']+")


def parts(word: re.Match) -> list[re.Match]:
    """A word as compared: a hyphenated word with a number word in it as its parts
    ("eleventh-hour" is "11th hour"), any other word whole ("e-mail" is "email")."""
    if "-" not in word.group():
        return [word]
    if word.group().replace("-", "").lower() in numerals():  # "twenty-one" is "21"
        return [word]
    pieces = list(HYPHEN_PART.finditer(word.string, word.start(), word.end()))
    return pieces if any(p.group().lower() in numerals() for p in pieces) else [word]


@cache
def numerals() -> dict[str, str]:
    """Words that quotations write either way, as the form compared: number words as digits
    ("ten" is "10", "twenty-one" less its hyphen "21"), ordinal words as numerals ("eleventh"
    is "11th"), "&" as "and"."""
    table = number_words()
    units, tens, ordinals = table["units"], table["tens"], table["ordinals"]
    values = units | tens | {t + u: n + m for t, n in tens.items() for u, m in units.items() if 0 < m < 10}
    words = {w: str(n) for w, n in values.items()}
    ordinal = ordinals | {t + o: n + m for t, n in tens.items() for o, m in ordinals.items() if m < 10}
    words |= {w: f"{n}{suffix(n)}" for w, n in ordinal.items()}
    return words | {"&": "and"}


def suffix(n: int) -> str:
    """The ordinal ending of `n`: "st" for 1, "th" for 11."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def canonical(word: str) -> str:
    return numerals().get(word, word)


def expand(word: str) -> str:
    """A contraction or a spoken reduction written out ("he'll" -> "he will", "gonna" ->
    "going to"), so that both forms compare alike."""
    if word == "won't":
        return "will not"
    if word == "can't":
        return "can not"
    if word in REDUCTIONS:
        return REDUCTIONS[word]
    for short, long in CONTRACTIONS:
        if word.endswith(short):
            return word[: -len(short)] + long
    return word


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a quotation between ellipses and editors' [insertions], as original
    spans without the blanks at their ends: an insertion stands for words the speaker said
    otherwise, so only the pieces around it are the speaker's."""
    pieces, cursor = [], start
    for m in BREAK.finditer(text, start, end):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, end))
    trimmed = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if WORD.search(text, a, b):
            trimmed.append((a, b))
    return trimmed


@dataclass(frozen=True)
class Overlap:
    """Where a needle's words run alongside a haystack's: the compared window of each side
    (words), how many of their words match, and the haystack window's original offsets."""

    ours: str
    theirs: str
    matched: int
    start: int
    end: int

    @property
    def agrees(self) -> bool:
        """The same words, but for spacing ("good will" / "goodwill") and spelling variants
        ("neighbourhood" / "neighborhood")."""
        if self.ours.replace(" ", "") == self.theirs.replace(" ", ""):
            return True
        ours, theirs = self.ours.split(), self.theirs.split()
        return len(ours) == len(theirs) and all(variants(a, b) for a, b in zip(ours, theirs, strict=True))

    @property
    def shared(self) -> float:
        """The share of the longer window's words that the other window has in the same order."""
        return self.matched / max(len(self.ours.split()), len(self.theirs.split()), 1)

    @property
    def score(self) -> float:
        """How alike the two windows are, letter by letter (0-100)."""
        from rapidfuzz import fuzz

        return fuzz.ratio(self.ours, self.theirs)


def variants(a: str, b: str, length: int = 6) -> bool:
    """One word, or two spellings of it: one letter apart, at least `length` letters long, and
    not a plural of the other ("neighbourhood" / "neighborhood", "organise" / "organize")."""
    from newslint.folding import distance

    if a == b:
        return True
    plural = a.rstrip("s") == b.rstrip("s")
    return min(len(a), len(b)) >= length and not plural and not a.isdigit() and distance(a, b) == 1


def overlap(needle: Normalised, haystack: Normalised) -> Overlap | None:
    """The window where `needle` runs alongside `haystack`, trimmed to whole words: from the
    first run of matching words to the last, and one word further where that word starts or
    ends both texts (a word changed at the very start or end of a quote). Words that only one
    side has beyond the overlap are not compared: a quote may give more or fewer of the words
    than the other document."""
    from rapidfuzz import fuzz

    if not needle.text or not haystack.text:
        return None
    rough = fuzz.partial_ratio_alignment(needle.text, haystack.text)
    slack = len(needle.text) // 2
    lo = haystack.text.rfind(" ", 0, max(rough.dest_start - slack, 0)) + 1
    hi = haystack.text.find(" ", min(rough.dest_end + slack, len(haystack.text)))
    hi = len(haystack.text) if hi < 0 else hi
    words = [(m.start() + lo, m.end() + lo, m.group()) for m in re.finditer(r"\S+", haystack.text[lo:hi])]
    ours, theirs = needle.text.split(), [w for _, _, w in words]
    blocks = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_matching_blocks()[:-1]
    blocks = without_stray_ends(blocks)
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    head = int(first.a == 1 and first.b == 1 and lo == 0)
    tail = int(
        len(ours) - last.a - last.size == 1 and len(theirs) - last.b - last.size == 1 and hi == len(haystack.text)
    )
    a0, b0 = first.a - head, first.b - head
    a1, b1 = last.a + last.size + tail, last.b + last.size + tail
    start, end = haystack.span(words[b0][0], words[b1 - 1][1])
    matched = sum(block.size for block in blocks)
    return Overlap(" ".join(ours[a0:a1]), " ".join(theirs[b0:b1]), matched, start, end)


def without_stray_ends(blocks: list) -> list:
    """Matching runs less single words at either end set apart from the rest by more than one
    word on either side: a chance "the" is not where an overlap starts or ends."""

    def gap(earlier, later) -> int:
        return max(later.a - earlier.a - earlier.size, later.b - earlier.b - earlier.size)

    blocks = list(blocks)
    while len(blocks) > 1 and blocks[0].size == 1 and gap(blocks[0], blocks[1]) > 1:
        blocks.pop(0)
    while len(blocks) > 1 and blocks[-1].size == 1 and gap(blocks[-2], blocks[-1]) > 1:
        blocks.pop()
    return blocks


def word_diff(ours: str, theirs: str, context: int = 4) -> str:
    """A word diff from `theirs` to `ours`, [-removed-] {+added+}, long equal runs elided."""
    a, b = theirs.split(), ours.split()
    pieces = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            same = a[i1:i2]
            head = same[:context] if index else []
            tail = same[-context:] if index < len(opcodes) - 1 else []
            if len(same) > len(head) + len(tail):
                same = [*head, "…", *tail]
            pieces.append(" ".join(same))
            continue
        if i1 < i2:
            pieces.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j1 < j2:
            pieces.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(p for p in pieces if p)
