"""Meetings called and attended: who calls a meeting of a body meets that body, and who
takes part in "the meeting" later in the article meets the body whose meeting it was, on
its day. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of, result_of

FILLER = (
    "The two countries have argued over the river for decades. Farmers downstream say the "
    "dams upstream leave their fields dry each summer. Engineers from both sides have met "
    "many times without agreement. "
)


@pytest.mark.parametrize(
    "text",
    [
        "Chile, along with Peru, called a private meeting of the UN Security Council on "
        "Wednesday to discuss the river.",
        # the parser hangs "of the Council" on the verb when a day comes between
        "Chile, along with Peru, called a private meeting Wednesday of the UN Security Council "
        "to discuss the river.",
    ],
)
def test_events_calling_a_meeting_of_a_body_meets_it(nlp: Language, text: str) -> None:
    meetings = {
        (e["source_country"], e["target_country"])
        for e in events_of(nlp, text)
        if e["cameo"].startswith("04") and e["trigger"]["text"] == "called"
    }
    assert meetings == {("CHL", "IGO"), ("PER", "IGO")}


def test_events_taking_part_in_the_meeting_meets_the_body_on_its_day(nlp: Language) -> None:
    text = (
        "Chile called a private meeting of the UN Security Council on Wednesday to discuss "
        "the river. " + FILLER * 3 + "Bolivia's ambassador to the United Nations "
        "participated in the meeting, but Bolivia later criticised it."
    )
    result = result_of(nlp, text, "2026-03-06")
    countries = {a["id"]: a["country"] for a in result["actors"]}
    taking_part = [e for e in result["events"] if e["trigger"]["text"] == "participated"]
    assert [
        (countries[e["source"]], countries.get(e["target"]), e["date"]) for e in taking_part
    ] == [("BOL", "IGO", "2026-03-04")]
