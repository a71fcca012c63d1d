"""First-level regions (provinces, states) in the gazetteer: pycountry's ISO 3166-2 table,
last in priority, and the English names places_extra.tsv gives some of them. No spaCy model
needed; the names are looked up on their own."""

from __future__ import annotations

import pytest

from communique.places import find_places, lookup_place


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Balochistan", "PAK"),
        ("Balochistan province", "PAK"),
        ("Baluchistan", "PAK"),
        ("Khyber Pakhtunkhwa", "PAK"),
        ("Sindh", "PAK"),
        ("Zamfara", "NGA"),
        ("Zamfara state", "NGA"),
        ("Zamfara State", "NGA"),
        ("Borno", "NGA"),
        ("Yobe", "NGA"),
        ("North Darfur", "SDN"),
        ("Darfur", "SDN"),
        ("South Kordofan", "SDN"),
        ("Tigray", "ETH"),
        ("Tigrai", "ETH"),
        ("Amhara", "ETH"),
        ("Oromia", "ETH"),
        ("Helmand", "AFG"),
        ("Helmand province", "AFG"),
        ("Nangarhar", "AFG"),
        ("Kherson Oblast", "UKR"),
        ("Kherson region", "UKR"),
        ("Khersonska oblast", "UKR"),
        ("Anbar", "IRQ"),
        ("al-Anbar", "IRQ"),
        ("Marib", "YEM"),
        ("Rakhine", "MMR"),
        ("Kachin State", "MMR"),
        ("North Kivu", "COD"),
        ("Nord-Kivu", "COD"),
        ("Ituri", "COD"),
        ("Jubbada Hoose", "SOM"),
        ("Lower Shabelle", "SOM"),
        ("Uttar Pradesh", "IND"),
        ("Kerala", "IND"),
        ("Maharashtra", "IND"),
        ("Sinaloa", "MEX"),
        ("Michoacán", "MEX"),
        ("Guerrero state", "MEX"),
        ("Cundinamarca", "COL"),
        ("Mandera", "KEN"),
        ("Scotland", "GBR"),
    ],
)
def test_places_regions_found_with_their_country(name, country):
    place = lookup_place(name)
    assert place is not None
    assert place.country == country
    assert place.lat is not None  # a region takes its country's point


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Niger", "NER"),  # Nigeria's Niger State only as "Niger State"
        ("Georgia", "GEO"),
        ("Mexico", "MEX"),
        ("Taiwan", "TWN"),
        ("Paris", "FRA"),
        ("Karachi", "PAK"),
        ("Mogadishu", "SOM"),
        ("Kano", "NGA"),
        ("Kabul", "AFG"),
        ("Kherson", "UKR"),
        ("Washington", "USA"),
        ("Bari", "ITA"),  # Somalia's Bari region: four letters, skipped
        ("Delta", "CAN"),  # the city of Delta, BC, as before; Nigeria's only as "Delta State"
    ],
)
def test_places_regions_leave_countries_and_cities_unchanged(name, country):
    place = lookup_place(name)
    assert place is not None
    assert place.country == country
    assert place.lat is not None


@pytest.mark.parametrize(
    "name",
    ["Plateau", "Rivers", "Northern", "Red Sea", "Somali", "Meta", "Afar", "Guerrero",
     "Balkan region", "Punjab"],
)  # fmt: skip
def test_places_regions_skip_words_demonyms_and_shared_names(name):
    assert lookup_place(name) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Niger State", "NGA"),
        ("Delta State", "NGA"),
        ("Rivers State", "NGA"),
        ("Plateau State", "NGA"),
        ("Red Sea State", "SDN"),
        ("Northern State", "SDN"),
        ("Somali region", "ETH"),
        ("Punjab province", "PAK"),
        ("Punjab state", "IND"),
    ],
)
def test_places_regions_with_type_word_resolve_where_bare_name_is_skipped(name, country):
    place = lookup_place(name)
    assert place is not None
    assert place.country == country


@pytest.mark.parametrize(
    ("name", "hint", "country"),
    [
        ("Punjab", "PAK", "PAK"),
        ("Punjab", "IND", "IND"),
        ("Punjab", "IN", "IND"),
        ("Punjab", "USA", None),  # a hint that matches no region leaves it unresolved
        ("Niger", "NGA", "NER"),  # the country, never the state, even in a Nigerian story
        ("Georgia", "USA", "USA"),
        ("Kano", "NGA", "NGA"),
        ("Karachi", "IND", "PAK"),
    ],
)
def test_places_regions_country_hint_picks_among_namesakes(name, hint, country):
    place = lookup_place(name, country_hint=hint)
    assert (place.country if place is not None else None) == country


def test_places_regions_kano_city_outranks_kano_state():
    assert lookup_place("Kano").name == "Kano"
    assert lookup_place("Kano").lat != lookup_place("Kano State").lat  # the city's own point
    assert lookup_place("Kano State").country == "NGA"


def test_places_regions_find_places_gives_province_a_country():
    text = "Gunmen attacked a convoy in Balochistan province on Sunday."
    ents = [("Balochistan province", 28, 48, "GPE"), ("Sunday", 52, 58, "DATE")]
    found = find_places(text, ents)
    assert [(p.name, p.country, p.mention.text) for p in found] == [
        ("Balochistan", "PAK", "Balochistan province")
    ]
