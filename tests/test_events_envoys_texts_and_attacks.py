"""Readings an analyst's review of corpus output asked for: an envoy is of the country that
sent them, a condemned attack is its makers', a released report is no released captive, a
date said of a deal dates the deal, and what an agreement says is no act of the day.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of, result_of


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Athens expelled the Libyan ambassador to Greece over the agreement on Friday.",
         ("GRC", "LBY")),
        # one's own envoy recalled is no act on oneself
        ("Peru recalled its ambassador from Chile on Monday.", ("PER", "CHL")),
    ],
)  # fmt: skip
def test_events_an_envoy_is_of_the_country_that_sent_them(
    nlp: Language, text: str, ends: tuple[str, str]
) -> None:
    found = {(e["source_country"], e["target_country"]) for e in events_of(nlp, text)
             if e["cameo"].startswith("16")}  # fmt: skip
    assert found == {ends}


def test_events_speaking_out_against_an_attack_criticises_its_makers(nlp: Language) -> None:
    text = (
        "Peruvian drones attacked a convoy near Arica on Thursday. The Chilean president "
        "spoke out against the attack on Friday."
    )
    spoke = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "spoke"]
    assert [(e["cameo"][:2], e["source_country"], e["target_country"]) for e in spoke] == [
        ("11", "CHL", "PER")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Peru released a report on the border on Monday.",
        "In a statement released after the attack, the Peruvian defence ministry said two "
        "soldiers died.",
    ],
)
def test_events_a_released_text_is_no_release_of_captives(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e["cameo"] == "0841"]


def test_events_date_said_of_a_deal_dates_the_acts_in_it(nlp: Language) -> None:
    text = "In the November 27 deal, Chile and Peru agreed on a sea border."
    events = [e for e in result_of(nlp, text, "2020-01-11")["events"]
              if e["trigger"]["text"] == "agreed"]  # fmt: skip
    assert events and {e["date"] for e in events} == {"2019-11-27"}


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        # what an agreement says, or what it is now, is no act of the day
        ("On Wednesday the ministers denounced the memorandum between Chile and Peru in which "
         "Chile and Peru agreed on a sea border.", "agreed", "background"),
        ("On Monday Chile denounced the Peruvian law that bans Chilean fishing boats from "
         "Peruvian waters.", "bans", "background"),
        # a later act on it, with its own day, is one
        ("Chile and Peru signed a pact that was rejected by Bolivia on Monday.", "rejected",
         "asserted"),
    ],
)  # fmt: skip
def test_events_in_a_clause_of_an_agreement(
    nlp: Language, text: str, trigger: str, mode: str
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert events and {e["mode"] for e in events} == {mode}
