"""Place identities in one document: spellings of one place, house-style spellings and likely
misspellings of known places, as facts the NL2xx rules report."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from newslint.analysis.identity.mentions import checked
from newslint.analysis.identity.spelling import (
    Nearby,
    closest,
    demonym_endings,
    derived_or_plural,
    in_phrase,
    limits,
    pack_spellings,
    same_place,
)
from newslint.data import load_pack
from newslint.folding import (
    distance,
    fold,
    is_abbreviation,
    is_derived,
    is_plural,
    is_typing_slip,
    strip_diacritics,
)
from newslint.positions import SpanIndex

if TYPE_CHECKING:
    from newslint.analysis import Analysis


@dataclass(frozen=True)
class Variant:
    """A mention written otherwise than `reference`, a mention of the same place or person,
    which writes it `written` (all of its text, or for a surname the last word of a full name)."""

    mention: Any
    reference: Any
    written: str
    near: bool = False  # a near spelling rather than a listed or folded one


@dataclass(frozen=True)
class Replacement:
    """A mention and the spelling that replaces it (house style, or a known place's name)."""

    mention: Any
    use: str


def variants(group: list[Any], related: Callable[[str, str], bool], spelling=lambda text: text) -> list[Variant]:
    """Every mention whose `spelling` differs from the group's most frequent one (the first
    on a tie), when `related` to it."""
    counts = Counter(spelling(m.text) for m in group)
    if len(counts) < 2:
        return []
    first: dict[str, Any] = {}
    for m in group:
        first.setdefault(spelling(m.text), m)
    main_spelling = max(counts, key=lambda text: (counts[text], -first[text].start))
    reference = first[main_spelling]
    return [
        Variant(m, reference, reference.text)
        for m in group
        if spelling(m.text) != main_spelling and related(m.text, reference.text)
    ]


def place_variants(analysis: Analysis, spellings: dict[str, str], quotes: bool = False) -> list[Variant]:
    """Places spelled two ways (NL201): listed or near spellings of one gazetteer entry, or
    two of a city's names (an exonym and the local or an older form: Cologne and Köln), then
    unknown names near a known place named in the document. Spellings the house style
    replaces are NL202's; a name before "region" or "province" names another place than the
    city (the Dnipropetrovsk region, around Dnipro)."""
    replaced = {fold(spelling) for spelling in house_style(spellings)}
    mentions = [m for m in checked(analysis, analysis.facts("places"), quotes) if fold(m.text) not in replaced]
    text = analysis.document.text
    by_key: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        if m.key and not names_area(text, m.end):
            by_key[m.key].append(m)
    found = [
        v
        for group in by_key.values()
        for v in variants(group, relation(group))
        if not glossed(text, v.mention.start, v.mention.end, v.written)
    ]
    known = {fold(m.text): m for m in reversed(mentions) if m.key and not is_abbreviation(m.text)}
    nearby = Nearby(known)
    for m in mentions:
        if m.key or m.label != "GPE" or is_abbreviation(m.text):
            continue
        near = closest(fold(m.text), nearby)
        if near:
            found.append(Variant(m, known[near], known[near].text, near=True))
    return found


def relation(group: list[Any]) -> Callable[[str, str], bool]:
    """When two spellings in `group` (mentions of one place) are variants: `same_place`, or for
    a city of `other-names-population` people or more any two of its gazetteer names that are
    not one inside the other ("New York City" and "New York" are one name, long and short).
    Smaller towns often have two official names (Amorebieta and Zornotza)."""
    from newslint.gazetteer import gazetteer

    key, least = group[0].key, load_pack("places")["other-names-population"]
    city = any(p.key == key and p.kind == "city" and p.population >= least for p in gazetteer().lookup(group[0].text))
    return lambda a, b: same_place(a, b) or (city and other_name(a, b))


def other_name(a: str, b: str) -> bool:
    """Two names of one city that differ in more than length: neither is an abbreviation, and
    neither's words are a run of the other's."""
    if is_abbreviation(a) or is_abbreviation(b):
        return False
    short, long = sorted((fold(a), fold(b)), key=len)
    return f" {short} " not in f" {long} "


@cache
def area_words() -> frozenset[str]:
    return frozenset(load_pack("places").get("area-words", []))


def names_area(text: str, end: int) -> bool:
    """True when the word after a name at `end` makes it an area's name ("Donetsk region")."""
    following = text[end : end + 40].split(maxsplit=1)
    return bool(following) and following[0].strip(".,;:").lower() in area_words()


def house_style_uses(analysis: Analysis, spellings: dict[str, str], quotes: bool = False) -> list[Replacement]:
    """Mentions the house style spells otherwise (NL202), leaving alone a form that names
    another place the document is about and fixed phrases in which the old form is right."""
    from newslint.gazetteer import gazetteer

    by_fold = {fold(spelling): entry for spelling, entry in house_style(spellings).items()}
    mentions = analysis.facts("places")
    countries = {m.country for m in mentions if m.country and fold(m.text) not in by_fold}
    text = analysis.document.text
    found = []
    for m in checked(analysis, mentions, quotes):
        entry = by_fold.get(fold(m.text))
        if not entry or m.text == entry["use"]:
            continue
        elsewhere = gazetteer().countries_named(m.text) - {entry.get("country")}
        if entry.get("country") and entry["country"] not in countries and elsewhere & countries:
            continue
        if in_phrase(text, m.start, m.end, entry.get("except", ())) or glossed(text, m.start, m.end, entry["use"]):
            continue
        found.append(Replacement(m, entry["use"].upper() if m.text.isupper() else entry["use"]))
    return found


def misspelled_places(analysis: Analysis, quotes: bool = False) -> list[Replacement]:
    """Likely misspellings of known places (NL203): unknown place names a typing slip away from
    the one place that fits among those of the countries named in the same paragraph, then
    capitalised names anywhere in prose an edit or two from one prominent place."""
    mentions = analysis.facts("places")
    named = {fold(m.text) for m in mentions if m.key}
    nearby = Nearby(named)
    endings = demonym_endings()
    countries = countries_by_paragraph(analysis, mentions)
    found, near_variants = [], []
    for m in checked(analysis, mentions, quotes):
        folded = fold(m.text)
        if m.key or m.label != "GPE" or is_abbreviation(m.text) or len(folded) < limits()[1]:
            continue
        if closest(folded, nearby):
            near_variants.append(m)  # NL201's case
            continue
        if derived_or_plural(folded, named, endings):
            continue
        near = set()
        for country in countries.get(paragraph_index(analysis, m.start), ()):
            names, shapes = gazetteer_names(country)
            slips = [n for size in (-1, 0, 1) for n in shapes.get((folded[0], len(folded) + size), ())]
            near |= {names[n] for n in slips if is_typing_slip(folded, n) and not is_derived(folded, n, endings)}
        if len(near) == 1:
            found.append(Replacement(m, next(iter(near))))
    taken = SpanIndex([*near_variants, *(r.mention for r in found)])
    for slip, use in prominent_slips(analysis, mentions, quotes):
        if not taken.overlapping(slip.start, slip.end):
            found.append(Replacement(slip, use))
    return sorted(found, key=lambda r: r.mention.start)


def prominent_slips(analysis: Analysis, mentions: list[Any], quotes: bool) -> list[tuple[Any, str]]:
    """Capitalised names an edit or two from exactly one prominent place, with its spelling.

    Left alone: words the model knows ("Mail" is not "Mali"), parts of longer names
    ("Michael Jordon"), demonyms ("Argentine", even misspelled) and plurals, a name near two places
    (unless one of them is in a country the draft names), an untagged name starting a sentence
    outside a place context, a name the model took for a person unless a place word comes
    before it, and a name the draft also uses as part of a person's or an organisation's name.
    A large city that is no capital, in a country the draft does not name, counts only for a
    typing slip."""
    slips = analysis.facts("place_slips")
    names = {fold(s.text) for s in slips if s.in_name or (s.label == "PERSON" and not s.place_context)}
    countries = {m.country for m in mentions if m.country}
    spelled = {fold(m.canonical): m.text for m in mentions if m.canonical}
    found = []
    for slip in checked(analysis, slips, quotes):
        folded = fold(slip.text)
        if slip.word or slip.in_name or folded in names:
            continue
        if slip.initial and not (slip.label or slip.place_context):
            continue
        near = [n for n in slip.near if fold(n[0])[:1] == folded[:1]]
        if len({n[2] for n in near}) > 1:
            near = [n for n in near if n[1] in countries]
        if len({n[2] for n in near}) != 1:
            continue
        spelling, country, _, major = min(near)
        place = fold(spelling)
        if not misspelled(folded, place, typing_only=not major and country not in countries):
            continue
        use = spelled.get(place) or (strip_diacritics(spelling) if slip.text.isascii() else spelling)
        found.append((slip, use))
    return found


def misspelled(folded: str, place: str, typing_only: bool) -> bool:
    """Whether a folded name is a slip of the folded `place`: the same words but one, which is
    a typing slip of the place's word, or one edit from it when long enough, or two edits (one
    of them a typing slip) when longer; never a demonym or a plural."""
    settings = load_pack("places")["misspellings"]
    words, place_words = folded.split(), place.split()
    differ = [(w, p) for w, p in zip(words, place_words) if w != p]
    if len(words) != len(place_words) or len(differ) != 1:
        return False
    word, target = differ[0]
    if demonym(word, target, 0) or is_plural(word, target):
        return False
    if is_typing_slip(word, target):
        return True
    if demonym(word, target, 1):
        return False
    if typing_only or len(word) < settings["any-edit-from"]:
        return False
    edits = distance(word, target)
    return edits == 1 or (edits == 2 and len(word) >= settings["two-edits-from"] and slip_and_edit(word, target))


def demonym(word: str, place: str, edits: int) -> bool:
    """A demonym or adjective of the place, `edits` letters off at most: its stem (the place,
    less a final vowel or "s") plus a demonym ending ("argentine", "honduran"; with one edit,
    a longer word such as "austrailian")."""
    stems = {place, place[:-1]} if place[-1:] in "aeiouys" else {place}
    for ending in demonym_endings():
        if word.endswith(ending) and len(word) > len(ending) and (not edits or len(word) > len(place)):
            stem = word[: -len(ending)]
            if min(distance(stem, s) for s in stems) <= edits:
                return True
    return False


def slip_and_edit(word: str, target: str) -> bool:
    """Two edits of which one is a typing slip: undoing one swap or doubling of `word`
    leaves it one edit from `target` ("phillipines" / "philippines")."""
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    singles = (word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1])
    doubles = (word[: i + 1] + word[i:] for i in range(len(word)))
    return any(distance(w, target) == 1 for group in (swaps, singles, doubles) for w in group)


