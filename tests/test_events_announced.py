"""Acts told by their noun under a verb of claiming or announcing: a claim makes any act
its claimant's, an announcement or confirmation only an arrest, detention or release.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of


@pytest.mark.parametrize(
    ("text", "root", "ends", "mode"),
    [
        # a claim is the doer's own: its act, alleged and claimed by it (`claims`)
        ("The Peruvian military claimed the killing of 33 rebels on Wednesday.", "19",
         ("PER", "PER"), "alleged"),
        ("Peruvian police announced the arrest of two Chilean smugglers on Monday.", "17",
         ("PER", "CHL"), "asserted"),
        ("Bolivia announced the release of three Peruvian fishermen on Monday.", "08",
         ("BOL", "PER"), "asserted"),
    ],
)  # fmt: skip
def test_events_act_claimed_or_announced_by_its_doer(
    nlp: Language, text: str, root: str, ends: tuple[str, str], mode: str
) -> None:
    found = {
        (e["cameo"][:2], e["source_country"], e["target_country"], e["mode"])
        for e in events_of(nlp, text)
    }
    assert (root, *ends, mode) in found


def test_events_killing_confirmed_by_another_is_not_theirs(nlp: Language) -> None:
    text = "The Peruvian health ministry confirmed the killing of two soldiers on Monday."
    assert not [e for e in events_of(nlp, text) if e["cameo"][:2] in {"18", "19"}]
