"""Companies named again: by their name without the suffix ("Andina Television" for
"Andina Television Corporation") and by a noun of their trade ("the network", "the
airline"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of, result_of

STORY = (
    "Peru's telecoms regulator issued an injunction against Andina Television Corporation "
    "on Monday. Andina Television went off the air that night. The Peruvian Telecoms "
    "Commission said Andina Television had broken its licence. "
)


def test_company_named_without_its_suffix_is_the_same_actor(nlp: Language) -> None:
    actors = [a for a in result_of(nlp, STORY)["actors"] if "Andina" in a["name"]]
    assert [(a["name"], len(a["mentions"])) for a in actors] == [
        ("Andina Television Corporation", 3)
    ]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("On Tuesday Peru's president accused the network of lying.", "accused"),
        ("On Tuesday Peru's president threatened the network with a fine.", "threatened"),
    ],
)
def test_the_network_is_the_company_the_story_names_most(
    nlp: Language, sentence: str, trigger: str
) -> None:
    events = [e for e in events_of(nlp, STORY + sentence) if e["trigger"]["text"] == trigger]
    assert {e["target_name"] for e in events} == {"Andina Television Corporation"}


def test_a_state_body_is_no_company(nlp: Language) -> None:
    # the commission is named nearer, but a network is no state body
    text = STORY + "On Tuesday the commission refused to give the network a new licence."
    refusals = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "refused"]
    assert {e["target_name"] for e in refusals} == {"Andina Television Corporation"}


def test_an_injunction_issued_against_a_company_coerces_it(nlp: Language) -> None:
    injunctions = [e for e in events_of(nlp, STORY) if e["trigger"]["text"] == "issued"]
    assert {(e["cameo"], e["target_name"]) for e in injunctions} == {
        ("172", "Andina Television Corporation")
    }
