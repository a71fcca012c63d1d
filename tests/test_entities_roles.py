"""Entities: a definite role noun ("the minister", "the military spokesperson", "the Indian
envoy") is the person named before with that title, its modifiers and its country.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import speakers_of


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Foreign Minister Karl Vossberg arrived in Lisbon on Monday. Ana Ruiz, the union "
            "leader, said the talks had failed. The minister said the treaty would be signed soon.",
            "the treaty would be signed",
            "Karl Vossberg",
        ),
        (
            "Karl Vossberg, the foreign minister, arrived in Lisbon on Monday. Trade Minister Lena "
            "Kurz met him at the airport. The foreign minister said the treaty would be signed soon.",
            "the treaty would be signed",
            "Karl Vossberg",
        ),
        (
            "Colonel Ivan Petrov, the military spokesperson, said troops had left the town. Olga "
            "Marin, a police spokesperson, said the roads were open. The military spokesperson "
            "said more troops would leave on Friday.",
            "more troops would leave",
            "Ivan Petrov",
        ),
        (
            "Commerce Secretary Dana Whitfield arrived in Tokyo on Monday. Trade Minister Ken Sato "
            "met her at the airport, and Sato's deputy Yumi Mori joined them. The Commerce chief "
            "said the tariffs would stay.",
            "the tariffs would stay",
            "Dana Whitfield",
        ),
    ],
)
def test_entities_role_noun_is_the_earlier_person_with_that_title(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    found = speakers_of(nlp, text, content)
    assert [s["name"] if s else None for s in found] == [speaker]
    assert found[0] is not None and found[0]["kind"] == "person"


@pytest.mark.parametrize(
    ("text", "speaker", "country"),
    [
        (
            "Indian envoy Ravi Menon arrived in Geneva on Sunday. Pakistani envoy Imran Qadir met "
            "French envoy Paul Girard on Monday. The Indian envoy said the meeting had been useful.",
            "Ravi Menon",
            "IND",
        ),
        (
            "Pakistani envoy Imran Qadir met Indian envoy Ravi Menon in Geneva on Monday. The "
            "Pakistani envoy said the meeting had been useful.",
            "Imran Qadir",
            "PAK",
        ),
        pytest.param(
            "French envoy Paul Girard spoke on Sunday. German envoy Lena Kurz met Spanish envoy "
            "Ana Ruiz on Monday. The French envoy said the meeting had been useful.",
            "Paul Girard",
            "FRA",
            id="envoy-of-another-country-with-no-coded-country",
        ),
    ],
)
def test_entities_role_noun_agrees_in_country(
    nlp: Language, text: str, speaker: str, country: str
) -> None:
    found = speakers_of(nlp, text, "the meeting had been useful")
    assert [s["name"] if s else None for s in found] == [speaker]
    assert found[0] is not None and found[0]["country"] == country


def test_entities_title_right_before_a_name_is_that_person(nlp: Language) -> None:
    text = (
        "Offering his thanks, the speaker of the assembly Tom Baker said the session would "
        "resume on Monday."
    )
    found = speakers_of(nlp, text, "the session would resume")
    assert [s["name"] if s else None for s in found] == ["Tom Baker"]
