"""The actor dictionary data files and their loader (no spaCy model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.actors.dictionary import (
    INTERNATIONAL,
    ActorDictionary,
    PersonEntry,
    RoleSpell,
    load_dictionary,
    normalise,
)

# CAMEO agent (sector) codes the data may use.
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "SPY",
        "LEG",
        "JUD",
        "OPP",
        "REB",
        "SEP",
        "INS",
        "UAF",
        "CVL",
        "MED",
        "BUS",
    }
    | {
        "EDU",
        "HLH",
        "HRI",
        "LAB",
        "REF",
        "REL",
        "CRM",
        "ELI",
        "ENV",
        "DEV",
        "AGR",
        "MOD",
        "RAD",
        "IGO",
        "NGO",
    }
)
RANKS = frozenset({"head_of_state", "head_of_government", "minister", "official", "other"})


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def _iso3s(actors: ActorDictionary) -> set[str]:
    return {c.iso3 for c in actors.countries}


# --- lookups ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", "us"),
        ("the U.S.'s", "us"),
        ("Russia\u2019s", "russia"),
        ("the Philippines'", "philippines"),
        ("Élysée", "elysee"),
        ("Kim Jong-un", "kim jong un"),
        ("  The   Hague ", "hague"),
    ],
)
def test_normalise_folds_case_dots_possessives_and_accents(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("United States", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("Burma", "MMR"),
        ("Türkiye", "TUR"),
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("Russia's", "RUS"),
    ],
)
def test_dictionary_country_matches_name_and_alias(
    actors: ActorDictionary, name: str, iso3: str
) -> None:
    entry = actors.country(name)
    assert entry is not None and entry.iso3 == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("American", "USA"),
        ("Americans", "USA"),
        ("Azerbaijani", "AZE"),
        ("Azeri", "AZE"),
        ("Armenian", "ARM"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
        ("Ukrainian", "UKR"),
        ("Emirati", "ARE"),
    ],
)
def test_dictionary_country_matches_demonym(actors: ActorDictionary, name: str, iso3: str) -> None:
    entry = actors.country(name)
    assert entry is not None and entry.iso3 == iso3


@pytest.mark.parametrize("name", ["Artsakh", "Nagorno-Karabakh", "Karabakh"])
def test_dictionary_artsakh_is_coded_armenia_by_convention(
    actors: ActorDictionary, name: str
) -> None:
    entry = actors.country(name)
    assert entry is not None and entry.iso3 == "ARM" and entry.status == "de_facto"


def test_dictionary_country_by_code_skips_convention_rows(actors: ActorDictionary) -> None:
    entry = actors.country_by_code("arm")
    assert entry is not None and entry.name == "Armenia"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Washington", "USAGOV"),
        ("Moscow", "RUSGOV"),
        ("Yerevan", "ARMGOV"),
        ("Baku", "AZEGOV"),
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("Beijing", "CHNGOV"),
        ("Stepanakert", "ARMGOV"),
        ("Jerusalem", "ISRGOV"),
        ("White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Kremlin", "RUSGOV"),
        ("Downing Street", "GBRGOV"),
        ("Elysee", "FRAGOV"),
        ("Élysée", "FRAGOV"),
        ("Quai d'Orsay", "FRAGOV"),
        ("Foggy Bottom", "USAGOV"),
        ("Zhongnanhai", "CHNGOV"),
        ("Blue House", "KORGOV"),
        ("Brussels", "IGOEUR"),
    ],
)
def test_dictionary_metonym_codes(actors: ActorDictionary, name: str, code: str) -> None:
    entry = actors.metonym(name)
    assert entry is not None and entry.code == code


@pytest.mark.parametrize(
    ("name", "ambiguous"), [("Washington", True), ("Victoria", True), ("Moscow", False)]
)
def test_dictionary_metonym_flags_ambiguous_names(
    actors: ActorDictionary, name: str, ambiguous: bool
) -> None:
    entry = actors.metonym(name)
    assert entry is not None and entry.ambiguous is ambiguous


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UN", "IGOUNO"),
        ("U.N. Security Council", "IGOUNO"),
        ("European Union", "IGOEUR"),
        ("European Commission", "IGOEUREEC"),
        ("NATO", "IGONAT"),
        ("OSCE", "IGOOSC"),
        ("African Union", "IGOAFU"),
        ("IAEA", "IGOIAE"),
        ("Amnesty International", "NGOAMN"),
        ("Red Cross", "NGOIRC"),
        ("Hamas", "PSEREB"),
        ("Hezbollah", "LBNREB"),
        ("Houthis", "YEMREB"),
        ("ISIS", "IMGREB"),
        ("Wagner Group", "RUSMIL"),
    ],
)
def test_dictionary_organisation_codes(actors: ActorDictionary, name: str, code: str) -> None:
    entry = actors.organisation(name)
    assert entry is not None and entry.code == code


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("foreign ministry", None, "GOV"),
        ("ministry of defence", None, "GOV"),
        ("troops", None, "MIL"),
        ("security forces", None, "COP"),
        ("parliament", None, "LEG"),
        ("protesters", None, "CVL"),
        ("State Department", "USA", "GOV"),
        ("U.S. Congress", "USA", "LEG"),
        # many countries have a congress: a bare one is of the country in context
        ("Congress", None, "LEG"),
        ("Knesset", "ISR", "LEG"),
        ("IRGC", "IRN", "MIL"),
        ("PLA", "CHN", "MIL"),
        ("Rada", "UKR", "LEG"),
        ("Milli Majlis", "AZE", "LEG"),
        ("Armenia's foreign ministry", "ARM", "GOV"),
        ("Azerbaijani army", "AZE", "MIL"),
        ("Ministry of Foreign Affairs of Armenia", "ARM", "GOV"),
        ("French senate", "FRA", "LEG"),
    ],
)
def test_dictionary_body_sector_and_country(
    actors: ActorDictionary, name: str, country: str | None, sector: str
) -> None:
    entry = actors.body(name)
    assert entry is not None and (entry.country, entry.sector) == (country, sector)


def test_dictionary_body_takes_country_from_context(actors: ActorDictionary) -> None:
    entry = actors.body("the foreign ministry", country="AZE")
    assert entry is not None and entry.code == "AZEGOV"


@pytest.mark.parametrize(
    ("title", "sector", "rank"),
    [
        ("president", "GOV", "head_of_state"),
        ("Prime Minister", "GOV", "head_of_government"),
        ("spokeswoman", "GOV", "official"),
        ("foreign secretary", "GOV", "minister"),
        ("senator", "LEG", "official"),
        ("colonel", "MIL", "official"),
        ("rebel leader", "REB", "official"),
        ("Armenian foreign minister", "GOV", "minister"),
    ],
)
def test_dictionary_role_sector_and_rank(
    actors: ActorDictionary, title: str, sector: str, rank: str
) -> None:
    entry = actors.role(title)
    assert entry is not None and (entry.sector, entry.rank) == (sector, rank)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Antony Blinken", "Antony Blinken"),
        ("Blinken", "Antony Blinken"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelensky's", "Volodymyr Zelensky"),
        ("Xi", "Xi Jinping"),
        ("bin Salman", "Mohammed bin Salman"),
        ("MBS", "Mohammed bin Salman"),
        ("Lula", "Luiz Inacio Lula da Silva"),
        ("President Pashinyan", "Nikol Pashinyan"),
    ],
)
def test_dictionary_person_matches_name_alias_and_surname(
    actors: ActorDictionary, name: str, expected: str
) -> None:
    assert [p.name for p in actors.people(name)] == [expected]


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Aliyev", "2010-06-01", "Ilham Aliyev"),
        ("Aliyev", "2000-06-01", "Heydar Aliyev"),
        ("Bush", "2005-01-01", "George W. Bush"),
        ("Kim", dt.date(2005, 1, 1), "Kim Jong Il"),
    ],
)
def test_dictionary_person_prefers_office_holder_on_date(
    actors: ActorDictionary, name: str, on: str | dt.date, expected: str
) -> None:
    assert actors.people(name, on=on)[0].name == expected


@pytest.mark.parametrize(
    ("name", "on", "role", "code"),
    [
        ("Antony Blinken", "2023-05-31", "Secretary of State", "USAGOV"),
        ("Matthew Miller", "2023-05-31", "State Department spokesperson", "USAGOV"),
        ("Ilham Aliyev", "2023-09-19", "President", "AZEGOV"),
        ("Nikol Pashinyan", "2019-01-01", "Prime Minister", "ARMGOV"),
        ("Arayik Harutyunyan", "2022-01-01", "President of Artsakh", "ARMGOV"),
        ("Antonio Guterres", "2020-01-01", "UN Secretary-General", "IGOUNO"),
        ("Donald Trump", "2025-01-20", "President", "USAGOV"),
    ],
)
def test_dictionary_person_role_at_date(
    actors: ActorDictionary, name: str, on: str, role: str, code: str
) -> None:
    person = actors.people(name)[0]
    spell = person.role_at(on)
    assert spell is not None and (spell.role, spell.code) == (role, code)


@pytest.mark.parametrize(
    ("iso3", "role", "on", "expected"),
    [
        ("USA", "President", "2022-06-01", "Joe Biden"),
        ("USA", "President", "2025-06-01", "Donald Trump"),
        ("GBR", "Prime Minister", "2019-06-01", "Theresa May"),
        ("GBR", "Prime Minister", "2023-06-01", "Rishi Sunak"),
        ("DEU", "Chancellor", "2020-06-01", "Angela Merkel"),
        ("DEU", "Chancellor", "2022-06-01", "Olaf Scholz"),
        ("FRA", "Prime Minister", "2013-01-01", "Jean-Marc Ayrault"),
        ("ITA", "Prime Minister", "2012-06-01", "Mario Monti"),
        ("AUT", "Chancellor", "2019-09-01", "Brigitte Bierlein"),
        ("IND", "President", "2010-01-01", "Pratibha Patil"),
        ("KOR", "President", "2016-06-01", "Park Geun-hye"),
        ("NGA", "President", "2016-06-01", "Muhammadu Buhari"),
        ("PER", "President", "2021-01-01", "Francisco Sagasti"),
        ("EGY", "Foreign Minister", "2012-01-01", "Mohamed Kamel Amr"),
    ],
)
def test_dictionary_role_by_date(
    actors: ActorDictionary, iso3: str, role: str, on: str, expected: str
) -> None:
    # Exactly one person holds a country's top role on a given day, chosen by the event date.
    holders = [
        person.name
        for person in actors.people_entries
        for spell in person.roles_at(on)
        if (spell.iso3, spell.sector, spell.role) == (iso3, "GOV", role)
    ]
    assert holders == [expected]


def test_data_people_rows_are_not_duplicated(actors: ActorDictionary) -> None:
    # One row per person per role spell: no two spells of a person in the same role overlap.
    for person in actors.people_entries:
        spells = sorted(person.spells, key=lambda s: (s.iso3, s.sector, s.role, s.period[0]))
        for first, second in zip(spells, spells[1:], strict=False):
            if (first.iso3, first.sector, first.role) != (second.iso3, second.sector, second.role):
                continue
            after = first.period[1]
            assert after is not None and after <= second.period[0], (person.name, first.role)


def test_dictionary_person_out_of_office_has_no_role() -> None:
    person = PersonEntry("A B", (RoleSpell("USA", "GOV", "Minister", "2021-01-26", "2025-01-20"),))
    assert person.role_at("2025-01-20") is None and person.role_at("2025-01-19") is not None


def test_dictionary_person_year_end_covers_whole_year() -> None:
    spell = RoleSpell("CHN", "GOV", "Spokesperson", "2020", "2024")
    assert (
        spell.holds_on("2024-12-31")
        and not spell.holds_on("2025-01-01")
        and not spell.holds_on("2019-12-31")
    )


def test_dictionary_surface_forms_cover_every_kind(actors: ActorDictionary) -> None:
    forms = set(actors.surface_forms())
    assert {kind for _, kind in forms} == {
        "country",
        "metonym",
        "organisation",
        "body",
        "role",
        "person",
        "surname",
    }
    assert ("U.S.", "country") in forms and ("Blinken", "surname") in forms


def test_load_dictionary_is_cached() -> None:
    assert load_dictionary() is load_dictionary()


# --- the data files ---------------------------------------------------------


def test_data_has_at_least_240_countries(actors: ActorDictionary) -> None:
    assert len({c.iso3 for c in actors.countries}) >= 240


def test_data_has_at_least_300_people_rows(actors: ActorDictionary) -> None:
    assert sum(len(p.spells) for p in actors.people_entries) >= 300


def test_data_primary_names_are_unique(actors: ActorDictionary) -> None:
    groups: dict[str, list[str]] = {
        "countries": [c.name for c in actors.countries],
        "metonyms": [m.name for m in actors.metonyms],
        "organisations": [o.name for o in actors.organisations],
        "bodies": [b.name for b in actors.bodies],
        "roles": [r.title for r in actors.roles],
    }
    for group, names in groups.items():
        assert len(names) == len(set(names)), group


def test_data_iso3_is_unique_except_convention_rows(actors: ActorDictionary) -> None:
    codes = [c.iso3 for c in actors.countries if c.status != "de_facto"]
    assert len(codes) == len(set(codes))


def test_data_forms_within_a_file_name_one_entry(actors: ActorDictionary) -> None:
    for entries in (
        actors.countries,
        actors.metonyms,
        actors.organisations,
        actors.bodies,
        actors.roles,
    ):
        owner: dict[str, object] = {}
        for entry in entries:
            for form in entry.forms:
                assert owner.setdefault(normalise(form), entry) is entry, form


def test_data_country_codes_exist(actors: ActorDictionary) -> None:
    known = _iso3s(actors) | INTERNATIONAL
    used = [m.iso3 for m in actors.metonyms] + [o.country for o in actors.organisations]
    used += [b.country for b in actors.bodies if b.country]
    used += [s.iso3 for p in actors.people_entries for s in p.spells]
    assert sorted(set(used) - known) == []


def test_data_sectors_are_cameo_agent_codes(actors: ActorDictionary) -> None:
    org_codes = {o.code for o in actors.organisations}
    sectors = [(m.iso3, m.sector) for m in actors.metonyms] + [
        (b.country or "", b.sector) for b in actors.bodies
    ]
    sectors += [(o.country, o.sector) for o in actors.organisations if o.sector]
    # A role may leave its sector empty: "general secretary" takes its party's from context.
    sectors += [("", r.sector) for r in actors.roles if r.sector is not None]
    sectors += [(s.iso3, s.sector) for p in actors.people_entries for s in p.spells]
    for country, sector in sectors:
        if country in {"IGO", "NGO"} and sector not in SECTORS:
            # International rows put the organisation sub-code where the sector goes.
            assert any(code.startswith(country + sector) for code in org_codes), (country, sector)
        else:
            assert sector in SECTORS, (country, sector)


def test_data_roles_have_known_ranks(actors: ActorDictionary) -> None:
    assert {r.rank for r in actors.roles} <= RANKS


def test_data_people_dates_parse_and_are_ordered(actors: ActorDictionary) -> None:
    for person in actors.people_entries:
        for spell in person.spells:
            first, after = spell.period
            assert spell.start and (after is None or first < after), (person.name, spell.role)
