"""Place names to country and coordinates (entity tuples by hand; no spaCy model needed)."""

from __future__ import annotations

import pytest

from communique.model import Location, Span
from communique.places import event_location, find_places, iso3, lookup_place, name_key


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Lachin", "AZE", 39.64, 46.55),
        ("La\u00e7\u0131n", "AZE", 39.64, 46.55),
        ("Stepanakert", "AZE", 39.82, 46.75),
        ("Khankendi", "AZE", 39.82, 46.75),
        ("Yerevan", "ARM", 40.18, 44.51),
        ("Baku", "AZE", 40.38, 49.89),
        ("Paris", "FRA", 48.85, 2.35),
        ("Chisinau", "MDA", 47.01, 28.86),
        ("Chișinău", "MDA", 47.01, 28.86),
        ("Kiev", "UKR", 50.45, 30.52),
        ("Washington", "USA", 38.90, -77.04),
        ("St. Petersburg", "RUS", 59.94, 30.31),
    ],
)
def test_places_city_resolves_to_country_and_coordinates(name, country, lat, lon):
    place = lookup_place(name)
    assert place is not None
    assert place.country == country
    assert place.lat == pytest.approx(lat, abs=0.02)
    assert place.lon == pytest.approx(lon, abs=0.02)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Armenia", "ARM"),
        ("Azerbaijan", "AZE"),
        ("Georgia", "GEO"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Russia's", "RUS"),
        ("Türkiye", "TUR"),
        ("the Netherlands", "NLD"),
        ("Moldova", "MDA"),
    ],
)
def test_places_country_names_and_aliases_resolve_to_iso3(name, country):
    place = lookup_place(name)
    assert place is not None
    assert place.country == country
    assert place.lat is not None  # a country is placed at its capital


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Nagorno-Karabakh", "AZE"),
        ("Karabakh", "AZE"),
        ("the Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("Donbas", "UKR"),
        ("Crimea", "UKR"),
        ("Abkhazia", "GEO"),
    ],
)
def test_places_extra_regions_resolve(name, country):
    place = lookup_place(name)
    assert place is not None
    assert (place.country, place.lat is not None) == (country, True)


def test_places_region_across_countries_has_no_country():
    place = lookup_place("South Caucasus")
    assert place is not None
    assert place.country is None
    assert place.lat is not None


@pytest.mark.parametrize(
    ("name", "hint", "country"),
    [
        ("Georgia", "USA", "USA"),
        ("Georgia", "US", "USA"),
        ("Georgia", "ARM", "GEO"),
        ("Paris", "USA", "USA"),
        ("Paris", None, "FRA"),
        ("Donetsk", "RUS", "RUS"),
        ("Donetsk", None, "UKR"),
    ],
)
def test_places_country_hint_picks_among_namesakes(name, hint, country):
    assert lookup_place(name, country_hint=hint).country == country


@pytest.mark.parametrize("name", ["Narnia Heights", "", "the talks"])
def test_places_unknown_name_is_none(name):
    assert lookup_place(name) is None


def test_places_iso2_converts_to_iso3():
    assert (iso3("AM"), iso3("az"), iso3("FR"), iso3("ZZ")) == ("ARM", "AZE", "FRA", None)


def test_places_name_key_ignores_accents_case_dots_and_possessive():
    assert name_key("Chișinău") == name_key("CHISINAU") == "chisinau"
    assert name_key("U.S.") == "us"
    assert name_key("Armenia\u2019s") == "armenia"
    assert name_key("Nagorno-Karabakh") == "nagorno karabakh"


def test_places_find_places_keeps_known_place_entities_with_spans():
    text = "Aliyev met Pashinyan in Lachin, Reuters and the Gaza Strip said."
    ents = [
        ("Aliyev", 0, 6, "PERSON"),
        ("Pashinyan", 11, 20, "PERSON"),
        ("Lachin", 24, 30, "GPE"),
        ("Reuters", 32, 39, "ORG"),
        ("the Gaza Strip", 44, 58, "LOC"),
        ("Zogbyville", 0, 0, "GPE"),
    ]
    found = find_places(text, ents, offset=100)
    assert [(p.name, p.country, p.mention) for p in found] == [
        ("Lachin", "AZE", Span("Lachin", 124, 130)),
        ("Gaza Strip", "PSE", Span("the Gaza Strip", 144, 158)),
    ]


def test_places_event_location_takes_place_after_locative_preposition():
    text = "Armenia and Azerbaijan held talks in Brussels on Tuesday."
    ents = [("Armenia", 0, 7, "GPE"), ("Azerbaijan", 12, 22, "GPE"), ("Brussels", 37, 45, "GPE")]
    place = event_location(text, ents, sentence_start=1000)
    assert isinstance(place, Location)
    assert (place.name, place.country, place.mention) == (
        "Brussels",
        "BEL",
        Span("Brussels", 1037, 1045),
    )


def test_places_event_location_prefers_place_nearest_trigger():
    text = "Troops in Lachin said on Tuesday that shells fell near Goris."
    ents = [("Lachin", 10, 16, "GPE"), ("Goris", 55, 60, "GPE")]
    near_goris = event_location(text, ents, trigger_offset=text.index("fell"))
    near_lachin = event_location(text, ents, trigger_offset=text.index("Troops"))
    assert (near_goris.country, near_goris.name) == ("ARM", "Goris")
    assert near_lachin.name == "Lachin"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Armenia accused Azerbaijan.", [("Armenia", 0, 7, "GPE"), ("Azerbaijan", 16, 26, "GPE")]),
        ("The envoy arrived from Moscow.", [("Moscow", 23, 29, "GPE")]),
        ("Talks resumed.", []),
    ],
)
def test_places_event_location_without_locative_place_is_none(text, ents):
    assert event_location(text, ents) is None
