"""Actors a phrase names by kind, not by name (`communique.actors.generic`): their sector and
country. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of


def actor_named(nlp: Language, text: str, name: str) -> dict:
    result = result_of(nlp, text, "2020-02-18")
    (actor,) = [a for a in result["actors"] if a["name"] == name]
    return actor


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Police in Accra arrested dozens of ethnic Varani on Monday.", "ethnic Varani", "GHA"),
        ("Togolese troops detained ethnic Varani in Kenya on Monday.", "ethnic Varani", "KEN"),
    ],
)
def test_actors_generic_ethnic_group_is_a_people_of_where_it_is(
    nlp: Language, text: str, name: str, country: str
) -> None:
    actor = actor_named(nlp, text, name)
    assert (actor["kind"], actor["sector"], actor["country"]) == ("group", "ETH", country)


def test_actors_generic_rebels_take_the_country_they_fight_in(nlp: Language) -> None:
    text = (
        "Senegal's army chief said on Monday that rebels fighting the Malian army shelled a "
        "Senegalese border village."
    )  # not the story's country, Senegal
    result = result_of(nlp, text, "2020-02-18")
    rebels = [a for a in result["actors"] if a["sector"] == "REB"]
    assert [a["country"] for a in rebels] == ["MLI"]


def test_actors_capital_named_as_a_place_is_no_organisation(nlp: Language) -> None:
    text = "Officials in Accra accused the militia of plotting an attack on a school in Tamale."
    result = result_of(nlp, text, "2020-02-18")
    assert [a["name"] for a in result["actors"] if a["kind"] == "organisation"] == []
    accusation = next(e for e in result["events"] if e["trigger"]["text"] == "accused")
    actors = {a["id"]: a for a in result["actors"]}
    assert actors[accusation["source"]]["country"] == "GHA"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Latvian editor was threatened on Sunday. The European Union condemned the threat. "
         "The bloc sanctioned Belarus on Monday.", "European Union"),
        ("Prosecutors say a gunman tried to kill the Latvian editor. The bloc sanctioned "
         "Belarus on Monday.", None),  # no alliance named before: nobody, not the editor
    ],
)  # fmt: skip
def test_actors_the_bloc_is_the_alliance_named_before(
    nlp: Language, text: str, source: str | None
) -> None:
    result = result_of(nlp, text, "2020-02-18")
    actors = {a["id"]: a["name"] for a in result["actors"]}
    sanctions = [actors[e["source"]] for e in result["events"] if e["cameo"].startswith("16")]
    assert sanctions == ([source] if source else [])
