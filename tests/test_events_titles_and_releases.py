"""Whose body a bare title speaks for, calls for something, releases from custody with no
one named as releasing, and where an armed group is based. Sentences written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_at, events_of, result_of

# Chile is the article's main country; the ministry named second is Peru's.
CHILE_STORY = (
    "Chile said on Tuesday that smugglers who attacked a border post in northern Chile "
    "were trained abroad. Chilean officials said the attack killed four Chilean police "
    "officers. Chile's army chief said Chile would respond. Peru's Ministry of Foreign "
    "Affairs called Chile's assertions baseless in a statement on Thursday. "
)


def _actor(result: dict, name: str) -> dict:
    return next(a for a in result["actors"] if a["name"] == name)


def test_bare_ministry_title_is_of_the_ministry_named_before(nlp: Language) -> None:
    text = (
        CHILE_STORY + '"We reject these claims," foreign ministry spokesperson Maria Salcedo said.'
    )
    person = _actor(result_of(nlp, text), "Maria Salcedo")
    assert (person["country"], person["sector"]) == ("PER", "GOV")


def test_bare_ministry_title_with_no_ministry_before_is_the_main_country(nlp: Language) -> None:
    text = (
        "Chile said on Tuesday that smugglers attacked a border post in northern Chile. "
        "Chilean officials said four police officers died. "
        '"We will find them," foreign ministry spokesperson Maria Salcedo said.'
    )
    assert _actor(result_of(nlp, text), "Maria Salcedo")["country"] == "CHL"


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # the court's president is the court's, the court the one named before
        ("Somalia took its sea border dispute with Kenya to the International Court of "
         "Justice. The court's president, Judge Ana Lindqvist, rejected Kenya's request for "
         "a delay on Monday.", ("IGO", "KEN")),
    ],
)  # fmt: skip
def test_title_owned_by_a_body_named_before_acts_for_it(
    nlp: Language, text: str, ends: tuple[str, str]
) -> None:
    found = {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, "rejected")}
    assert ends in found


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        # "calling for X to ...": an appeal to X, not a telephone call
        ("On Thursday the Peruvian foreign minister addressed reporters in Lima, calling "
         "for Chile to release the prisoners.", ("PER", "CHL")),
        ("Peru's president called for Bolivia to reopen the border on Monday.", ("PER", "BOL")),
    ],
)  # fmt: skip
def test_calling_for_someone_to_act_is_an_appeal_to_them(
    nlp: Language, text: str, ends: tuple[str, str]
) -> None:
    events = events_at(nlp, text, "calling") + events_at(nlp, text, "called")
    assert {(e["cameo"][:2], e["source_country"], e["target_country"]) for e in events} == {
        ("02", *ends)
    }


def test_calling_no_one_is_no_telephone_call(nlp: Language) -> None:
    text = "The Peruvian president addressed reporters in Lima on Monday, calling the vote a fraud."
    assert not [e for e in events_of(nlp, text) if e["cameo"].startswith("04")]


@pytest.mark.parametrize(
    "text",
    [
        "A court in Lima charged the Peruvian journalist Carlos Vega with incitement on "
        "Friday. His lawyer said on Monday that Vega has been released on bail.",
        "The Peruvian journalist Carlos Vega thanked his supporters on Monday after being "
        "freed from prison.",
    ],
)
def test_release_from_custody_with_no_one_named_is_by_the_countrys_authorities(
    nlp: Language, text: str
) -> None:
    releases = [e for e in events_of(nlp, text) if e["cameo"] == "0841"]
    assert [(e["source_country"], e["target_name"]) for e in releases] == [("PER", "Carlos Vega")]


@pytest.mark.parametrize(
    "text",
    [
        # freed by troops in a raid, not let go by whoever held them
        "Soldiers stormed the train in Peru on Monday and 200 passengers were freed.",
        "The report was released on Sunday.",
    ],
)
def test_release_with_no_custody_named_and_no_doer_is_no_event(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e["cameo"] == "0841"]


def test_who_undergoes_a_passive_gerund_is_the_main_clauses_subject(nlp: Language) -> None:
    text = (
        "The Peruvian activist Rosa Huaman spoke to reporters in Lima on Monday after being "
        "detained by police."
    )
    detentions = [e for e in events_of(nlp, text) if e["cameo"].startswith("17")]
    assert [e["target_name"] for e in detentions] == ["Rosa Huaman"]


@pytest.mark.parametrize(
    "text",
    [
        "Islamabad has blamed the bombing on militants present on Afghan soil.",
        "Islamabad blamed the bombing on militants based in Afghanistan.",
        "Islamabad blamed the bombing on militants hiding in Afghanistan.",
    ],
)
def test_armed_group_is_of_the_country_it_is_based_in(nlp: Language, text: str) -> None:
    assert {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, "blamed")} == {
        ("PAK", "AFG")
    }


def test_armed_group_with_no_base_named_is_of_the_main_country(nlp: Language) -> None:
    text = "Islamabad blamed the bombing on militants who attacked a bus on Monday."
    assert {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, "blamed")} == {
        ("PAK", "PAK")
    }


def test_a_charge_rejected_far_below_is_still_its_accusers(nlp: Language) -> None:
    filler = (
        "The border post lies in a dry valley. Trade through the valley has slowed for "
        "years. Farmers on both sides grow grapes and olives. Many families have relatives "
        "across the line. The two armies patrol the area on foot and by truck. "
    )
    text = (
        "Peru rejected Chile's allegation that the raid on a border post was planned on "
        "Peruvian soil. " + filler * 4 + "On Friday the Peruvian foreign minister again "
        "rejected the allegation that smugglers had bases across the border."
    )
    rejections = [e for e in events_at(nlp, text, "rejected") if "again" in e["evidence"]["text"]]
    assert [(e["source_country"], e["target_country"]) for e in rejections] == [("PER", "CHL")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the speaker phrase's head names the teller: the army, not Peru
        (
            "The Peruvian army said it killed 33 rebels near the border on Monday.",
            "Peru Armed Forces",
        ),
        ("The Chilean navy said it seized two boats off Arica on Monday.", "Chile Armed Forces"),
    ],
)
def test_it_in_what_a_body_says_is_that_body(nlp: Language, text: str, source: str) -> None:
    acts = [e for e in events_of(nlp, text) if e["trigger"]["text"] in {"killed", "seized"}]
    assert {e["source_name"] for e in acts} == {source}


def test_an_offer_rejected_as_its_is_someone_elses(nlp: Language) -> None:
    text = (
        "Chile warned on Wednesday that it would keep up pressure on Peru, as Lima rejected "
        "its offer for new talks."
    )
    rejected = [e for e in events_at(nlp, text, "rejected")]
    assert [(e["source_country"], e["target_country"]) for e in rejected] == [("PER", "CHL")]


def test_the_group_is_never_the_victims_of_its_attack(nlp: Language) -> None:
    text = (
        "Gunmen from the Andean Front stormed a hotel in Lima on Tuesday and killed four "
        "guests. In a statement, the group said it had killed more than 10 people."
    )
    sources = {e["source_name"] for e in events_at(nlp, text, "killed")}
    assert not [name for name in sources if "victims" in name or "guests" in name]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a welcome of a release is aimed at whoever released
        ("A Peruvian court freed the journalist Carlos Vega on Monday. Amnesty International "
         "welcomed the release on Tuesday.", "PER"),
        # and, when no one is named as releasing, at the country's unnamed authorities
        ("The journalist Carlos Vega was released on bail in Lima on Monday. Amnesty "
         "International welcomed the release on Tuesday.", "PER"),
    ],
)  # fmt: skip
def test_welcoming_a_release_is_aimed_at_who_released(
    nlp: Language, text: str, target: str
) -> None:
    welcomed = events_at(nlp, text, "welcomed")
    assert [(e["source_country"], e["target_country"]) for e in welcomed] == [("NGO", target)]

