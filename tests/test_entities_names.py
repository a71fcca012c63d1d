"""People's names the model cuts short or runs together, and titles it parses apart:
"Sadiq Khan" tagged as "Khan", "Scotland Nicola Sturgeon" tagged as one organisation,
"Labour MP (Member of Parliament) Tom Watson". Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of


def _people(nlp: Language, text: str) -> dict[str, dict]:
    return {a["name"]: a for a in result_of(nlp, text)["actors"] if a["kind"] == "person"}


def test_first_name_the_model_left_out_is_part_of_the_name(nlp: Language) -> None:
    people = _people(
        nlp, "The mayor of Lima, Sadiq Khan, said on Saturday that the march was peaceful."
    )
    assert "Sadiq Khan" in people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an honorific or a title is no first name
        ("Attorney Bash told the court in Lima on Monday that the case was closed.", "Bash"),
    ],
)
def test_honorific_before_a_surname_is_no_first_name(nlp: Language, text: str, name: str) -> None:
    assert not [n for n in _people(nlp, text) if n.startswith("Attorney")]


def test_person_named_after_a_place_in_one_entity_is_a_person(nlp: Language) -> None:
    text = "First Minister of Scotland Nicola Sturgeon spoke at the rally on Saturday."
    people = _people(nlp, text)
    assert people["Nicola Sturgeon"]["country"] == "GBR"


def test_title_before_a_bracketed_gloss_is_the_persons(nlp: Language) -> None:
    text = "Labour MP (Member of Parliament) Tom Watson spoke at the rally in London on Saturday."
    person = _people(nlp, text)["Tom Watson"]
    assert (person["country"], person["sector"]) == ("GBR", "LEG")


def test_body_named_after_an_organisation_is_no_person(nlp: Language) -> None:
    text = "The United Nations Working Group said on Monday that the detention was arbitrary."
    assert "Working Group" not in _people(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # the title's brief is not the person's country
        ("At a briefing in Lima, US Special Representative for Peru David Marsh said the "
         "talks were over.", "David Marsh", "USAGOV"),
        # the parser hangs the name on the "of" phrase, not on the title
        ("The prosecutor general of Lima, Jorge Ramirez, said the suspects must face charges.",
         "Jorge Ramirez", "PERJUD"),
        # an armed group's body is of the group's country, not of the country its words name
        ('"We urge the Chilean side to focus on its own problems," a Hamas spokesman, Omar '
         "Saleh, said.", "Omar Saleh", "PSE"),
    ],
)  # fmt: skip
def test_title_gives_a_person_their_country_and_sector(
    nlp: Language, text: str, name: str, code: str
) -> None:
    assert _people(nlp, text)[name]["code"].startswith(code)


def test_lede_says_whose_story_it_is(nlp: Language) -> None:
    """A group with no country of its own takes the story's; the lede counts twice, so a
    story about a Chilean president that later names Peru more often stays Chilean."""
    text = (
        "President Andres Molina of Chile said on Friday that he had tested positive for the "
        "virus. He had met the Peruvian president, Peru's foreign minister and Peru's trade "
        "minister last week. The opposition party criticised the decision to travel on Saturday."
    )
    groups = {a["name"]: a["country"] for a in result_of(nlp, text)["actors"]}
    assert groups["Chilean opposition party"] == "CHL"
