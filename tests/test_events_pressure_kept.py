"""Pressure kept up: tariffs or sanctions kept in place on countries are acts on each of
them, and what they are kept in place for is only aimed at. Sentences written for these
tests."""

from __future__ import annotations

from spacy.language import Language

from tests.event_helpers import events_of

TEXT = (
    "Chile's president is keeping new tariffs in place on Peru, Bolivia and Argentina to "
    "pressure them to stop the smuggling of copper across the border."
)


def test_events_tariffs_kept_on_countries_act_on_each(nlp: Language) -> None:
    kept = [e for e in events_of(nlp, TEXT) if e["trigger"]["text"] == "keeping"]
    assert {(e["cameo"], e["target_country"], e["mode"]) for e in kept} == {
        ("163", "PER", "asserted"),
        ("163", "BOL", "asserted"),
        ("163", "ARG", "asserted"),
    }


def test_events_purpose_of_an_act_kept_up_is_only_aimed_at(nlp: Language) -> None:
    aims = [e for e in events_of(nlp, TEXT) if e["trigger"]["text"] == "pressure"]
    assert aims
    assert {e["mode"] for e in aims} == {"hypothetical"}


def test_events_leading_talks_with_officials_meets_their_country(nlp: Language) -> None:
    text = (
        "Chile's foreign minister led more than six hours of talks with Peruvian officials "
        "in Lima on Monday."
    )
    led = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "led"]
    assert {(e["cameo"][:2], e["source_country"], e["target_country"]) for e in led} == {
        ("04", "CHL", "PER")
    }
