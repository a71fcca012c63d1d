"""CAMEO vocabulary and actor rules added in the plover_gsr_cameo round.

Every sentence here was written for these tests; none comes from a benchmark.
"""

from __future__ import annotations

import pytest
from event_helpers import ranked_events, result_of
from event_helpers import top_event as _top
from spacy.language import Language

from communique.actors.dictionary import load_dictionary


def _top_at(nlp: Language, text: str, published: str) -> dict:
    events = ranked_events(result_of(nlp, text, published))
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("The junta imposed a news blackout on the talks.", "1721", None),
        ("Agents of Iran hacked into the computers of the election commission.", "170", "IRN"),
        ("Striking farmers in Chile blocked traffic into the capital.", "144", "CHL"),
        ("The Greek opposition collected signatures against the pension reform.", "140", "GRC"),
        ("The Malian junta forced the United Nations mission out of the country.", "166", "MLI"),
        ("The Turkish authorities denied the permit for the rally.", "120", "TUR"),
        ("Italy announced a suspension of flights with Tunisia.", "160", "ITA"),
        ("Burmese troops captured a rebel stronghold near the border.", "192", "MMR"),
        # refusing to allow the UN's planes in: refusing international involvement (1245)
        ("The rebels refused to allow United Nations planes to land.", "1245", None),
    ],
)  # fmt: skip
def test_events_gsr_cameo_phrases(nlp: Language, text: str, code: str, source: str | None) -> None:
    top = _top(nlp, text)
    assert top["cameo"] == code
    if source is not None:
        assert top["source_country"] == source


def test_events_gsr_halting_mediation_is_coded(nlp: Language) -> None:
    events = ranked_events(result_of(nlp, "Egypt halted its mediation between the two parties."))
    assert [(e["cameo"], e["source_country"]) for e in events][:1] == [("165", "EGY")]


def test_events_gsr_refusal_outranks_a_background_act(nlp: Language) -> None:
    text = (
        "The rebels refused to allow United Nations planes to evacuate observers who were seized."
    )
    assert _top(nlp, text)["plover"] == "REJECT"


def test_events_gsr_act_down_a_chain_under_intent_is_announced(nlp: Language) -> None:
    events = ranked_events(result_of(nlp, "Norway is ready to send troops to help defend Estonia."))
    defend = next(e for e in events if e["trigger"]["text"] == "defend")
    assert (defend["cameo"], defend["mode"], defend["target_country"]) == ("032", "future", "EST")


def test_events_gsr_condition_clause_ranks_below_the_main_act(nlp: Language) -> None:
    events = ranked_events(result_of(nlp, "Canada will send aid to Peru if it is attacked."))
    assert events[0]["trigger"]["text"] == "send"
    attacked = [e for e in events if e["trigger"]["text"] == "attacked"]
    assert all(e["confidence"] < events[0]["confidence"] for e in attacked)


def test_events_gsr_passive_investigation_is_by_the_place_it_happens(nlp: Language) -> None:
    top = _top(nlp, "A French journalist was put under investigation in Spain.")
    assert (top["plover"], top["source_country"], top["target_country"]) == (
        "ACCUSE",
        "ESP",
        "FRA",
    )


def test_events_gsr_engaged_in_is_the_subjects_act(nlp: Language) -> None:
    top = _top(nlp, "Sudanese troops were engaged in ethnic cleansing in the western region.")
    assert (top["cameo"], top["source_country"]) == ("203", "SDN")


def test_events_gsr_members_of_an_igo_are_the_igo(nlp: Language) -> None:
    top = _top(nlp, "Greece demanded that its European Union partners reject the proposal.")
    assert (top["source_country"], top["target_country"]) == ("GRC", "IGO")
    result = result_of(nlp, "Russia's allies criticised the sanctions on Iran.")
    assert not any(
        a["country"] == "RUS" and e["source"] == a["id"]
        for e in result["events"]
        for a in result["actors"]
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Nigerian-led forces attacked the rebel camp.", "NGA"),
        ("Hundreds of ethnic Serbs demonstrated in Kosovo.", "XKX"),
        ("Thousands of students marched in Jakarta.", "IDN"),
        ("King Hassan of Morocco received the envoy.", "MAR"),
        ("Jan Smit, the United Nations Relief Coordinator, urged the parties to talk.", "IGO"),
        ("President Juan Perez threatened to impose a curfew in Lima.", "PER"),
    ],
)  # fmt: skip
def test_events_gsr_source_actors(nlp: Language, text: str, source: str) -> None:
    assert _top(nlp, text)["source_country"] == source


def test_actors_gsr_clinton_by_date(nlp: Language) -> None:
    text = "President Clinton imposed sanctions on the junta."
    assert _top_at(nlp, text, "2000-03-01")["source_country"] == "USA"
    names = {a["name"] for a in result_of(nlp, text, "2000-03-01")["actors"]}
    assert "Bill Clinton" in names
    later = "Hillary Clinton met the minister. Clinton said the talks went well."
    actors = result_of(nlp, later, "2000-03-01")["actors"]
    assert [a["name"] for a in actors if a["kind"] == "person"] == ["Hillary Clinton"]


def test_actors_gsr_body_short_forms_match_only_as_written(nlp: Language) -> None:
    dictionary = load_dictionary()
    assert dictionary.body("plan") is None and dictionary.body("mod") is None
    assert dictionary.body("PLAN") is not None and dictionary.body("the MoD") is not None
    result = result_of(nlp, "The ministry published a plan that will not allow foreign bids.")
    assert not any(a["country"] == "CHN" for a in result["actors"])
    result = result_of(nlp, "The PLAN sent two destroyers to the strait.")
    assert any(a["country"] == "CHN" for a in result["actors"])


def test_actors_gsr_international_labour_office_is_the_ilo() -> None:
    org = load_dictionary().organisation("International Labor Office")
    assert org is not None and org.country == "IGO"
