"""Who does what in reported and judged acts, and definite descriptions of groups.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of


def _triples(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    result = result_of(nlp, text, "2025-06-13")
    codes = {a["id"]: a["code"] for a in result["actors"]}
    return {(e["cameo_root"], codes[e["source"]], codes.get(e["target"])) for e in result["events"]}


ARMED_GROUP = "The Lord's Resistance Army attacked a village in northern Uganda on Monday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the group named before denies and accuses; the accused army is the shelling's doer,
        # and the village it shelled is Uganda's
        (ARMED_GROUP + "The group denied any involvement and accused the army of shelling "
         "the village.", {("01", "UGAREB", None), ("11", "UGAREB", "UGAMIL"), ("19", "UGAMIL", "UGA")}),
    ],
)  # fmt: skip
def test_events_definite_group_noun_is_the_group_named_before(
    nlp: Language, text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    assert expected <= _triples(nlp, text)


def test_events_accused_party_does_the_gerund(nlp: Language) -> None:
    text = "Uganda accused Kenya of shelling the border village."
    shelling = {(source, target) for root, source, target in _triples(nlp, text) if root == "19"}
    assert shelling and all(source == "KEN" for source, _ in shelling)


def test_events_appeal_for_an_act_is_no_doer_of_it(nlp: Language) -> None:
    text = "Lebanon rejected a United Nations appeal for deploying troops along its border."
    assert not any(root == "15" for root, _, _ in _triples(nlp, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the African Union urges; it does not return to talks itself
        ("The African Union urged Sudan and Chad to return to the talks.", ("04", "IGOAFU")),
    ],
)
def test_events_told_party_does_the_infinitive(
    nlp: Language, text: str, absent: tuple[str, str]
) -> None:
    assert not any((root, source) == absent for root, source, _ in _triples(nlp, text))


def test_events_deployed_troops_are_no_target(nlp: Language) -> None:
    text = "Ethiopia deployed troops along the frontier with Sudan on Thursday."
    assert all(target != "ETHMIL" and target != "SDNMIL" for _, _, target in _triples(nlp, text))


def test_events_them_in_a_groups_report_is_not_the_group(nlp: Language) -> None:
    text = (
        "Police in Minsk detained more than 300 people at the weekend, according to the rights "
        "group Viasna, which said many of them had been beaten in custody."
    )
    result = result_of(nlp, text, "2025-06-13")
    names = {a["id"]: a["name"] for a in result["actors"]}
    beaten = [e for e in result["events"] if e["trigger"]["text"] == "beaten"]
    assert beaten and all(names.get(e["target"]) != "Viasna" for e in beaten)


def test_events_party_general_secretary_is_no_general(nlp: Language) -> None:
    text = (
        "Ghana's main opposition party rejected the results. Kojo Mensah, the party's general "
        "secretary, urged supporters to stay calm."
    )
    result = result_of(nlp, text, "2024-12-09")
    person = next(a for a in result["actors"] if a["name"] == "Kojo Mensah")
    assert person["code"] != "GHAMIL" and person["country"] == "GHA"


def test_events_raised_subject_of_a_passive_does_the_act(nlp: Language) -> None:
    text = "Nigeria's president is expected to travel to Accra on Tuesday, his office said."
    assert any(source.startswith("NGA") for _, source, _ in _triples(nlp, text))


def test_events_praise_by_listed_observers_is_not_mutual(nlp: Language) -> None:
    text = "Observers from the African Union and ECOWAS praised the conduct of the poll."
    assert all(target is None for root, _, target in _triples(nlp, text) if root == "05")


def test_events_the_two_countries_are_the_last_two_named(nlp: Language) -> None:
    text = (
        "Indian troops fired on a Pakistani post on Tuesday. The clashes came a day after the "
        "two countries agreed to resume talks."
    )
    pairs = {(s, t) for root, s, t in _triples(nlp, text) if root == "03"}
    assert {("IND", "PAK"), ("PAK", "IND")} <= pairs


def test_speaker_in_apposition_to_a_title_is_the_person(nlp: Language) -> None:
    text = "The UN Secretary-General, Antonio Guterres, said he was deeply concerned."
    result = result_of(nlp, text, "2025-03-12")
    names = {a["id"]: a["name"] for a in result["actors"]}
    assert {names.get(q["speaker"]) for q in result["quotes"]} == {"Antonio Guterres"}


def test_listed_countries_share_the_sector_under_their_own_names(nlp: Language) -> None:
    result = result_of(nlp, "Indian and Pakistani troops exchanged fire overnight.", "2025-03-12")
    names = {a["code"]: a["name"] for a in result["actors"]}
    assert "Pakistan" in names["PAKMIL"] and "India" in names["INDMIL"]


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        ("Israel's prime minister praised the vote on Thursday.", "2024-06-06",
         "Benjamin Netanyahu"),
        ("Israel's prime minister praised the vote on Thursday.", "2022-01-05", "Naftali Bennett"),
    ],
)  # fmt: skip
def test_actors_title_of_a_country_is_its_holder_on_the_day(
    nlp: Language, text: str, published: str, name: str
) -> None:
    names = {a["name"] for a in result_of(nlp, text, published)["actors"]}
    assert name in names


def test_actors_former_holder_is_no_one_in_particular(nlp: Language) -> None:
    text = "Israel's former prime minister praised the vote on Thursday."
    actors = result_of(nlp, text, "2024-06-06")["actors"]
    assert not any(a["kind"] == "person" for a in actors)


def test_quotes_title_speaker_is_not_an_earlier_person_of_another_country(nlp: Language) -> None:
    text = (
        "Mohammad Eslami told state television that Iran would respond. "
        "Israel's prime minister praised the vote and said his country would act."
    )
    result = result_of(nlp, text, "2024-06-06")
    names = {a["id"]: a["name"] for a in result["actors"]}
    later = [q for q in result["quotes"] if q["content"]["start"] > 70]
    assert later and all(names.get(q["speaker"]) != "Mohammad Eslami" for q in later)
