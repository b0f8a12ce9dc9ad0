"""Places and names (NL2xx): one place or person spelled two ways, house-style spellings,
likely misspellings of known places."""

from __future__ import annotations

from collections.abc import Iterator

from newslint.analysis.identity import (
    Replacement,
    house_names,
    house_style_uses,
    misspelled_places,
    name_variants,
    place_variants,
)
from newslint.checks import CheckContext
from newslint.diagnostics import Diagnostic, Related, Spelling
from newslint.folding import fold
from newslint.registry import rule

QUOTES_OPTION = {"check-quotes": False}


@rule(
    "NL201",
    "place-spelled-two-ways",
    summary="One place spelled two ways in a document",
    explanation="""Two spellings that name the same place ("Najin" and "Rajin", "Sao Paulo" and
    "São Paulo"), two GeoNames names of one city of 100,000 people or more, an English one beside
    a local or older one ("Cologne" and "Köln", "Gothenburg" and "Göteborg"), or an unknown place
    name one or two letters from a place named elsewhere in the document ("Nakhin" beside
    "Najin"). The less frequent or later spelling is reported, with the other as related
    location. Distinct places with similar names (Iran and Iraq, Niger and Nigeria, Sudan and
    South Sudan, Vienne and Vienna), a long and a short form ("New York City", "New York"), an
    area named after a city ("the Dnipropetrovsk region" beside "Dnipro"), nicknames
    ("Philly"), clubs named in the local form ("Napoli fans"), a name glossing the other
    ("Cologne (Köln)"), abbreviations ("US", "U.S."), possessives and demonyms are never
    variants; a spelling that the house style replaces (the pack's or the `[places]`
    `spellings` option, as NL202 reads it) is left to NL202. Direct quotations and passages in
    another language are left alone unless `check-quotes` is true.""",
    bad="Cargo left the port of Najin on Monday. Satellite images showed ships at Rajin on Friday.",
    good="Cargo left the port of Najin on Monday. Satellite images showed ships at Najin on Friday.",
    needs=("places",),
    options={**QUOTES_OPTION, "spellings": {}},
)
def place_spelled_two_ways(ctx: CheckContext) -> Iterator[Diagnostic]:
    for v in place_variants(ctx.analysis, ctx.options["spellings"], ctx.options["check-quotes"]):
        m, other = v.mention, v.reference
        if v.near:
            message = f"'{m.text}' may be a misspelling of '{v.written}'; use one spelling"
            related = Related(ctx.document, other.start, other.end, f"'{v.written}' is named here")
        else:
            message = f"'{m.text}' is another spelling of '{v.written}'; use one spelling"
            related = Related(ctx.document, other.start, other.end, f"spelled '{v.written}' here")
        yield ctx.diagnostic(m.start, m.end, message, related=(related,), spelling=Spelling(m.text, v.written))


@rule(
    "NL202",
    "house-style-place-spelling",
    summary="Place spelling against house style",
    explanation="""The house style prefers another spelling of this place ("Kyiv", not "Kiev"),
    as listed in `rules/places.yaml`; add your own with the `spellings` option
    (`spellings = {Bangalore = "Bengaluru"}` in the `[places]` section), which also overrides
    the pack (`spellings = {Myanmar = "Burma"}` stops Burma being replaced). Fixed phrases in which the old
    spelling is correct ("chicken Kiev", "Peking University") and names of organisations are left
    alone, and so is a form that names another place the document is about (Odessa, Texas), or
    that glosses the house form beside it ("Mumbai (Bombay)", "Burma, also known as Myanmar").
    Direct quotations are left alone unless `check-quotes` is true.""",
    bad="Russian drones struck Kiev overnight, officials said.",
    good="Russian drones struck Kyiv overnight, officials said.",
    fixable=True,
    needs=("places",),
    options={**QUOTES_OPTION, "spellings": {}},
)
def house_style_spelling(ctx: CheckContext) -> Iterator[Diagnostic]:
    for r in house_style_uses(ctx.analysis, ctx.options["spellings"], ctx.options["check-quotes"]):
        yield replaced(ctx, r, f"house style spells this place '{r.use}', not '{r.mention.text}'")


def replaced(ctx: CheckContext, r: Replacement, message: str) -> Diagnostic:
    """A finding on a mention, with the fix that writes `r.use` instead."""
    m = r.mention
    fix = ctx.replacement(m.start, m.end, r.use, f"replace '{m.text}' with '{r.use}'")
    return ctx.diagnostic(m.start, m.end, message, fix=fix, spelling=Spelling(m.text, r.use))