@cache
def gazetteer_names(country: str) -> tuple[dict[str, str], dict[tuple[str, int], list[str]]]:
    """The gazetteer's main names in `country` (folded -> display), and the folded names by
    first letter and length: a typing slip keeps the first, changes the length by one at most.
    Kept per country, so that the memory is at most the gazetteer's."""
    from newslint.gazetteer import gazetteer

    names = gazetteer().names_in(country)
    shapes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for n in names:
        shapes[(n[0], len(n))].append(n)
    return names, shapes


def paragraph_index(analysis: Analysis, offset: int) -> int | None:
    """The position of the paragraph holding `offset` (what `Document.paragraph_at` finds)."""
    paragraphs = analysis.derived("paragraph-index", lambda: SpanIndex(analysis.document.paragraphs))
    return paragraphs.holding(offset)


def countries_by_paragraph(analysis: Analysis, mentions: list[Any]) -> dict[int | None, set[str]]:
    """The countries of the places named in each paragraph."""
    countries: dict[int | None, set[str]] = defaultdict(set)
    for m in mentions:
        if m.country and (index := paragraph_index(analysis, m.start)) is not None:
            countries[index].add(m.country)
    return countries


@cache
def gloss_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_pack("places").get("gloss-words", []))
    return re.compile(rf"\s*(?:\(|,?\s*\b(?:{words})\b,?)\s*" if words else r"\s*\(\s*")


def glossed(text: str, start: int, end: int, other: str) -> bool:
    """True when the name at [start, end) glosses `other` right beside it, or `other` glosses
    it: "Mumbai (Bombay)", "Burma, also known as Myanmar"."""
    pattern = gloss_pattern()
    before = text[max(0, start - len(other) - 40) : start]
    after = text[end : end + len(other) + 40]
    for at in (m.start() for m in re.finditer(re.escape(other), before)):
        if pattern.fullmatch(before[at + len(other) :]):
            return True
    link = pattern.match(after)
    return bool(link) and after[link.end() :].startswith(other)


def house_style(spellings: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each replaced spelling -> its pack entry, with the `spellings` option (old -> use) added."""
    chosen = dict(pack_spellings())
    for old, use in spellings.items():
        chosen.pop(use, None)  # a newsroom that prefers "Burma" drops the pack's Burma -> Myanmar
        chosen[old] = {"use": use, "not": [old]}
    return chosen
