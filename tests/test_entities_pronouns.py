"""Entities: narrator pronouns resolved by salience (the running speaker, the subject, the
pronoun's gender), through the whole pipeline. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import speaker_names


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Ana Ruiz, the agency's director, told reporters the port was closed. She said the "
            'storm had passed after Governor Paul Lind visited. "We are ready," she said.',
            "We are ready",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz, the agency's director, told reporters the port was closed. She said the "
            'storm had passed after Governor Paul Lind visited. "We are ready," she said.',
            "the storm had passed",
            "Ana Ruiz",
        ),
        (
            "Tom Baker, the union leader, spoke on Monday. He said the strike would go on after "
            'Mayor Paul Lind refused to meet. "We will not give up," he said.',
            "We will not give up",
            "Tom Baker",
        ),
    ],
)
def test_entities_pronoun_is_the_running_speaker_not_the_last_name(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Baker arrived in the capital on Monday. Speaking to Mark Lee on Tuesday, he said "
        "the talks would resume.",
        pytest.param(
            "Tom Baker arrived in the capital on Monday. After meeting Mark Lee on Tuesday, he "
            "said the talks would resume.",
            id="after-meeting-gerund-adjunct",
        ),
    ],
)
def test_entities_subject_pronoun_is_not_the_object_of_its_own_adjunct(
    nlp: Language, text: str
) -> None:
    assert speaker_names(nlp, text, "the talks would resume") == ["Tom Baker"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'Mrs. Laura Mendez met Mr. Victor Hale on Tuesday. "We agreed on nothing," he said.',
            "We agreed on nothing",
            "Victor Hale",
        ),
        (
            "Mr. Victor Hale, the mayor, met reporters on Monday. Ms. Laura Mendez, his deputy, "
            "said she would stay. He said the budget was too small.",
            "the budget was too small",
            "Victor Hale",
        ),
        (
            'Victor Hale said he would resign. Laura Mendez said she would stay. "I have no '
            'regrets," he said.',
            "I have no regrets",
            "Victor Hale",
        ),
        pytest.param(
            'Laura Mendez, the spokeswoman, met Victor Hale in the capital on Tuesday. "We agreed '
            'on nothing," he said.',
            "We agreed on nothing",
            "Victor Hale",
            id="spokeswoman-is-female",
        ),
    ],
)
def test_entities_pronoun_agrees_in_gender(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    assert speaker_names(nlp, text, content) == [speaker]


def test_entities_gender_comes_from_surname_mentions_too(nlp: Language) -> None:
    # the evidence for her gender is on surname-only mentions ("Okafor said she ...")
    text = (
        "The lawyer Ngozi Okafor filed the appeal. Okafor said she would fight on. Later, "
        "Okafor told the court she was ready. Judge Peter Hahn adjourned the case. Okafor is "
        "due to testify next week, Hahn said. “The court will hear all of it,” he told the "
        "jury."
    )
    assert speaker_names(nlp, text, "The court will hear all of it") == ["Peter Hahn"]


def test_entities_gender_from_the_narrators_pronouns_about_one_person(nlp: Language) -> None:
    # "her first" tells the reader who Gold is; "he" later is not her
    text = (
        "Representative Mary Gold of Ohio won the last seat, her first of the season. On "
        "Wednesday, the same day that he left the race, Tom Berg endorsed his rival. “Three "
        "months ago,” he said, “I entered the race.”"
    )
    assert speaker_names(nlp, text, "I entered the race.") == ["Tom Berg"]