@rule(
    "NL203",
    "place-misspelled",
    summary="Likely misspelling of a known place",
    explanation="""A name the gazetteer does not know that is a slip away from a known place.
    Two kinds: a place name that is a typing slip (two neighbouring letters swapped, a letter
    doubled or undoubled) away from a place in a country named in the same paragraph
    ("Tikhorestk, Russia": did you mean Tikhoretsk?); and any capitalised name or run of names
    in prose, whether the model tagged it or not, close to one prominent place: a country, a
    US state, a capital or a city of a million people ("Brazill", "Kazahkstan", "Reykjavick",
    "Buenos Aries"). Close means a typing slip, or for names of seven letters or more one edit,
    or for names of ten letters or more two edits of which one is a typing slip; a large city
    that is no capital, in a country the draft does not name, counts only for a typing slip.
    Left alone: names of fewer than five letters; words the model knows ("Mail" is not
    "Mali"); parts of longer names ("Michael Jordon", "Parris Island"); demonyms, even
    misspelled ("Argentine", "Nigerien"), and plurals; a name close to two places; a name the
    model took for a person unless a place word such as "in" or "near" comes before it; an
    untagged name at the start of a sentence outside such a context; small places the
    gazetteer lacks ("San Ysidro" beside "San Isidro"), and the names the `known` option lists
    (`known = ["Tikhorestk"]` in the `[places]` section: the house's own places, matched
    without regard to case or accents). The thresholds and place words are in
    `rules/places.yaml`. Direct quotations and passages in another language are left alone
    unless `check-quotes` is true.""",
    bad="Containers were moved by train to Tikhorestk, Russia, officials said.",
    good="Containers were moved by train to Tikhoretsk, Russia, officials said.",
    fixable=True,
    needs=("places", "place_slips"),
    options={**QUOTES_OPTION, "known": []},
)
def place_misspelled(ctx: CheckContext) -> Iterator[Diagnostic]:
    known = {fold(name) for name in ctx.options["known"]}
    for r in misspelled_places(ctx.analysis, ctx.options["check-quotes"]):
        m = r.mention
        if fold(m.text) in known:
            continue
        yield ctx.diagnostic(
            m.start,
            m.end,
            f"'{m.text}' is not a known place; did you mean '{r.use}'?",
            fix=ctx.replacement(m.start, m.end, r.use, f"replace '{m.text}' with '{r.use}'"),
            unknown=m.text,
        )


@rule(
    "NL204",
    "name-variants",
    summary="One person or organisation written two ways",
    explanation="""Two spellings of one name in a document: hyphens or spacing ("Kim Jong-un"
    and "Kim Jong Un", "Time Warner" and "TimeWarner"), accents ("Jose" and "José"),
    transliterations ("Aleksandr" and "Alexander", "Yevgeny" and "Evgeny", by the letter groups
    of `rules/names.yaml`, or listed there, such as "Gaddafi" and "Qaddafi"), a typing slip in
    one word of a full name when the rest agrees ("Sadiq Khan" and "Sadiq Kahn", "Nicola
    Sturgeon" and "Nicloa Sturgeon"), or a surname on its own slipped from that of a person
    named in full ("Gordon Brown" and "Mr Borwn"). Distinct people are left alone: relatives
    ("Kim Jong Un" and "Kim Yo Jong", "Maria" and "Mario"), two full names that differ in more
    than one word, or that the text gives different occupations ("John Smith, a teacher" and
    "John Smyth, the mayor"), or that each recur. A short form ("Kim", "Putin"), a title
    ("President Putin"), a possessive or capitals in a headline are not variants. The less
    frequent or later spelling is reported, with the other as related location. The house
    dictionary of names, `spellings = {"Kim Jong-un" = "Kim Jong Un", Qaddafi = "Gaddafi"}` in
    the `[names]` section (old = use; the pack's `house-style` list holds shared ones), makes
    every other spelling of a listed name a finding with a fix, even used alone. Direct
    quotations are left alone unless `check-quotes` is true.""",
    bad="Kim Jong-un met Vladimir Putin in September. Kim Jong Un then toured a rocket base.",
    good="Kim Jong Un met Vladimir Putin in September. Kim then toured a rocket base.",
    fixable=True,
    needs=("names",),
    options={**QUOTES_OPTION, "spellings": {}},
    section="names",
)
def name_variant(ctx: CheckContext) -> Iterator[Diagnostic]:
    spellings, quotes = ctx.options["spellings"], ctx.options["check-quotes"]
    house = house_names(ctx.analysis, spellings, quotes)
    for r in house:
        yield replaced(ctx, r, f"house style writes this name '{r.use}', not '{r.mention.text}'")
    for v in name_variants(ctx.analysis, quotes, [r.mention for r in house]):
        m, other = v.mention, v.reference
        if v.near:
            message = f"'{m.text}' is written '{v.written}' in '{other.text}'; use one spelling"
            related = Related(ctx.document, other.start, other.end, f"named '{other.text}' here")
        else:
            message = f"'{m.text}' is also written '{v.written}'; use one spelling"
            related = Related(ctx.document, other.start, other.end, f"spelled '{v.written}' here")
        yield ctx.diagnostic(m.start, m.end, message, related=(related,), spelling=Spelling(m.text, v.written))
