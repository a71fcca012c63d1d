"""Alleged acts (`communique.events.claims`): acts told only as somebody's accusation or
claim, who claims them, who denies them, and the accusation they belong to. Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from tests.event_helpers import events_at, events_of, result_of


def names(result: dict[str, Any], ids: list[str]) -> list[str]:
    actors = {a["id"]: a for a in result["actors"]}
    return [actors[i]["name"] for i in ids]


def alleged_at(nlp: Language, text: str, trigger: str) -> tuple[dict[str, Any], dict]:
    result = result_of(nlp, text, "2020-02-18")
    found = [e for e in result["events"] if e["trigger"]["text"] == trigger]
    assert [e["mode"] for e in found] == ["alleged"], found
    return found[0], result


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "claimant"),
    [
        ("Ghana accused Togo on Monday of shelling border villages.", "shelling", "Togo",
         "Ghana"),
        ("Ghana blamed Togo for the attack on a police post in Aflao.", "attack", "Togo",
         "Ghana"),
        ("Togo was accused by Ghana of arming the rebels.", "arming", "Togo", "Ghana"),
        ("Ghanaian officials alleged that Togo was arming the rebels.", "arming", "Togo",
         "Ghanaian officials"),
        ("According to Ghana's foreign ministry, Togolese troops detained three farmers on "
         "Sunday.", "detained", "Togo Armed Forces", "Ghana Foreign Ministry"),
    ],
)  # fmt: skip
def test_claims_act_told_as_an_accusation_is_alleged_with_its_claimant(
    nlp: Language, text: str, trigger: str, doer: str, claimant: str
) -> None:
    event, result = alleged_at(nlp, text, trigger)
    assert names(result, [event["source"]]) == [doer]
    assert names(result, event["claimed_by"]) == [claimant]


@pytest.mark.parametrize(
    ("text", "accusing"),
    [
        ("Ghana accused Togo on Monday of shelling border villages.", "accused"),
        ("Ghana blamed Togo for the attack on a police post in Aflao.", "blamed"),
    ],
)
def test_claims_alleged_act_links_to_its_accusation_event(
    nlp: Language, text: str, accusing: str
) -> None:
    result = result_of(nlp, text, "2020-02-18")
    (accusation,) = [e for e in result["events"] if e["trigger"]["text"] == accusing]
    assert accusation["mode"] == "asserted" and accusation["cameo_root"] == "11"
    (alleged,) = [e for e in result["events"] if e["mode"] == "alleged"]
    assert alleged["accusation"] == accusation["id"]


@pytest.mark.parametrize(
    ("text", "trigger", "denier"),
    [
        ("Ghana accused Togo on Monday of shelling border villages. Togo denied the "
         "accusation.", "shelling", "Togo"),
        ("Ghanaian officials alleged that Togo was arming the rebels, a charge the Togolese "
         "government rejected as baseless.", "arming", "Togo Government"),
        ("Ghana accused Togo of shelling villages on Monday. Togo's defence ministry said its "
         "troops had not shelled any villages.", "shelling", "Togo Defence Ministry"),
        ("Togo denied that its troops had shelled villages near Aflao.", "shelled", "Togo"),
    ],
)  # fmt: skip
def test_claims_denial_links_to_the_act_it_answers(
    nlp: Language, text: str, trigger: str, denier: str
) -> None:
    event, result = alleged_at(nlp, text, trigger)
    assert names(result, event["denied_by"]) == [denier]


def test_claims_denial_answers_no_claim_made_after_it(nlp: Language) -> None:
    text = (
        "Togo denied the accusation on Monday. On Tuesday, Ghana accused Togo of shelling "
        "border villages."
    )
    event, _ = alleged_at(nlp, text, "shelling")
    assert event["denied_by"] == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Togolese troops shelled border villages on Monday.", "shelled"),  # the narrator's
        ("Police said they arrested 20 protesters in Accra on Monday.", "arrested"),  # own act
        ("Togo not only shelled border villages but also closed the road on Monday.",
         "shelled"),  # told twice over, not denied
        ("According to Ghanaian media, Togolese troops detained three Ghanaian farmers on "
         "Sunday.", "detained"),  # an outlet's report, no accusation
        ("Togolese troops reportedly held talks with Ghanaian officers on Sunday.",
         "held"),  # hearsay on no hostile act
    ],
)  # fmt: skip
def test_claims_facts_told_as_facts_stay_asserted(nlp: Language, text: str, trigger: str) -> None:
    (event,) = events_at(nlp, text, trigger)
    assert (event["mode"], event["negated"], event["claimed_by"]) == ("asserted", False, [])


def test_claims_allegedly_makes_an_act_alleged(nlp: Language) -> None:
    event, _ = alleged_at(nlp, "Togolese agents allegedly abducted a journalist on Friday.",
                          "abducted")  # fmt: skip
    assert event["cameo_root"] == "18"


def test_claims_arming_rebels_is_military_cooperation(nlp: Language) -> None:
    event, _ = alleged_at(nlp, "Togo was accused by Ghana of arming the rebels.", "arming")
    assert event["cameo"] == "062"


def test_claims_standing_accused_names_no_accuser(nlp: Language) -> None:
    text = "Two Togolese soldiers stand accused of the bombing of a Ghanaian army base."
    events = events_of(nlp, text)
    assert [e["cameo_root"] for e in events if e["mode"] == "asserted"] == []
    (bombing,) = [e for e in events if e["trigger"]["text"] == "bombing"]
    assert (bombing["mode"], bombing["source_country"]) == ("alleged", "TGO")


def test_claims_third_party_verification_confirms_the_alleged_act(nlp: Language) -> None:
    text = (
        "Ghana accused Togo of shelling border villages on Monday. The United Nations said "
        "on Tuesday it had verified that Togolese troops shelled the villages."
    )
    event, result = alleged_at(nlp, text, "shelling")
    assert names(result, event["confirmed_by"]) == ["United Nations"]
    (verified,) = [e for e in result["events"] if e["trigger"]["text"] == "shelled"]
    assert (verified["mode"], verified["claimed_by"]) == ("asserted", [])


def test_claims_denial_of_a_stated_claim_answers_only_that_claim(nlp: Language) -> None:
    text = (
        "Ghana accused Togo on Monday of shelling border villages. Togo rejected claims that "
        "its troops had detained Ghanaian farmers."
    )
    shelling, result = alleged_at(nlp, text, "shelling")
    detained, _ = alleged_at(nlp, text, "detained")
    assert (shelling["denied_by"], names(result, detained["denied_by"])) == ([], ["Togo"])


def test_claims_participle_of_blame_takes_the_clause_subject_as_claimant(nlp: Language) -> None:
    text = "The Ghanaian foreign minister posted a message on Monday blaming Togo for the attacks."
    event, result = alleged_at(nlp, text, "attacks")
    assert [a["country"] for a in result["actors"] if a["id"] in event["claimed_by"]] == ["GHA"]


def test_claims_alleged_act_names_the_events_that_deny_it(nlp: Language) -> None:
    text = (
        "Ghana accused Togo on Monday of shelling border villages. Togo denied the accusation. "
        "Togo's defence ministry said its troops had not shelled any villages."
    )
    event, result = alleged_at(nlp, text, "shelling")
    by_id = {e["id"]: e for e in result["events"]}
    assert [by_id[i]["trigger"]["text"] for i in event["denials"]] == ["denied", "shelled"]


def test_claims_a_citizens_denial_answers_only_what_he_is_accused_of(nlp: Language) -> None:
    text = (
        "Protesters allegedly threatened a senator in Accra on Monday. A local businessman "
        "denied any allegation of bribery on Tuesday."
    )
    event, _ = alleged_at(nlp, text, "threatened")
    assert event["denied_by"] == []
