"""Places and names (NL2xx): one place or person spelled two ways, house-style spellings,
likely misspellings of known places."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from newslint.checks import CheckContext
from newslint.data import load_pack
from newslint.diagnostics import Diagnostic, Related
from newslint.folding import distance, fold, is_abbreviation, is_derived, is_plural, is_typing_slip
from newslint.positions import SpanIndex, grouped, quotations
from newslint.registry import rule

NEAR_LENGTH = 5  # the shortest name compared by spelling
FAR_LENGTH = 6  # the shortest name that may lie two edits from another
LEAD_IN_LENGTH = 4  # a word in capitals this long is typography, not an acronym ("PETER")

QUOTES_OPTION = {"check-quotes": False}


@rule(
    "NL201",
    "place-spelled-two-ways",
    summary="One place spelled two ways in a document",
    explanation="""Two spellings that name the same place ("Najin" and "Rajin", "Sao Paulo" and
    "São Paulo"), or an unknown place name one or two letters from a place named elsewhere in the
    document ("Nakhin" beside "Najin"). The less frequent or later spelling is reported, with the
    other as related location. Distinct places with similar names (Iran and Iraq, Niger and
    Nigeria, Sudan and South Sudan), abbreviations ("US", "U.S."), possessives and demonyms are
    never variants; a spelling that the house style replaces is left to NL202. Direct quotations
    and passages in another language are left alone unless `check-quotes` is true.""",
    bad="Cargo left the port of Najin on Monday. Satellite images showed ships at Rajin on Friday.",
    good="Cargo left the port of Najin on Monday. Satellite images showed ships at Najin on Friday.",
    needs=("places",),
    options=QUOTES_OPTION,
)
def place_spelled_two_ways(ctx: CheckContext) -> Iterator[Diagnostic]:
    replaced = {fold(spelling) for spelling in house_style(ctx.options)}
    mentions = [m for m in checked(ctx, ctx.analysis.facts("places")) if fold(m.text) not in replaced]
    by_key: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        if m.key:
            by_key[m.key].append(m)
    for group in by_key.values():
        yield from variants(ctx, group, same_place, "another spelling of {other}, used {where}; use one spelling")
    known = {fold(m.text): m for m in reversed(mentions) if m.key and not is_abbreviation(m.text)}
    nearby = Nearby(known)
    for m in mentions:
        if m.key or m.label != "GPE" or is_abbreviation(m.text):
            continue
        near = closest(fold(m.text), nearby)
        if near:
            other = known[near]
            yield ctx.diagnostic(
                m.start,
                m.end,
                f"'{m.text}' may be a misspelling of '{other.text}', named {where(ctx, other)}; use one spelling",
                related=(Related(ctx.document, other.start, other.end, f"'{other.text}' is named here"),),
            )


@rule(
    "NL202",
    "house-style-place-spelling",
    summary="Place spelling against house style",
    explanation="""The house style prefers another spelling of this place ("Kyiv", not "Kiev"),
    as listed in `rules/places.yaml`; add your own with the `spellings` option
    (`spellings = {Bangalore = "Bengaluru"}` in the `[places]` section), which also overrides
    the pack (`spellings = {Myanmar = "Burma"}` stops Burma being replaced). Fixed phrases in which the old
    spelling is correct ("chicken Kiev", "Peking University") and names of organisations are left
    alone, and so is a form that names another place the document is about (Odessa, Texas).
    Direct quotations are left alone unless `check-quotes` is true.""",
    bad="Russian drones struck Kiev overnight, officials said.",
    good="Russian drones struck Kyiv overnight, officials said.",
    fixable=True,
    needs=("places",),
    options={**QUOTES_OPTION, "spellings": {}},
)
def house_style_spelling(ctx: CheckContext) -> Iterator[Diagnostic]:
    from newslint.gazetteer import gazetteer

    spellings = house_style(ctx.options)
    by_fold = {fold(spelling): entry for spelling, entry in spellings.items()}
    mentions = ctx.analysis.facts("places")
    countries = {m.country for m in mentions if m.country and fold(m.text) not in by_fold}
    for m in checked(ctx, mentions):
        entry = by_fold.get(fold(m.text))
        if not entry or m.text == entry["use"]:
            continue
        elsewhere = gazetteer().countries_named(m.text) - {entry.get("country")}
        if entry.get("country") and entry["country"] not in countries and elsewhere & countries:
            continue
        if in_phrase(ctx.document.text, m.start, m.end, entry.get("except", ())):
            continue
        use = entry["use"].upper() if m.text.isupper() else entry["use"]
        yield ctx.diagnostic(
            m.start,
            m.end,
            f"house style spells this place '{use}', not '{m.text}'",
            fix=ctx.replacement(m.start, m.end, use, f"replace '{m.text}' with '{use}'"),
        )


@rule(
    "NL203",
    "place-misspelled",
    summary="Likely misspelling of a known place",
    explanation="""A place name the gazetteer does not know that is a typing slip (two
    neighbouring letters swapped, a letter doubled or undoubled) away from a place in a country
    named in the same paragraph ("Tikhorestk, Russia": did you mean Tikhoretsk?). Other
    one-letter differences are left alone: they are as often a small place the gazetteer lacks
    ("San Ysidro" beside "San Isidro"). Only names of six letters or more are compared, only
    with the main name of each place, and only when one place fits; demonyms and possessives
    are not misspellings. Direct quotations and passages in another language are
    left alone unless `check-quotes` is true.""",
    bad="Containers were moved by train to Tikhorestk, Russia, officials said.",
    good="Containers were moved by train to Tikhoretsk, Russia, officials said.",
    fixable=True,
    needs=("places",),
    options=QUOTES_OPTION,
)
def place_misspelled(ctx: CheckContext) -> Iterator[Diagnostic]:
    mentions = ctx.analysis.facts("places")
    named = {fold(m.text) for m in mentions if m.key}
    nearby = Nearby(named)
    endings = demonym_endings()
    countries = countries_by_paragraph(ctx, mentions)
    for m in checked(ctx, mentions):
        folded = fold(m.text)
        if m.key or m.label != "GPE" or is_abbreviation(m.text) or len(folded) < FAR_LENGTH:
            continue
        if closest(folded, nearby) or derived_or_plural(folded, named, endings):
            continue  # NL201's case, a demonym or a plural
        names, shapes = gazetteer_names(frozenset(countries.get(paragraph_index(ctx, m.start), ())))
        slips = [n for size in (-1, 0, 1) for n in shapes.get((folded[0], len(folded) + size), ())]
        near = {names[n] for n in slips if is_typing_slip(folded, n) and not is_derived(folded, n, endings)}
        if len(near) == 1:
            (name,) = near
            yield ctx.diagnostic(
                m.start,
                m.end,
                f"'{m.text}' is not a known place; did you mean '{name}'?",
                fix=ctx.replacement(m.start, m.end, name, f"replace '{m.text}' with '{name}'"),
            )


def derived_or_plural(folded: str, named: set[str], endings: frozenset[str]) -> bool:
    """Whether `folded` is a demonym or plural of one of `named`, looking only at the names that
    can be: a start of `folded` (with a letter added) or `folded` with a plural ending."""
    starts = [folded[:k] for k in range(len(folded) + 1)]
    candidates = {*starts, *(start + letter for start in starts for letter in "aeyo"), folded + "s", folded + "es"}
    return any(is_derived(folded, n, endings) or is_plural(folded, n) for n in candidates & named)


@lru_cache(maxsize=256)
def gazetteer_names(countries: frozenset[str]) -> tuple[dict[str, str], dict[tuple[str, int], list[str]]]:
    """The gazetteer's main names in `countries` (folded -> display), and the folded names by
    first letter and length: a typing slip keeps the first, changes the length by one at most."""
    from newslint.gazetteer import gazetteer

    names = gazetteer().names_in(countries)
    shapes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for n in names:
        shapes[(n[0], len(n))].append(n)
    return names, shapes


def paragraph_index(ctx: CheckContext, offset: int) -> int | None:
    """The position of the paragraph holding `offset` (what `Document.paragraph_at` finds)."""
    paragraphs = ctx.analysis.derived("paragraph-index", lambda: SpanIndex(ctx.document.paragraphs))
    return paragraphs.holding(offset)


def countries_by_paragraph(ctx: CheckContext, mentions: list[Any]) -> dict[int | None, set[str]]:
    """The countries of the places named in each paragraph."""
    countries: dict[int | None, set[str]] = defaultdict(set)
    for m in mentions:
        if m.country and (index := paragraph_index(ctx, m.start)) is not None:
            countries[index].add(m.country)
    return countries


@rule(
    "NL204",
    "name-variants",
    summary="One person or organisation written two ways",
    explanation="""Two spellings of one name in a document: hyphens or spacing ("Kim Jong-un"
    and "Kim Jong Un"), accents ("Jose" and "José"), transliterations listed in
    `rules/names.yaml` ("Gaddafi" and "Qaddafi"), or a surname one letter off that of a person
    named in full ("Volodymyr Zelensky" and "Zelenskyy"), or one letter off with the same given
    names ("Angela Merkel" and "Angela Merkl"). A short form ("Kim", "Putin"), a
    title ("President Putin"), a possessive or capitals in a headline are not variants. The
    less frequent or later spelling is reported, with the other as related location. Direct
    quotations are left alone unless `check-quotes` is true.""",
    bad="Kim Jong-un met Vladimir Putin in September. Kim Jong Un then toured a rocket base.",
    good="Kim Jong Un met Vladimir Putin in September. Kim then toured a rocket base.",
    needs=("names",),
    options=QUOTES_OPTION,
)
def name_variants(ctx: CheckContext) -> Iterator[Diagnostic]:
    mentions = [m for m in checked(ctx, ctx.analysis.facts("names")) if not m.text.isupper()]
    people = merged_people(mentions)
    groups: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        groups[people.get(m.key, m.key)].append(m)
    for group in groups.values():
        yield from variants(ctx, group, lambda a, b: True, "written {other} {where}; use one spelling", name_spelling)
    yield from surname_variants(ctx, mentions)


def surname_variants(ctx: CheckContext, mentions: list[Any]) -> Iterator[Diagnostic]:
    """A surname on its own spelled differently from the same person's full name.

    A surname one letter off may be another person ("Reagan" beside "Donald Regan",
    "Anderson" beside "Hans Christian Andersen"): it is reported only when it is a typing slip
    (letters swapped, doubled or undoubled) and the rarer of the two."""
    full = [m for m in mentions if m.label == "PERSON" and " " in m.key]
    uses = Counter(m.surname or m.key for m in mentions)
    candidates = grouped(full, lambda person: slip_keys(person.surname))
    for m in mentions:
        if " " in m.key or m.label not in ("PERSON", "ORG"):
            continue
        for person in (full[i] for i in sorted({i for key in slip_keys(m.key) for i in candidates.get(key, ())})):
            last = person.text.split()[-1]
            if len(fold(last).split()) != 1 or name_spelling(m.text) == name_spelling(last):
                continue
            near = is_typing_slip(m.key, person.surname) and uses[m.key] < uses[person.surname]
            if m.key == person.surname or near:
                related = Related(ctx.document, person.start, person.end, f"named '{person.text}' here")
                message = f"'{m.text}' is written '{last}' in '{person.text}' {where(ctx, person)}; use one spelling"
                yield ctx.diagnostic(m.start, m.end, message, related=(related,))
                break


def slip_keys(name: str) -> tuple[tuple[str, str], ...]:
    """Keys that two names share when they are equal or a typing slip apart: the same letters
    (neighbours swapped) or the same letters with doubled ones single (a letter doubled)."""
    single = "".join(ch for i, ch in enumerate(name) if i == 0 or name[i - 1] != ch)
    return (("letters", "".join(sorted(name))), ("single", single))


def checked(ctx: CheckContext, mentions: Iterable[Any]) -> list[Any]:
    """The mentions a rule looks at: capitalised, not in another language, not quoted unless configured."""
    quotes = ctx.options.get("check-quotes", False)
    quoted = quotations(ctx.analysis)
    return [
        m
        for m in mentions
        if not m.text.islower() and not getattr(m, "foreign", False) and (quotes or not quoted.covers(m.start, m.end))
    ]


def variants(
    ctx: CheckContext, group: list[Any], related_spelling, template: str, spelling=lambda text: text
) -> Iterator[Diagnostic]:
    """Report every mention whose `spelling` differs from the group's most frequent one."""
    counts = Counter(spelling(m.text) for m in group)
    if len(counts) < 2:
        return
    first: dict[str, Any] = {}
    for m in group:
        first.setdefault(spelling(m.text), m)
    main_spelling = max(counts, key=lambda text: (counts[text], -first[text].start))
    reference = first[main_spelling]
    main = reference.text
    for m in group:
        if spelling(m.text) != main_spelling and related_spelling(m.text, main):
            message = f"'{m.text}' is " + template.format(other=f"'{main}'", where=where(ctx, reference))
            related = Related(ctx.document, reference.start, reference.end, f"spelled '{main}' here")
            yield ctx.diagnostic(m.start, m.end, message, related=(related,))


