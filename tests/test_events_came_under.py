"""Coming under attack or fire: force on the subject, by whoever the phrase names, else
by an unidentified actor of where it happened. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "root", "ends"),
    [
        ("The Andes Express, a train with 300 people on board, came under a bomb and gun "
         "attack on Tuesday near Cusco.", "18", ("PER", "PER")),
        ("A Peruvian army convoy came under rocket fire from Bolivian troops near the "
         "border on Monday.", "19", ("BOL", "PER")),
        ("The village came under a rocket attack in northern Peru on Monday.", "19",
         ("PER", "PER")),
    ],
)  # fmt: skip
def test_events_coming_under_attack_is_force_on_the_subject(
    nlp: Language, text: str, root: str, ends: tuple[str, str]
) -> None:
    found = {
        (e["cameo"][:2], e["source_country"], e["target_country"]) for e in events_of(nlp, text)
    }
    assert (root, *ends) in found


def test_events_coming_under_scrutiny_is_no_force(nlp: Language) -> None:
    text = "Peru's army came under pressure from lawmakers in Lima on Monday."
    assert not [e for e in events_of(nlp, text) if e["cameo"][:2] in {"18", "19"}]


def test_events_killed_in_a_battle_is_fighting_not_assault(nlp: Language) -> None:
    text = (
        "Five Peruvian soldiers were also killed in the attack and the ensuing battle with "
        "rebels near Cusco on Monday."
    )
    killed = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "killed"]
    assert killed and {e["cameo"][:2] for e in killed} == {"19"}


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, Peru began a military offensive in northern Bolivia with airstrikes.",
        "On Wednesday, Peru started an offensive against Bolivian rebels.",
        "Peruvian troops mounted an attack on a Bolivian garrison on Wednesday.",
    ],
)
def test_events_beginning_an_offensive_is_force(nlp: Language, text: str) -> None:
    found = {
        (e["cameo"][:2], e["source_country"], e["target_country"]) for e in events_of(nlp, text)
    }
    assert ("19", "PER", "BOL") in found
