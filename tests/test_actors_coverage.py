"""Coverage of the actor dictionary's office holders (issue 4, gap-filling round)."""

from __future__ import annotations

import pytest

from communique.actors.dictionary import ActorDictionary, load_dictionary

# Heads of state or government, as people.tsv titles them (see SOURCE.md).
TOP_ROLES = frozenset(
    {
        "President",
        "Acting President",
        "Prime Minister",
        "Premier",
        "Chancellor",
        "Taoiseach",
        "King",
        "Queen",
        "Emir",
        "Sultan",
        "Prince",
        "Grand Duke",
        "Emperor",
        "Head of State",
        "Minister of State",  # Monaco's head of government
        "Secretary of State for Foreign Affairs",  # San Marino's de-facto head of government
        "President of the Swiss Confederation",
        "Chairman of the Council of Ministers",
        "Supreme Leader",
    }
)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


def test_every_un_member_has_a_head_of_state_or_government(actors: ActorDictionary) -> None:
    # countries.tsv `state` rows are UN members plus the Holy See (an observer state).
    members = {c.iso3 for c in actors.countries if c.status == "state"} - {"VAT"}
    assert len(members) == 193
    covered = {
        spell.iso3
        for person in actors.people_entries
        for spell in person.spells
        if spell.role in TOP_ROLES
    }
    assert sorted(members - covered) == []


@pytest.mark.parametrize(
    ("name", "on", "role", "code"),
    [
        ("Roosevelt Skerrit", "2015-01-01", "Prime Minister", "DMAGOV"),
        ("Denzil Douglas", "2010-01-01", "Prime Minister", "KNAGOV"),
        ("Anote Tong", "2010-01-01", "President", "KIRGOV"),
        ("Tommy Remengesau", "2015-01-01", "President", "PLWGOV"),
        ("Tuilaepa Sailele Malielegaoi", "2010-01-01", "Prime Minister", "WSMGOV"),
        ("Manasseh Sogavare", "2020-01-01", "Prime Minister", "SLBGOV"),
        ("Mahathir Mohamad", "2001-01-01", "Prime Minister", "MYSGOV"),
        ("Saddam Hussein", "2002-01-01", "President", "IRQGOV"),
        ("Daniel arap Moi", "2001-01-01", "President", "KENGOV"),
        ("Brigi Rafini", "2015-01-01", "Prime Minister", "NERGOV"),
        ("Moussa Faki Mahamat", "2012-01-01", "Foreign Minister", "TCDGOV"),
        ("David Choquehuanca", "2010-01-01", "Foreign Minister", "BOLGOV"),
        ("Luis Almagro", "2012-01-01", "Foreign Minister", "URYGOV"),
        ("Nyan Win", "2008-01-01", "Foreign Minister", "MMRGOV"),
        ("Don Pramudwinai", "2018-01-01", "Foreign Minister", "THAGOV"),
        ("Abdul Halim Khaddam", "2000-07-01", "Acting President", "SYRGOV"),
    ],
)
def test_gap_filling_rows(
    actors: ActorDictionary, name: str, on: str, role: str, code: str
) -> None:
    found = actors.people(name, on=on)
    assert [p.name for p in found] == [name]
    spell = found[0].role_at(on)
    assert spell is not None and (spell.role, spell.code) == (role, code)


@pytest.mark.parametrize(
    ("iso3", "role", "on", "expected"),
    [
        ("ATG", "Prime Minister", "2010-01-01", "Baldwin Spencer"),
        ("GRD", "Prime Minister", "2010-01-01", "Tillman Thomas"),
        ("TTO", "President", "2015-01-01", "Anthony Carmona"),
        ("FSM", "President", "2010-01-01", "Manny Mori"),
        ("VUT", "Prime Minister", "2018-01-01", "Charlot Salwai"),
        ("BFA", "Prime Minister", "2009-01-01", "Tertius Zongo"),
        ("MOZ", "Prime Minister", "2006-01-01", "Luisa Diogo"),
        ("NAM", "Prime Minister", "2008-01-01", "Nahas Angula"),
        ("PRK", "Premier", "2015-01-01", "Pak Pong-ju"),
        ("PER", "Foreign Minister", "2008-01-01", "Jose Antonio Garcia Belaunde"),
        ("MMR", "Foreign Minister", "2013-01-01", "Wunna Maung Lwin"),
    ],
)
def test_gap_filling_one_holder_on_date(
    actors: ActorDictionary, iso3: str, role: str, on: str, expected: str
) -> None:
    holders = [
        person.name
        for person in actors.people_entries
        for spell in person.spells
        if (spell.iso3, spell.role) == (iso3, role) and spell.holds_on(on)
    ]
    assert holders == [expected]


def test_common_word_surnames_are_not_lookup_keys(actors: ActorDictionary) -> None:
    # Surnames that are everyday words or other leaders' names are full-name only ("-").
    for surname in ("Note", "Friday", "Drew", "King", "Liverpool"):
        assert actors.people(surname, on="2010-06-01") == [], surname


@pytest.mark.parametrize(
    ("name", "on", "role", "code"),
    [
        ("Mahmoud Ali Youssouf", "2015-01-01", "Foreign Minister", "DJIGOV"),
        ("Dileita Mohamed Dileita", "2010-01-01", "Prime Minister", "DJIGOV"),
        ("Jean Ping", "2005-01-01", "Foreign Minister", "GABGOV"),
        ("Fowsiyo Yusuf Haji Aadan", "2013-06-01", "Foreign Minister", "SOMGOV"),
        ("Patricia Rodas", "2009-03-01", "Foreign Minister", "HNDGOV"),
        ("Laurent Lamothe", "2013-01-01", "Prime Minister", "HTIGOV"),
        ("Alexis Thambwe Mwamba", "2010-01-01", "Foreign Minister", "CODGOV"),
        ("Javier Perez de Cuellar", "2001-03-01", "Foreign Minister", "PERGOV"),
        ("Rosario Green", "2000-06-01", "Foreign Minister", "MEXGOV"),
        ("Carlos Gomes Junior", "2010-06-01", "Prime Minister", "GNBGOV"),
        ("Francisco Pascual Obama Asue", "2020-01-01", "Prime Minister", "GNQGOV"),
        ("Bakir Izetbegovic", "2015-01-01", "Member of the Presidency", "BIHGOV"),
        ("Milorad Dodik", "2020-01-01", "Member of the Presidency", "BIHGOV"),
        ("Manmohan Singh", "2006-03-01", "External Affairs Minister", "INDGOV"),
    ],
)
def test_foreign_minister_round_rows(
    actors: ActorDictionary, name: str, on: str, role: str, code: str
) -> None:
    found = actors.people(name, on=on)
    assert [p.name for p in found] == [name]
    assert code in {spell.code for spell in found[0].roles_at(on) if spell.role == role}


def test_foreign_minister_round_surnames_stay_unambiguous(actors: ActorDictionary) -> None:
    # Guatemala's foreign minister Carlos Raul Morales served under President Jimmy Morales:
    # the bare surname must not name the minister.
    found = [p.name for p in actors.people("Morales", on="2017-01-01")]
    assert "Jimmy Morales" in found and "Carlos Raul Morales" not in found
    # Common words and other leaders' names are not surnames (found by full name only).
    for word in ("Green", "Ping", "Neptune", "Paul", "Francis"):
        assert not any(
            p.name in {"Rosario Green", "Jean Ping", "Yvon Neptune", "Evans Paul", "David Francis"}
            for p in actors.people(word)
        ), word