def name_spelling(text: str) -> str:
    """A name as spelled, minus what is not spelling: periods ("Jr." / "Jr"), the case of a
    word's first letter ("De Clercq" at the start of a sentence) and a lead-in in capitals
    ("PETER Capaldi")."""
    spelled = []
    for word in text.replace(".", "").split():
        if word.isupper() and len(word) >= LEAD_IN_LENGTH:
            word = word.capitalize()
        spelled.append(word[:1].upper() + word[1:])
    return " ".join(spelled)


def same_place(a: str, b: str) -> bool:
    """True when two names of one place differ in spelling rather than in kind."""
    if is_abbreviation(a) or is_abbreviation(b):
        return False
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if any(fa in g and fb in g for g in variant_groups()):
        return True
    return min(len(fa), len(fb)) >= NEAR_LENGTH and distance(fa, fb) <= 2


class Nearby:
    """Known folded names by first letter and length: the only ones `closest` can pick."""

    def __init__(self, names: Iterable[str]):
        self.order = {name: i for i, name in enumerate(dict.fromkeys(names))}
        self.groups: dict[tuple[str, int], list[str]] = defaultdict(list)
        for name in self.order:
            self.groups[(name[:1], len(name))].append(name)

    def near(self, folded: str) -> list[str]:
        """The names two edits or fewer from `folded` may be, in their first order."""
        found = [name for n in range(len(folded) - 2, len(folded) + 3) for name in self.groups.get((folded[:1], n), ())]
        return sorted(found, key=self.order.__getitem__)


