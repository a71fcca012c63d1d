"""Sentences that tell no political act between actors, however much they look like one:
vehicles carrying people, interviews with the press, naming something with "call", and
acts that are only asked for or wished. Sentences written for these tests."""

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
        # "called X a victory for Y", "called the race for Y": naming, not calling for
        ("Demonstrators in Lima celebrated what they called a new victory for Peru.", {"02"}),
        ("The national media called the presidential race for the Chilean senator.", {"02"}),
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


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a gerund under a modal's clause is asked for, not done
        ('"The Security Council must be firm and united in addressing and condemning this reckless '
         'conduct by Peru," the Chilean statement said.', "condemning"),
        # what a speaker hopes for or wants made sure of has not happened
        ('"I am hoping the government will bring them to the table and make sure they make '
         'concessions to Peru," the Chilean senator said.', "make"),
        ("Peru hopes Chile releases the prisoners soon.", "releases"),
    ],
)  # fmt: skip
def test_events_asked_or_wished_for_are_not_asserted(
    nlp: Language, text: str, trigger: str
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert events
    assert {e["mode"] for e in events} == {"hypothetical"}


@pytest.mark.parametrize(
    ("text", "trigger", "modes"),
    [
        # what agencies believe someone did is their belief, not a fact the narrator tells
        ("Chile's intelligence agencies believe the Peruvian president ordered the killing "
         "of the journalist.", "ordered", {"claimed"}),
        # a plan to leave is announced, not done
        ("On Monday the Peruvian president said that he plans on leaving the Organization "
         "of American States.", "leaving", {"asserted"}),
    ],
)  # fmt: skip
def test_events_believed_or_planned_acts_are_not_told_as_done(
    nlp: Language, text: str, trigger: str, modes: set[str]
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert events
    assert {e["mode"] for e in events} == modes
    assert not [e for e in events if e["mode"] == "asserted" and e["cameo"].startswith("16")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # what an actor has been doing, or does as a rule, is no act on a day
        ("The Chilean navy has been patrolling the disputed waters near Peru for years.",
         "patrolling"),
        ("Peruvian police routinely detain Bolivian smugglers near the border.", "detain"),
    ],
)  # fmt: skip
def test_events_ongoing_or_habitual_acts_are_not_asserted(
    nlp: Language, text: str, trigger: str
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert "asserted" not in {e["mode"] for e in events}


@pytest.mark.parametrize(
    "text",
    [
        # support for a cause or praise of a quality supports no one
        "On Monday the Chilean president pledged his commitment to supporting peace and "
        "stability in the region.",
        "The Peruvian party leader lauded the senator's ability on Monday.",
    ],
)
def test_events_support_of_a_cause_is_no_act_on_anyone(nlp: Language, text: str) -> None:
    assert not [
        e for e in events_of(nlp, text) if e["cameo"].startswith("05") and e["target"] is None
    ]


def test_events_support_of_an_actor_stays(nlp: Language) -> None:
    assert "05" in {e["cameo"][:2] for e in events_of(nlp, "Chile supported Peru on Monday.")}


def test_events_what_people_in_a_relative_clause_are_doing_is_habitual(nlp: Language) -> None:
    text = "That pause hurts Peruvians who are fighting for their freedom against Bolivian troops."
    fighting = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "fighting"]
    assert fighting and "asserted" not in {e["mode"] for e in fighting}


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian trade minister rebuffed fears that the tariffs would cause a recession in Chile.",
        "Peruvian officials rejected questions that the attack was an intelligence failure.",
    ],
)
def test_events_dismissing_a_notion_rejects_no_one(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e["cameo"].startswith("12")]


def test_events_rejecting_a_proposal_stays_a_rejection(nlp: Language) -> None:
    text = "Peru rejected Chile's proposal on Monday."
    assert [e["target_country"] for e in events_of(nlp, text) if e["cameo"].startswith("12")] == [
        "CHL"
    ]
