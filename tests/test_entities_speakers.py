"""Entities: speaker sieves on names: coordinated speakers, surnames the article introduced,
a titled official of a place, and owners that never speak. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import speaker_names, speakers_of


@pytest.mark.parametrize(
    ("text", "content", "speakers"),
    [
        (
            "Maria Lopez and David Ortiz said the deal was fair.",
            "the deal was fair",
            ["Maria Lopez", "David Ortiz"],
        ),
        (
            "Mayor Carla Brandt and Governor Paul Lind said the bridge would reopen.",
            "the bridge would reopen",
            ["Carla Brandt", "Paul Lind"],
        ),
        (
            "Maria Lopez met David Ortiz on Monday. Maria Lopez and David Ortiz said the deal "
            "was fair.",
            "the deal was fair",
            ["Maria Lopez", "David Ortiz"],
        ),
    ],
)
def test_entities_coordinated_speakers_give_one_quote_each(
    nlp: Language, text: str, content: str, speakers: list[str]
) -> None:
    assert sorted(speaker_names(nlp, text, content)) == sorted(speakers)


@pytest.mark.parametrize(
    ("text", "content", "person"),
    [
        (
            "Tom Rice, a farmer in Iowa, lost his crops in the flood. Rice said the state had "
            "done nothing.",
            "the state had done nothing",
            "Tom Rice",
        ),
        (
            "Mary Sullivan, a nurse in Boston, lost her job in March. Sullivan said the hospital "
            "had closed without warning.",
            "the hospital had closed",
            "Mary Sullivan",
        ),
        (
            "Ann Lee, a teacher in Ohio, lost her job in March. Lee said the school had closed "
            "without warning.",
            "the school had closed",
            "Ann Lee",
        ),
        (
            "Maria Lopez, a teacher in Ohio, lost her job in March. Lopez said the school had "
            "closed without warning.",
            "the school had closed",
            "Maria Lopez",
        ),
        (
            "Nop Vy, the group's director, was detained on Monday. Vy said the charges were false.",
            "the charges were false",
            "Nop Vy",
        ),
        (
            "Senator Ann Lee met Mayor Carlos Ortiz on Monday. Lee and Ortiz said the bridge "
            "would be rebuilt.",
            "the bridge would be rebuilt",
            "Ann Lee",
        ),
    ],
)
def test_entities_surname_is_the_person_the_article_introduced(
    nlp: Language, text: str, content: str, person: str
) -> None:
    found = speakers_of(nlp, text, content)
    assert person in [s["name"] if s else None for s in found]
    assert all(s is not None and s["kind"] == "person" for s in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kalobo District Commissioner Yusuf said the roads were flooded.", "Yusuf"),
        ("Kalobo District Commissioner Omar Yusuf said the roads were flooded.", "Omar Yusuf"),
        (
            "Nairobi Police Commander Peter Mwangi said the roads were flooded.",
            "Peter Mwangi",
        ),
    ],
)
def test_entities_titled_official_of_a_place_is_the_person(
    nlp: Language, text: str, person: str
) -> None:
    (speaker,) = speakers_of(nlp, text, "the roads were flooded")
    assert speaker is not None
    assert (speaker["name"], speaker["kind"]) == (person, "person")
    assert speaker["country"] != "IGO"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Ana Ruiz was arrested on Monday. Ruiz's lawyer, Tom Hale, said the charges were false.",
            "the charges were false",
            "Tom Hale",
        ),
        (
            "Maria Lopez, a teacher in Ohio, was arrested on Monday. Lopez's lawyer, Tom Hale, "
            "said the charges were false.",
            "the charges were false",
            "Tom Hale",
        ),
    ],
)
def test_entities_named_appositive_of_an_owned_role_speaks(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Daniel Lee was arrested in Ohio on Monday. The wife of Daniel Lee said he was "
            "innocent.",
            "he was innocent",
        ),
        (
            "Daniel Lee was arrested in Ohio on Monday. Daniel Lee's wife said he was innocent.",
            "he was innocent",
        ),
        (
            "Daniel Lee was arrested in Ohio on Monday. The mother of Daniel Lee said the charges "
            "were false.",
            "the charges were false",
        ),
        pytest.param(
            "Daniel Lee was arrested in Ohio on Monday. A lawyer for Daniel Lee said the charges "
            "were false.",
            "the charges were false",
            id="lawyer-for-owner",
        ),
    ],
)
def test_entities_speaker_is_never_the_owner(nlp: Language, text: str, content: str) -> None:
    assert "Daniel Lee" not in speaker_names(nlp, text, content)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Nine Kenyan press freedom groups wrote to the court on Monday. In the letter, they "
            "said the trial of the editor was unfair.",
            "the trial of the editor was unfair",
            "Kenyan press freedom groups",
        ),
        (
            "The broadcaster Nordvision Corporation went off the air on Tuesday in Ruritania. "
            "The government said its licence had expired, but they said the order was illegal.",
            "the order was illegal",
            "Nordvision Corporation",
        ),
    ],
    ids=["group-subject", "organisation-not-the-country"],
)
def test_entities_they_is_the_group_or_organisation_named_before(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    names = [name or "" for name in speaker_names(nlp, text, content)]
    assert any(speaker in name for name in names), names


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Tom Baker spoke on Sunday. A post sent from Baker's account during the debate "
            "said the vote would be close.",
            "the vote would be close",
            "Tom Baker",
        ),
        (
            "Intelligence shared by the United Nations showed that the militia had moved north.",
            "the militia had moved north",
            "United Nations",
        ),
        (
            "Prime Minister Igor Matovic of Slovakia tested positive on Monday. "
            "Matovic's government office said he had cancelled all his meetings.",
            "he had cancelled all his meetings",
            "Slovak government office",
        ),
    ],
    ids=["post-from-an-account", "intelligence-shared-by", "office-of-a-named-person"],
)
def test_entities_statement_speaks_for_its_author(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker in speaker_names(nlp, text, content)


def test_entities_a_person_s_team_is_no_state_body(nlp: Language) -> None:
    text = (
        "Prime Minister Igor Matovic of Slovakia spoke on Monday. Matovic's legal team said "
        "the charges were false."
    )
    for speaker in speakers_of(nlp, text, "the charges were false"):
        assert speaker is None or speaker["sector"] != "GOV" or speaker["kind"] == "person"
