"""Stances told by a phrase on another verb: "in protest of X", "in support of X", "in
solidarity with X" are acts of the verb's subject on X. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "code", "ends"),
    [
        ("Chilean students marched through Santiago on Monday in protest of Peruvian "
         "police actions near the border.", "141", ("CHL", "PER")),
        ("Chilean churches held prayers on Monday in support of Bolivia's miners.", "051",
         ("CHL", "BOL")),
        ("Students in Lima marched on Monday in solidarity with Chilean miners.", "051",
         ("PER", "CHL")),
    ],
)  # fmt: skip
def test_events_stance_phrase_acts_on_whom_it_concerns(
    nlp: Language, text: str, code: str, ends: tuple[str, str]
) -> None:
    found = {(e["cameo"], e["source_country"], e["target_country"]) for e in events_of(nlp, text)}
    assert (code, *ends) in found


@pytest.mark.parametrize(
    "text",
    [
        # a stance of one's own, or one on no actor, is no act on anyone
        "The Chilean minister resigned in protest on Monday.",
        "Chilean workers marched on Monday in support of higher wages.",
    ],
)
def test_events_stance_on_no_actor_is_no_act_on_anyone(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e["trigger"]["text"] in {"protest", "support"}]


def test_events_gathering_outside_a_parliament_is_a_protest_at_it(nlp: Language) -> None:
    text = "Thousands of people gathered outside the Peruvian Congress on Sunday with banners."
    found = {
        (e["cameo"][:2], e["source_country"], e["target_country"]) for e in events_of(nlp, text)
    }
    assert ("14", "PER", "PER") in found
