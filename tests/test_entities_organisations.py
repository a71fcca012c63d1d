"""Entities: organisations stay themselves (named as written, with the country found inside
the name), buildings stand for their institution, and an acronym is the organisation the
article named in full. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of, speakers_of


@pytest.mark.parametrize(
    ("text", "content", "name", "country"),
    [
        (
            "The Japan Coast Guard said a fishing boat had sunk near the islands.",
            "a fishing boat had sunk",
            "Japan Coast Guard",
            "JPN",
        ),
        (
            "Agence France-Presse reported that the talks had stalled.",
            "the talks had stalled",
            "Agence France-Presse",
            "FRA",
        ),
    ],
)
def test_entities_organisation_is_named_as_written_with_its_country(
    nlp: Language, text: str, content: str, name: str, country: str
) -> None:
    (speaker,) = speakers_of(nlp, text, content)
    assert speaker is not None
    assert (speaker["name"], speaker["kind"], speaker["country"]) == (
        name,
        "organisation",
        country,
    )


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("The Kremlin said the talks were over.", "Kremlin", "RUSGOV"),
        ("The White House said the talks were over.", "White House", "USAGOV"),
    ],
)
def test_entities_building_is_its_institution_with_the_government_code(
    nlp: Language, text: str, name: str, code: str
) -> None:
    (speaker,) = speakers_of(nlp, text, "the talks were over")
    assert speaker is not None
    assert (speaker["name"], speaker["kind"], speaker["code"]) == (name, "organisation", code)


@pytest.mark.parametrize(
    "second",
    [
        "The NSD said the men were planning an attack.",
        "The NSD statement said the men were planning an attack.",
    ],
)
def test_entities_acronym_is_the_organisation_named_in_full(nlp: Language, second: str) -> None:
    text = f"The National Security Directorate arrested three men on Monday. {second}"
    (speaker,) = speakers_of(nlp, text, "planning an attack")
    assert speaker is not None and speaker["name"] == "National Security Directorate"
    names = [a["name"] for a in result_of(nlp, text)["actors"]]
    assert "NSD" not in names and "NSD statement" not in names


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the whole apposition is read: the parser splits "Doctors Without Borders"
        (
            "Ana Ruiz, head of the Andes office of Doctors Without Borders, said the clinic "
            "had closed.",
            "NGO",
        ),
        # "Latin America" is a region, not the United States
        ("Ana Ruiz, head of the Latin America desk, said the clinic had closed.", None),
    ],
)
def test_entities_person_takes_the_international_organisation_of_her_apposition(
    nlp: Language, text: str, country: str | None
) -> None:
    (speaker,) = speakers_of(nlp, text, "the clinic had closed")
    assert speaker is not None and speaker["country"] == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("PBS", "USA"), ("Reuters", "GBR"), ("Voice of America", "USA"), ("Al Jazeera", "QAT")],
)
def test_news_organisation_is_of_its_headquarters_country(
    nlp: Language, name: str, country: str
) -> None:
    # a story about Saudi Arabia: the outlets keep their own countries
    text = (
        "The Saudi crown prince spoke about the killing on Monday. PBS, Reuters, Voice of "
        "America and Al Jazeera reported his remarks from Riyadh."
    )
    actors = {a["name"]: a for a in result_of(nlp, text)["actors"]}
    assert (actors[name]["country"], actors[name]["sector"]) == (country, "MED")


def test_congress_is_of_the_country_in_context(nlp: Language) -> None:
    text = "The Congress of the Philippines did not renew the broadcaster's franchise."
    actors = {a["name"]: a["code"] for a in result_of(nlp, text)["actors"]}
    assert actors["Congress of the Philippines"] == "PHLLEG"


@pytest.mark.parametrize(
    ("published", "code"), [("2019-09-29", "IGOUNO"), ("2022-05-01", "NGOAMN")]
)
def test_person_is_coded_by_the_role_she_held_that_day(
    nlp: Language, published: str, code: str
) -> None:
    # a UN special rapporteur until March 2021, then Amnesty International's head
    text = "Agnès Callamard urged the United States to release the files."
    actors = {a["name"]: a["code"] for a in result_of(nlp, text, published)["actors"]}
    assert actors["Agnes Callamard"] == code