def closest(folded: str, known: Iterable[str] | Nearby) -> str | None:
    """The known name one edit from `folded` (two for longer names), if it is not a demonym."""
    if len(folded) < NEAR_LENGTH:
        return None
    best = None
    for name in known.near(folded) if isinstance(known, Nearby) else known:
        if name == folded or name[:1] != folded[:1] or len(name) < NEAR_LENGTH:
            continue
        if is_derived(folded, name, demonym_endings()) or is_derived(name, folded, demonym_endings()):
            continue
        if is_plural(folded, name):
            continue
        limit = 2 if max(len(name), len(folded)) >= FAR_LENGTH else 1
        d = distance(folded, name)
        if d <= limit and (best is None or d < best[0]):
            best = (d, name)
    return best[1] if best else None


def merged_people(mentions: list[Any]) -> dict[str, str]:
    """Full names with the same given names and surnames one letter apart -> one shared key."""
    keys = sorted({m.key for m in mentions if m.label == "PERSON" and " " in m.key})
    merged: dict[str, str] = {}
    alike = grouped(keys, lambda key: (given_and_initial(key),))  # all that same_person can join
    for i, key in enumerate(keys):
        for other in (keys[j] for j in alike[given_and_initial(key)] if j < i):
            if merged.get(other, other) == other and same_person(key, other):
                merged[key] = other
                break
    return merged


