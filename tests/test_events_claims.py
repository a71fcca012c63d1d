"""Alleged acts (`communique.events.claims`): acts told only as somebody's accusation or
claim, who claims them, who denies them, and the accusation they belong to. Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from communique.model import Article
from communique.pipeline import analyse
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
    assert event["claim_presumed"] is False  # the sentence names who claims it


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


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian foreign minister posted a message on Monday blaming Togo for the attacks.",
        "The Ghanaian foreign minister posted a message on Twitter blaming Togo for the attacks.",
    ],
)
def test_claims_participle_of_blame_takes_the_clause_subject_as_claimant(
    nlp: Language, text: str
) -> None:
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


def alleged_events(nlp: Language, text: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text, "2020-02-18") if e["mode"] == "alleged"]


@pytest.mark.parametrize(
    ("text", "trigger", "code", "doer", "victim"),
    [
        ("Officials in Accra accused Togo of meddling in its internal affairs.", "meddling",
         "170", "TGO", "GHA"),  # a gerund the verb dictionary has no pattern for
        ("Officials in Accra accused Togo of meddling in its affairs and exploiting the border "
         "villages.", "exploiting", "170", "TGO", "GHA"),  # the second of two gerunds
        ("Accra announced it was cutting ties with Togo for allegedly meddling in its affairs.",
         "meddling", "170", "TGO", "GHA"),  # the ground of a punishment
        ("The ministry in Accra alleged that the Togolese navy was behind the sinking of a "
         "Ghanaian ferry.", "sinking", "190", "TGO", "GHA"),  # "was behind" under a claim
        ("Lawyers in Accra believe a Togolese general ordered the killing of the Ghanaian "
         "reporter.", "killing", "1823", "TGO", "GHA"),  # "ordered" under a belief
        ("The Togolese army was allegedly behind the plot, according to Ghanaian police.",
         "plot", "180", "TGO", "GHA"),  # a hedge; the police's country suffered it
        ("Fishermen from Ghana say they face harassment by the Togolese coast guard.",
         "harassment", "170", "TGO", "GHA"),  # the victims' own account
        ("Prosecutors in Ghana say Kofi Mensah of Togo hired two men to kill a Ghanaian "
         "journalist.", "kill", "1823", "TGO", "GHA"),  # the prosecution's case
        ("Ghana said Togo was responsible for the bombing of the bridge.", "bombing", "195",
         "TGO", "GHA"),  # who did it, told by the other side
        ("Ghana's ministry blamed the attack on Togolese militants.", "attack", "190", "TGO",
         "GHA"),  # "blame X on Y"
    ],
)  # fmt: skip
def test_claims_act_named_by_a_noun_or_gerund_is_alleged_from_doer_to_victim(
    nlp: Language, text: str, trigger: str, code: str, doer: str, victim: str
) -> None:
    found = [e for e in alleged_events(nlp, text) if e["trigger"]["text"] == trigger]
    assert [(e["cameo"], e["source_country"], e["target_country"]) for e in found] == [
        (code, doer, victim)
    ]
    assert found[0]["claimed_by"] != []


def test_claims_alleged_plot_against_people_in_named_countries_targets_each(
    nlp: Language,
) -> None:
    text = (
        "The European Union sanctioned Belarus over alleged kidnapping plots against exiles "
        "in countries including Latvia and Poland."
    )
    found = alleged_events(nlp, text)
    assert sorted((e["source_country"], e["target_country"]) for e in found) == [
        ("BLR", "LVA"), ("BLR", "POL"),
    ]  # fmt: skip
    result = result_of(nlp, text, "2020-02-18")
    assert {n for e in found for n in names(result, e["claimed_by"])} == {"European Union"}


def test_claims_army_claiming_a_killing_is_its_own_claim(nlp: Language) -> None:
    event, result = alleged_at(nlp, "The Ghanaian army claimed the killing of 12 fighters.",
                               "killing")  # fmt: skip
    assert names(result, event["claimed_by"]) == names(result, [event["source"]])


@pytest.mark.parametrize(
    ("text", "trigger", "deniers"),
    [
        ("Ghana and Togo reject claims that their mining ventures are depriving farmers of "
         "their land.", "depriving", {"Ghana", "Togo"}),  # known only from its denial
        ("The Togolese government denies providing sanctuary to Ghanaian rebels.",
         "providing", {"Togo Government"}),
        ("Togo denied involvement in the attack on the police post.", "attack", {"Togo"}),
        ("Ghana accused Togo of shelling border villages on Monday. Lome called the "
         "allegations baseless.", "shelling", {"Togolese government"}),
    ],
)  # fmt: skip
def test_claims_denial_read_from_its_words_links_to_the_act(
    nlp: Language, text: str, trigger: str, deniers: set[str]
) -> None:
    result = result_of(nlp, text, "2020-02-18")
    found = [e for e in result["events"] if e["trigger"]["text"] == trigger]
    assert found and all(e["mode"] == "alleged" for e in found)
    assert {n for e in found for n in names(result, e["denied_by"])} == deniers


def test_claims_denied_acts_of_coordinated_deniers_have_each_as_doer(nlp: Language) -> None:
    text = "Ghana and Togo reject claims that their mining ventures are depriving farmers."
    found = alleged_events(nlp, text)
    assert sorted(e["source_country"] for e in found) == ["GHA", "TGO"]
    # a claim nobody here owns is presumed the victims': the farmers
    assert all(e["claimed_by"] == [e["target"]] for e in found)


def test_claims_plea_of_not_guilty_denies_the_pleaders_acts_with_an_event(
    nlp: Language,
) -> None:
    text = (
        "Prosecutors in Ghana say Kofi Mensah hired two men to kill a Togolese journalist. "
        "Mensah has pleaded not guilty."
    )
    event, result = alleged_at(nlp, text, "kill")
    assert names(result, event["denied_by"]) == ["Kofi Mensah"]
    by_id = {e["id"]: e for e in result["events"]}
    (plea,) = [by_id[i] for i in event["denials"]]
    assert (plea["trigger"]["text"], plea["cameo"], plea["mode"]) == ("pleaded", "016", "asserted")
    assert plea["target"] in event["claimed_by"]  # the plea answers the prosecutors


def test_claims_victim_telling_a_threat_claims_it(nlp: Language) -> None:
    text = "Ghanaian senator Ama Owusu said she had been threatened by Togolese militiamen."
    event, result = alleged_at(nlp, text, "threatened")
    assert names(result, event["claimed_by"]) == ["Ama Owusu"]


@pytest.mark.parametrize(
    ("text", "accusing", "act"),
    [
        ("Accra pushed back on Lome's remarks, with Ghana's foreign ministry saying that the "
         "Togolese leader had threatened the border towns.", "pushed", "threatened"),
        ("Ghana's foreign ministry questioned whether France was supporting more military "
         "threats.", "questioned", "supporting"),
    ],
)  # fmt: skip
def test_claims_act_told_in_the_words_of_an_accusation_links_to_it(
    nlp: Language, text: str, accusing: str, act: str
) -> None:
    result = result_of(nlp, text, "2020-02-18")
    (accusation,) = [e for e in result["events"] if e["trigger"]["text"] == accusing]
    (alleged,) = [e for e in result["events"] if e["trigger"]["text"] == act]
    assert (alleged["mode"], alleged["accusation"]) == ("alleged", accusation["id"])
    assert alleged["claimed_by"] == [accusation["source"]]


@pytest.mark.parametrize(
    "text",
    [
        "The coalition believes that millions of dogs are killed for their meat every year.",
        "Ghana issued warrants for 12 people believed to have been involved in the bombing "
        "of a bridge.",  # Ghana accuses; it is not the doer
        "Mensah claimed 90 civilians were wounded in the clashes.",  # a toll, no doer
    ],
)
def test_claims_no_act_is_laid_at_the_door_of_no_one_or_of_the_accuser(
    nlp: Language, text: str
) -> None:
    assert [e for e in alleged_events(nlp, text) if e["source_country"] == "GHA"] == []
    assert [e for e in alleged_events(nlp, text) if e["source_name"].startswith("unident")] == []


def test_claims_definite_act_takes_the_victim_the_article_told_before(nlp: Language) -> None:
    text = (
        "Drones attacked two oil plants in Benin on Saturday. Ghana's foreign minister blamed "
        "Togo for the attacks on Sunday."
    )
    (event,) = alleged_events(nlp, text)
    assert (event["source_country"], event["target_country"]) == ("TGO", "BEN")  # not Ghana


@pytest.mark.parametrize(
    ("text", "rebels"),
    [
        ("Paris was accused of aiding rebels fighting the Malian army.", "MLI"),
        ("Paris was accused of aiding rebels fighting then-president, Laurent Gbagbo.", "CIV"),
    ],
)
def test_claims_rebels_take_the_country_they_fight_in(
    nlp: Language, text: str, rebels: str
) -> None:
    events = events_of(nlp, text, "2020-02-18")
    (aiding,) = [e for e in events if e["trigger"]["text"] == "aiding"]
    assert (aiding["mode"], aiding["cameo"], aiding["target_country"]) == ("alleged", "062", rebels)
    # what the rebels do is told only inside the accusation: no asserted event
    assert "fighting" not in [e["trigger"]["text"] for e in events if e["mode"] == "asserted"]


@pytest.mark.parametrize(
    ("text", "mutual"),
    [
        ("Ghana and Togo rejected claims that their troops had shelled the villages.", False),
        ("Ghana and Togo rejected each other's proposals on Monday.", True),
    ],
)
def test_claims_coordinated_rejection_of_claims_is_not_of_each_other(
    nlp: Language, text: str, mutual: bool
) -> None:
    rejections = [e for e in events_of(nlp, text, "2020-02-18") if e["cameo"] == "120"]
    assert bool(rejections) and all(
        (e["target_country"] in {"GHA", "TGO"}) == mutual for e in rejections
    )


@pytest.mark.parametrize(
    ("text", "trigger", "claimant"),
    [
        # the doer's accuser elsewhere in the article
        ("Accra has blamed Togolese militants for the raids. Togo denies sheltering the "
         "militants.", "sheltering", "GHA"),
        # the victim of a hostile act, when nobody accuses the doer
        ("Two Togolese soldiers stand accused of the bombing of a Ghanaian army base.",
         "bombing", "GHA"),
        # for arms sent to rebels, the country the rebels fight
        ("Relations between Ghana and Togo were poor. Lome was accused of arming rebels "
         "fighting the Ghanaian army.", "arming", "GHA"),
    ],
)  # fmt: skip
def test_claims_act_with_no_accuser_named_is_presumed_the_aggrieved_sides_claim(
    nlp: Language, text: str, trigger: str, claimant: str
) -> None:
    result = result_of(nlp, text, "2020-02-18")
    actors = {a["id"]: a for a in result["actors"]}
    found = [e for e in result["events"] if e["trigger"]["text"] == trigger]
    assert found and all(e["mode"] == "alleged" for e in found)
    assert {actors[i]["country"] for e in found for i in e["claimed_by"]} == {claimant}
    assert all(e["accusation"] is None for e in found)  # no accusation event tells it
    assert all(e["claim_presumed"] for e in found)


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "victim"),
    [
        ("Ghana sanctioned Togo for detaining farmers from Accra.", "detaining", "TGO", "GHA"),
        ("Ghana punished Togo for detaining farmers from Accra.", "detaining", "TGO", "GHA"),
    ],
)  # fmt: skip
def test_claims_grounds_of_a_punishment_are_the_punishers_claim(
    nlp: Language, text: str, trigger: str, doer: str, victim: str
) -> None:
    (event,) = [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
    assert (event["mode"], event["source_country"], event["target_country"]) == (
        "alleged", doer, victim
    )


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Ghana said the bombing was the work of Togolese militants.", "bombing", "TGO"),
        ("Others suggest the bombing of the Ghanaian base was a plot by Togo.", "bombing",
         "TGO"),
    ],
)  # fmt: skip
def test_claims_act_said_to_be_someones_work_is_alleged_against_them(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    (event,) = [e for e in alleged_events(nlp, text) if e["trigger"]["text"] == trigger]
    assert event["source_country"] == doer


def test_claims_false_flag_takes_the_victim_of_the_act_told_before(nlp: Language) -> None:
    text = (
        "Militants bombed a Ghanaian army base near Tamale in 2004. Some suggest the bombing "
        "was a plot by Ghana to justify a crackdown."
    )
    (event,) = [e for e in alleged_events(nlp, text) if e["trigger"]["text"] == "bombing"]
    assert (event["source_country"], event["target_country"]) == ("GHA", "GHA")


def test_claims_victim_telling_threats_from_unnamed_people_claims_them(nlp: Language) -> None:
    text = "In Accra, Judge Kofi Mensah said he had been threatened by unnamed individuals."
    (event,) = alleged_events(nlp, text)
    assert (event["cameo_root"], event["source_name"]) == ("13", "unidentified actor (GHA)")
    assert names(result_of(nlp, text), event["claimed_by"]) == ["Kofi Mensah"]


def test_claims_threats_received_by_the_teller_are_her_claim(nlp: Language) -> None:
    text = "The Ghanaian minister said she had received violent threats over the vote."
    (event,) = alleged_events(nlp, text)
    assert event["cameo_root"] == "13"
    assert event["source_name"] == "unidentified actor (GHA)"
    assert event["claimed_by"] == [event["target"]]  # she tells what she suffered


def test_claims_generic_armed_doer_of_a_claimed_attack_is_found(nlp: Language) -> None:
    text = (
        "Accra reiterated the claim that Tuesday's attack was orchestrated by militants with "
        "bases in Togo, a charge Togolese spokesperson Ama Mensah rejected."
    )
    result = result_of(nlp, text, "2020-02-18")
    actors = {a["id"]: a for a in result["actors"]}
    (event,) = [e for e in result["events"] if e["trigger"]["text"] == "attack"]
    assert (actors[event["source"]]["country"], actors[event["target"]]["country"]) == (
        "TGO", "GHA"
    )
    assert [actors[i]["country"] for i in event["claimed_by"]] == ["GHA"]
    assert [actors[i]["country"] for i in event["denied_by"]] == ["TGO"]
    assert event["accusation"] is not None  # "reiterated the claim": its accusation event


def test_claims_hypothesis_dismissed_by_the_doer_denies_only_the_last_claim(
    nlp: Language,
) -> None:
    text = (
        "Accra was accused of arming rebels in Togo. Others suggest the bombing of the "
        "Ghanaian base was a plot by Ghana. It is a hypothesis raised by a lawyer, but "
        "dismissed by the Ghanaian ambassador as a conspiracy theory."
    )
    result = result_of(nlp, text, "2020-02-18")
    denied = {
        e["trigger"]["text"]: bool(e["denied_by"])
        for e in result["events"] if e["mode"] == "alleged"
    }  # fmt: skip
    assert denied == {"arming": False, "bombing": True}


def test_claims_victims_are_not_the_doers_named_beside_them(nlp: Language) -> None:
    text = (
        "Ghana and Togo reject claims that their ventures are depriving ethnic Ewe of jobs "
        "and their share in the region's wealth."
    )
    found = alleged_events(nlp, text)
    assert found and {e["target_name"] for e in found} == {"ethnic Ewe"}


def test_claims_headline_gives_the_role_its_nationality(nlp: Language) -> None:
    text = (
        "Officials in Accra say the journalist Kofi Mensah was shot on Friday. Police "
        "believe the governor ordered the killing of journalist Kofi Mensah."
    )
    article = Article(
        id="t", text=text, title="Murdered Togolese journalist mourned", published="2020-02-18"
    )
    result = analyse(article, nlp(text)).to_dict()
    (journalist,) = [a for a in result["actors"] if a["name"] == "Kofi Mensah"]
    assert journalist["country"] == "TGO"
