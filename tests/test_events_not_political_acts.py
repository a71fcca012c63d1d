"""Sentences that tell no political act between actors, however much they look like one:
vehicles carrying people, interviews with the press. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        # a helicopter carrying the president is no visit by either
        ("On Monday the presidential helicopter Condor One landed at the palace, flying "
         "President Gabriel Boric to a military hospital in Santiago.", {"04"}),
        # talking to the press is no consultation, whoever the reporter works for
        ("The Chilean foreign minister spoke to Laura Diaz of CNN on Monday about the "
         "border.", {"04"}),
        ("Speaking to the BBC on Monday, the Peruvian president said the border would "
         "stay open.", {"04"}),
    ],
)  # fmt: skip
def test_events_not_a_political_act(nlp: Language, text: str, roots: set[str]) -> None:
    assert not [e["cameo"] for e in events_of(nlp, text) if e["cameo"][:2] in roots]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # guards: travelling and meeting officials stay acts
        ("The Peruvian foreign minister flew to Santiago on Tuesday.", "04"),
        ("The Chilean president met Peru's foreign minister in Lima on Monday.", "04"),
    ],
)
def test_events_travel_and_meetings_stay_acts(nlp: Language, text: str, root: str) -> None:
    assert root in {e["cameo"][:2] for e in events_of(nlp, text)}
