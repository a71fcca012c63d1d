"""Entities: unnamed group speakers ("Pakistani officials", "Officials", "Police") are group
actors with a country and a sector; a relational noun ("Russia's allies") is not its owner.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import speaker_names, speakers_of


@pytest.mark.parametrize(
    ("text", "content", "name", "country", "sector"),
    [
        (
            "Pakistani officials said the border crossing would reopen on Monday.",
            "the border crossing would reopen",
            "Pakistani officials",
            "PAK",
            "GOV",
        ),
        (
            "Floods hit southern France on Tuesday. Officials said three people had died.",
            "three people had died",
            "French officials",
            "FRA",
            "GOV",
        ),
        (
            "Fires spread across Greece on Monday. Police said two villages were evacuated.",
            "two villages were evacuated",
            "Greek police",
            "GRC",
            "COP",
        ),
    ],
)
def test_entities_group_speaker_is_a_group_with_its_country(
    nlp: Language, text: str, content: str, name: str, country: str, sector: str
) -> None:
    (speaker,) = speakers_of(nlp, text, content)
    assert speaker is not None
    assert (speaker["name"], speaker["kind"], speaker["country"], speaker["sector"]) == (
        name,
        "group",
        country,
        sector,
    )


def test_entities_police_speaker_gets_the_story_country(nlp: Language) -> None:
    text = "Protesters marched through Nairobi, Kenya on Sunday. Police said twenty people were detained."
    (speaker,) = speakers_of(nlp, text, "twenty people were detained")
    assert speaker is not None
    assert (speaker["kind"], speaker["country"], speaker["sector"]) == ("group", "KEN", "COP")


@pytest.mark.parametrize(
    "text",
    [
        "Russia's allies said the sanctions were unfair.",
        "Allies of Russia said the sanctions were unfair.",
    ],
)
def test_entities_relational_noun_speaker_is_not_its_country(nlp: Language, text: str) -> None:
    found = speakers_of(nlp, text, "the sanctions were unfair")
    assert all(s is None or s["name"] != "Russia" for s in found), found


def test_entities_demonstrative_group_is_the_group_named_before(nlp: Language) -> None:
    text = (
        "Talks in Somalia failed last week after the government blamed the leaders of "
        "Puntland and Jubaland. Those leaders have said they will no longer recognise the "
        "president."
    )
    assert speaker_names(nlp, text, "they will no longer recognise the president") == [
        "leaders of Puntland and Jubaland"
    ]


def test_entities_statement_noun_has_no_appositive_person(nlp: Language) -> None:
    text = (
        "The governor of Ohio, Tom Berg, fell ill on Friday. According to official statements, "
        "Berg, now working from a hospital, will keep his duties during a week of rest."
    )
    assert speaker_names(nlp, text, "will keep his duties") != ["Tom Berg"]
