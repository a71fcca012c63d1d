"""Force one side says the other used: the act is that side's claim, and the claim is an
accusation of the doer. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "trigger", "accused"),
    [
        ("Chile said on Monday that Peruvian troops opened fire on Chilean border guards.", "opened",
         ("CHL", "PER")),
        ("Peru's army said on Monday that Chilean troops shelled a village near the border.",
         "shelled", ("PER", "CHL")),
        ('"Peruvian troops shelled our village on Monday," the Chilean interior minister said.',
         "shelled", ("CHL", "PER")),
    ],
)  # fmt: skip
def test_events_force_told_by_the_other_side_is_its_accusation(
    nlp: Language, text: str, trigger: str, accused: tuple[str, str]
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    force = [e for e in events if e["cameo"][:2] in {"18", "19", "20"}]
    charges = [(e["source_country"], e["target_country"]) for e in events if e["cameo"] == "112"]
    assert force and {e["mode"] for e in force} == {"claimed"}
    assert charges == [accused]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # one's own side's act, told by oneself, stays a fact the narrator reports
        ("Chile said on Monday that Chilean troops opened fire on smugglers in the north.",
         "opened"),
        ('"We shelled their positions near Tacna on Monday," the Peruvian army chief said.',
         "shelled"),
        # no one is named as doing it: no one to accuse
        ("Chile's army said a Peruvian smuggler was killed in an airstrike in the north on "
         "Monday.", "killed"),
    ],
)  # fmt: skip
def test_events_force_told_of_no_other_side_is_no_accusation(
    nlp: Language, text: str, trigger: str
) -> None:
    events = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert events
    assert not [e for e in events if e["cameo"] == "112"]
    assert "claimed" not in {e["mode"] for e in events}
