"""Entities: an article's actors are never named with a pronoun; a pronoun the entity model
resolved is listed among its person's mentions. Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.language import Language

from tests.event_helpers import result_of

PRONOUNS = {"he", "she", "him", "her", "his", "it", "they", "them", "i", "we"}
RUIZ = (
    "Ana Ruiz, the agency's director, told reporters the port was closed. She said the storm "
    'had passed after Governor Paul Lind visited. "We are ready," she said.'
)
BAKER = (
    "Tom Baker, the union leader, spoke on Monday. He said the strike would go on after Mayor "
    'Paul Lind refused to meet. "We will not give up," he said.'
)
HALE = "Ms. Laura Mendez met Mr. Victor Hale on Tuesday. He said the talks had failed."


def actor_named(result: dict[str, Any], name: str) -> dict[str, Any]:
    found = [a for a in result["actors"] if a["name"] == name]
    assert len(found) == 1, (name, result["actors"])
    return found[0]


def mention_starts(actor: dict[str, Any]) -> set[int]:
    return {m["start"] for m in actor["mentions"]}


@pytest.mark.parametrize(
    "text",
    [
        RUIZ,
        "He said the roads were closed.",
        "She said the port would reopen.",
    ],
)
def test_entities_no_actor_is_named_with_a_pronoun(nlp: Language, text: str) -> None:
    names = [a["name"] for a in result_of(nlp, text)["actors"]]
    assert not [n for n in names if n.lower() in PRONOUNS], names


@pytest.mark.parametrize(
    ("text", "pronoun", "person", "other"),
    [
        (RUIZ, "She", "Ana Ruiz", "Paul Lind"),
        (RUIZ, "she", "Ana Ruiz", "Paul Lind"),
        (BAKER, "he", "Tom Baker", "Paul Lind"),
        (HALE, "He", "Victor Hale", "Laura Mendez"),
        pytest.param(
            "Tom Baker arrived in the capital on Monday. Mark Lee met him at the airport.",
            "him",
            "Tom Baker",
            "Mark Lee",
            id="object-pronoun-not-its-own-subject",
        ),
    ],
)
def test_entities_resolved_pronoun_is_a_mention_of_its_person(
    nlp: Language, text: str, pronoun: str, person: str, other: str
) -> None:
    """`pronoun` is the only word so written in `text`."""
    (start,) = [m.start() for m in re.finditer(rf"\b{pronoun}\b", text)]
    result = result_of(nlp, text)
    assert start in mention_starts(actor_named(result, person))
    assert start not in mention_starts(actor_named(result, other))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The US on Monday urged Ruritania to free the journalists.", "United States"),
        (
            "Officials in Yerevan said on Monday that Baku had fired first.",
            "Azerbaijani government",
        ),
    ],
    ids=["US-is-no-pronoun", "capital-is-its-government"],
)
def test_entities_country_words_that_look_like_pronouns_or_places_stay_actors(
    nlp: Language, text: str, name: str
) -> None:
    result = result_of(nlp, text, "2024-05-06")
    assert name in {a["name"] for a in result["actors"]}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Nordlake Systems said on Monday it would close its office in Oslo. Nordlake "
            "Systems will keep its staff, the company said.",
            "Nordlake Systems",
        ),
        (
            "Nordlake Systems closed its office in Oslo on Monday. The military said the "
            "base nearby would stay open.",
            "Norwegian military",
        ),
    ],
    ids=["the-company-is-the-company-named", "the-military-is-the-country-s"],
)
def test_entities_organisation_noun_is_the_organisation_named_unless_a_state_body(
    nlp: Language, text: str, speaker: str
) -> None:
    last = result_of(nlp, text, "2024-05-06")
    actors = {a["id"]: a["name"] for a in last["actors"]}
    assert actors.get(last["quotes"][-1]["speaker"]) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The Green Party chose Ann Lusk as its nominee. She joined a ticket with the late Tom "
        "Myers. Myers-Lusk appeared on every state ballot in the 1996 election.",
        "The Green Party chose Ann Lusk as its nominee. She joined a ticket with the late Tom "
        "Myers. Some states may give their ballot lines to the Myers/Lusk ticket.",
    ],
)
def test_entities_two_surnames_in_one_name_are_read_once(nlp: Language, text: str) -> None:
    # both surnames point into one mention; replacing it twice broke the whole article
    result = result_of(nlp, text)
    assert not result["errors"] and {"Ann Lusk", "Tom Myers"} <= {
        a["name"] for a in result["actors"]
    }
