"""Words that look like acts or actors and are not: a sea named after a country, a label
that only designates who took part, a present passive that tells a state; and a label
that judges an actor through the noun it qualifies. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of, result_of


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Chile argues its sea border with Peru should run further into the Pacific Ocean "
         "than the Indian Ocean.", "IND"),
        ("Chinese ships sailed through the Korean Peninsula's waters and the Arabian Sea.",
         "KOR"),
    ],
)  # fmt: skip
def test_sea_or_land_named_after_a_country_is_no_actor(
    nlp: Language, text: str, country: str
) -> None:
    assert country not in {a["country"] for a in result_of(nlp, text)["actors"]}


def test_country_before_a_body_of_its_own_stays_an_actor(nlp: Language) -> None:
    text = "The Pakistan Coast Guard seized a boat in the Arabian Sea on Monday."
    assert "PAK" in {a["country"] for a in result_of(nlp, text)["actors"]}


def test_label_that_only_designates_who_took_part_is_no_judgement(nlp: Language) -> None:
    text = "Chile's army said on Monday it killed 33 Peruvian terrorists near the border."
    assert not [e for e in events_of(nlp, text) if e["cameo"].startswith("11")]


@pytest.mark.parametrize(
    "text",
    [
        '"Peru is a terrorist state," Chile\'s foreign minister said on Monday.',
        '"Peru is the aggressor," Chile\'s foreign minister said on Monday.',
    ],
)
def test_label_said_of_an_actor_judges_it(nlp: Language, text: str) -> None:
    criticism = [e for e in events_of(nlp, text) if e["cameo"] == "111"]
    assert [(e["source_country"], e["target_country"]) for e in criticism] == [("CHL", "PER")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Chile relies on foreign aid. Many of its people are internally displaced.",
         "displaced"),
        ("The archive counts shootings in Chile. An event counts when four people are "
         "killed in one place.", "killed"),
    ],
)  # fmt: skip
def test_present_passive_with_no_doer_is_a_state(nlp: Language, text: str, trigger: str) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert events and "asserted" not in {e["mode"] for e in events}


def test_present_passive_with_a_day_stays_an_act(nlp: Language) -> None:
    text = "Chile relies on foreign aid. The opposition party is banned in Chile, the court ruled on Monday."
    banned = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "banned"]
    assert banned and {e["mode"] for e in banned} == {"asserted"}


def test_label_of_a_nationals_thing_judges_their_country(nlp: Language) -> None:
    text = '"This is Peruvian propaganda," Chile\'s foreign minister said on Monday.'
    criticism = [e for e in events_of(nlp, text) if e["cameo"] == "111"]
    assert [(e["source_country"], e["target_country"]) for e in criticism] == [("CHL", "PER")]


def test_calling_an_agreement_null_and_void_criticises_its_parties(nlp: Language) -> None:
    text = 'On Tuesday, the Chilean president called the Peruvian-Bolivian border agreement "null and void".'
    criticism = [e for e in events_of(nlp, text) if e["cameo"] == "111"]
    assert {e["source_country"] for e in criticism} == {"CHL"}