def given_and_initial(key: str) -> tuple[str, str]:
    """A full name's given names and its surname's first letter: the same for two keys that
    `same_person` joins."""
    given, surname = key.rsplit(" ", 1)
    return given, surname[:1]


def same_person(key: str, other: str) -> bool:
    """Two folded full names with the same given names and surnames one letter apart."""
    given, surname = key.rsplit(" ", 1)
    other_given, other_surname = other.rsplit(" ", 1)
    return given == other_given and one_person(surname, other_surname)


def one_person(a: str, b: str) -> bool:
    """Two folded surnames one letter apart: "zelenskyy" / "zelensky"."""
    return (
        a != b and min(len(a), len(b)) >= NEAR_LENGTH and a[0] == b[0] and not is_plural(a, b) and distance(a, b) == 1
    )


def where(ctx: CheckContext, mention: Any) -> str:
    return f"on line {ctx.document.position(mention.start).line}"


def in_phrase(text: str, start: int, end: int, phrases: Iterable[str]) -> bool:
    """True when [start, end) lies inside one of `phrases` (case-insensitive) in `text`."""
    for phrase in phrases:
        window = text[max(0, start - len(phrase)) : end + len(phrase)].lower()
        offset = max(0, start - len(phrase))
        at = window.find(phrase.lower())
        while at >= 0:
            if offset + at <= start and end <= offset + at + len(phrase):
                return True
            at = window.find(phrase.lower(), at + 1)
    return False


def house_style(options: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each replaced spelling -> its pack entry, with the `spellings` option added."""
    spellings = dict(pack_spellings())
    for old, use in options.get("spellings", {}).items():
        spellings.pop(use, None)  # a newsroom that prefers "Burma" drops the pack's Burma -> Myanmar
        spellings[old] = {"use": use, "not": [old]}
    return spellings


@cache
def pack_spellings() -> dict[str, dict[str, Any]]:
    return {old: entry for entry in load_pack("places").get("house-style", []) for old in entry["not"]}


@cache
def variant_groups() -> list[set[str]]:
    return [{fold(f) for f in group["forms"]} for group in load_pack("places").get("variant-groups", [])]


@cache
def demonym_endings() -> frozenset[str]:
    return frozenset(load_pack("places").get("demonym-endings", []))
