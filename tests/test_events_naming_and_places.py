"""Naming is not telephoning, sector nouns in listed places, conditional acts dated ahead.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of

CRITICS = (
    "The opposition lawmakers in Nairobi and Dodoma criticised what they called a rushed process."
)


def _events(nlp: Language, text: str, published: str = "2026-03-04") -> list[dict]:
    result = result_of(nlp, text, published)
    codes = {a["id"]: a["code"] for a in result["actors"]}
    return [
        {**e, "source_code": codes[e["source"]], "target_code": codes.get(e["target"])}
        for e in result["events"]
    ]


def test_events_naming_verb_is_no_phone_call(nlp: Language) -> None:
    events = _events(nlp, CRITICS)
    assert not any(e["cameo"] == "041" for e in events)


def test_events_criticising_a_named_thing_is_an_event_of_each_listed_place(nlp: Language) -> None:
    events = _events(nlp, CRITICS)
    critics = {e["source_code"] for e in events if e["cameo_root"] == "11"}
    assert critics == {"KENLEG", "TZALEG"}
    assert all(e["target_code"] is None for e in events if e["cameo_root"] == "11")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Kenya would close the crossing again in June if smuggling resumed.", "2026-06"),
        ("Kenya will close the crossing again in June.", "2026-06"),
        ("Kenya closed the crossing in June.", "2025-06"),
    ],
)
def test_events_conditional_acts_are_dated_ahead(nlp: Language, text: str, period: str) -> None:
    events = [e for e in _events(nlp, text) if e["trigger"]["text"].startswith("clos")]
    assert events and {e["period"] for e in events} == {period}
    # a month is no day: the event has none, and says how precise its time is
    assert {(e["date"], e["date_precision"]) for e in events} == {(None, "month")}


def test_events_places_say_whose_story_it_is(nlp: Language) -> None:
    text = (
        "Thousands of students stormed the parliament building in Dhaka on Monday, hours after "
        "the government imposed a curfew. India, which shares a long border with Bangladesh, "
        "tightened security at crossing points."
    )
    events = _events(nlp, text, "2024-08-06")
    curfew = [e for e in events if e["trigger"]["text"] == "imposed"]
    assert curfew and all(e["source_code"] == "BGDGOV" for e in curfew)
