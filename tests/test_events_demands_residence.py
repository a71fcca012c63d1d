"""Demand nouns with a "that" clause, and peoples coded by the country they live in.

Every sentence here was written for these tests; none comes from a benchmark.
"""

from __future__ import annotations

import pytest
from event_helpers import top_event as _top
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "source", "target", "code"),
    [
        ("Norway repeated its demand that Chile ease restrictions on foreign reporters.",
         "NOR", "CHL", "1051"),
        ("Kenya renewed its call that Uganda should release the detained traders.",
         "KEN", "UGA", "1053"),
        ("Germany issued a sharp reminder to Serbia that it must withdraw its troops.",
         "DEU", "SRB", "1056"),
        ("Japan told Peru that it must release the hostages.", "JPN", "PER", "1053"),
    ],
)  # fmt: skip
def test_events_demand_noun_clause_is_a_demand_of_the_addressee(
    nlp: Language, text: str, source: str, target: str, code: str
) -> None:
    top = _top(nlp, text)
    assert (top["source_country"], top["target_country"], top["cameo"]) == (source, target, code)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ethnic Hungarians in Slovakia demanded more schools in their language.", "SVK"),
        ("The Turks of western Greece demanded the right to elect their own muftis.", "GRC"),
        ("Bosnian Croats demanded a third entity on Tuesday.", "BIH"),
        ("Hungarians demanded more schools in their language.", "HUN"),
        ("The Greek government demanded the return of the marbles.", "GRC"),
    ],
)
def test_actors_plural_people_noun_takes_the_country_it_lives_in(
    nlp: Language, text: str, source: str
) -> None:
    assert _top(nlp, text)["source_country"] == source
