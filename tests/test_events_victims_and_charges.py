"""Whom force fell on when a pronoun or a count names them, who a charge and a thing
reacted to belong to, militant networks placed where they act, air strikes told by the
army that flew them, and deeds that are no speech. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_at, events_of, result_of


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Militants attacked a hotel in Mogadishu at dawn, and then gunmen stormed it.",
         "stormed", "hotel (SOM)"),
        ("Police in Lahore said 200 passengers were freed from the bus, 17 of whom were "
         "injured.", "injured", "passengers (PAK)"),
        ("In Paris, the attacker, a man, reached the gate before he was shot by a police "
         "officer.", "shot", "attacker (FRA)"),
    ],
)  # fmt: skip
def test_events_victim_named_by_pronoun_or_count_is_its_antecedent(
    nlp: Language, text: str, trigger: str, target: str
) -> None:
    assert target in {e["target_name"] for e in events_at(nlp, text, trigger)}


def test_events_armed_victim_of_police_is_fought_not_assaulted(nlp: Language) -> None:
    text = "In Paris, the attacker, a man, reached the gate before he was shot by a police officer."
    assert [e["cameo"][:2] for e in events_at(nlp, text, "shot")] == ["19"]


def test_events_pronoun_with_no_antecedent_of_its_kind_names_no_victim(nlp: Language) -> None:
    text = "Officials in Kano said the plan was bold, and gunmen stormed it."
    assert not any(e["target_name"] for e in events_at(nlp, text, "stormed"))


def test_events_those_killed_are_no_doers(nlp: Language) -> None:
    text = (
        "In Quetta, the colonel said 12 off-duty Frontier Corps personnel and four passengers "
        "were among those killed in the first attack."
    )
    sources = {e["source_name"] for e in events_at(nlp, text, "killed")}
    assert "Frontier Corps" not in sources


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Pakistani officials on Friday repeated the claim that the bombing was planned by "
         "militants based in Afghanistan.", ("11", "PAK", "AFG")),
        ("Pakistani officials on Friday repeated the claim that the bombing was planned by "
         "militants based in Afghanistan, a charge the Afghan foreign ministry spokesman "
         "Zabihullah Karimi rejected on Saturday.", ("12", "AFG", "PAK")),
        ("Last week, Pakistan's parliament passed the government's tax-heavy budget. "
         "Opposition parties rejected the budget on Sunday, saying it would raise prices.",
         ("12", "PAK", "PAK")),
        ("Somalia's lower house approved a bill on Monday extending the president's term. "
         "The U.S. State Department said on Tuesday that the United States is deeply "
         "disappointed by the approval of the bill.", ("11", "USA", "SOM")),
    ],
)  # fmt: skip
def test_events_charge_or_thing_reacted_to_is_its_authors(
    nlp: Language, text: str, ends: tuple[str, str, str]
) -> None:
    found = {
        (e["cameo"][:2], e["source_country"], e["target_country"]) for e in events_of(nlp, text)
    }
    assert ends in found


def test_events_claimed_attack_is_claim_of_responsibility_on_its_victims(nlp: Language) -> None:
    text = (
        "Gunmen attacked a police post in Quetta on Sunday. The Baloch Liberation Army "
        "claimed the attack on Monday."
    )
    assert {(e["cameo"], e["target_name"]) for e in events_at(nlp, text, "claimed")} == {
        ("015", "police post (PAK)")
    }


def test_events_army_claiming_a_killing_is_no_claim_of_responsibility(nlp: Language) -> None:
    text = "In Quetta, the military claimed the killing of 33 fighters on Sunday."
    assert not any(e["cameo"] == "015" for e in events_at(nlp, text, "claimed"))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Iraqi forces killed an Islamic State commander near Mosul on Monday.", "IRQ"),
        ("Malian troops clashed with al-Qaeda fighters near Gao on Monday.", "MLI"),
    ],
)
def test_events_militant_network_takes_the_country_it_acts_in(
    nlp: Language, text: str, country: str
) -> None:
    actors = {a["name"]: a for a in result_of(nlp, text)["actors"]}
    network = actors.get("Islamic State") or actors.get("al-Qaeda")
    assert network is not None
    assert (network["country"], network["code"]) == (country, "IMGREB")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("U.S. Central Command said the militant commander was killed in a precision "
         "airstrike on Thursday in Iraq.", "USA"),
        ("The Nigerian army said 20 fighters were killed in an air strike near Maiduguri "
         "on Sunday.", "NGA"),
    ],
)  # fmt: skip
def test_events_army_telling_of_an_air_strike_flew_it(
    nlp: Language, text: str, source: str
) -> None:
    assert {e["source_country"] for e in events_at(nlp, text, "killed")} == {source}


def test_events_bombing_told_by_an_army_stays_unattributed(nlp: Language) -> None:
    text = "The Nigerian army said 20 villagers were killed in a bombing near Maiduguri on Sunday."
    assert all(e["source_name"].startswith("unidentified") for e in events_at(nlp, text, "killed"))


@pytest.mark.parametrize(
    "text",
    [
        "Separatists attacked a train in Balochistan on Tuesday.",
        "Prosecutors in Lagos charged two men with murder on Monday.",
        "The Baloch Liberation Army claimed the bombing on Monday.",
    ],
)
def test_quotes_deed_with_a_noun_object_is_no_report(nlp: Language, text: str) -> None:
    assert result_of(nlp, text)["quotes"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator attacked the plan as reckless.", "the plan as reckless"),
        ("The minister claimed that the rebels had fled.", "the rebels had fled"),
    ],
)
def test_quotes_deed_cue_still_reports_a_judgement_or_clause(
    nlp: Language, text: str, content: str
) -> None:
    assert content in [q["content"]["text"] for q in result_of(nlp, text)["quotes"]]


def test_quotes_noun_report_carried_by_its_verb_is_told_once(nlp: Language) -> None:
    text = "Pakistani officials on Friday repeated the claim that the bombing was planned abroad."
    quotes = result_of(nlp, text)["quotes"]
    assert [q["cue"]["text"] for q in quotes] == ["repeated"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Berlin banned the airline on Monday. The US has been urging allies such as Germany "
         "to restrict the airline's flights.", "urging"),
        ("Berlin banned the airline on Monday. With the US urging firms to stop trading with "
         "Iran, several German companies have announced plans to leave.", "urging"),
        ("Riyadh on Monday welcomed the report. Saudi Arabia initially denied all claims that "
         "the reporter was killed.", "denied"),
        ("The premier was elected leader today. After the vote, the former premier appointed "
         "him foreign minister, which he was until 2018, resigning in protest at the deal.",
         "resigning"),
    ],
)  # fmt: skip
def test_events_ongoing_or_earlier_phase_is_no_act_of_the_day(
    nlp: Language, text: str, trigger: str
) -> None:
    modes = {e["mode"] for e in events_at(nlp, text, trigger)}
    assert modes and "asserted" not in modes


def test_events_naming_a_running_mate_endorses_them(nlp: Language) -> None:
    text = (
        "Yesterday, the senator Joanna Pike, the party's likely nominee for president, "
        "announced the governor Anna Reyes as her choice for running mate."
    )
    ends = {
        (e["cameo"], e["source_name"], e["target_name"]) for e in events_at(nlp, text, "announced")
    }
    assert ends == {("051", "Joanna Pike", "Anna Reyes")}


def test_events_refusal_to_consider_a_request_rejects_its_maker(nlp: Language) -> None:
    text = (
        "Interpol said on Tuesday, regarding Iran's request, that it \"would not consider "
        'requests of this nature".'
    )
    found = {
        (e["cameo"][:2], e["target_country"], e["trigger"]["text"]) for e in events_of(nlp, text)
    }
    assert ("12", "IRN", "not consider") in found


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("On Monday, Somali soldiers backed by Kenyan troops retook the town of Bardera.",
         ("062", "KEN", "SOM")),
        ("On Monday, the Somali president, backed by Kenya, rejected the plan.",
         ("051", "KEN", "SOM")),
    ],
)  # fmt: skip
def test_events_backed_by_is_support_military_between_forces(
    nlp: Language, text: str, ends: tuple[str, str, str]
) -> None:
    found = {(e["cameo"], e["source_country"], e["target_country"]) for e in events_of(nlp, text)}
    assert ends in found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The spokesman said on Monday no passengers were killed during the operation in Quetta.",
         "killed"),
        ("The Senate did not find on Monday that the network had breached its licence.",
         "breached"),
    ],
)  # fmt: skip
def test_events_denied_subject_or_unfound_clause_is_negated(
    nlp: Language, text: str, trigger: str
) -> None:
    events = events_at(nlp, text, trigger)
    assert all(e["negated"] for e in events)


def test_events_force_in_a_speakers_present_is_a_charge_not_an_act(nlp: Language) -> None:
    text = (
        'The Turkish president said on Monday: "Israel attacks the Muslims in Jerusalem every day."'
    )
    assert {e["mode"] for e in events_at(nlp, text, "attacks")} == {"habitual"}


def test_events_named_analyst_welcoming_a_move_is_no_actor(nlp: Language) -> None:
    text = (
        "Nigerian defense chiefs on Tuesday agreed to activate a standby force. Security "
        "analyst Musa Bello welcomed the move but doubted it would work."
    )
    assert events_at(nlp, text, "welcomed") == []


def test_events_capital_as_author_of_a_claim_is_its_government(nlp: Language) -> None:
    text = (
        "On Wednesday, Germany said the opposition leader was poisoned. The Russian "
        "government dismissed the claim from Berlin as groundless."
    )
    assert {e["target_country"] for e in events_at(nlp, text, "dismissed")} == {"DEU"}


def test_actors_law_and_its_short_form_are_no_actor(nlp: Language) -> None:
    text = (
        "On Thursday, two rights groups filed a lawsuit against the state of Montana over its "
        "Ballot Collection Limits Act (BCLA). They said the BCLA would hurt rural voters."
    )
    names = {a["name"] for a in result_of(nlp, text)["actors"]}
    assert not names & {"BCLA", "Ballot Collection Limits Act"}


@pytest.mark.parametrize(
    ("text", "trigger", "when", "mode"),
    [
        ("Police said on Monday that ten people died in Lamu. Kenya launched an operation to "
         "drive the militants out of the forest near the border with Somalia in 2015.",
         "launched", "year 2015", "background"),
        ("On Friday, Tunisia's prime minister signed a decree banning face veils. Two people "
         "were killed in Tunis in a suicide bombing that happened on June 27.",
         "killed", "day 2019-06-27", "asserted"),
        ("On Friday, Tunisia's prime minister signed a decree banning face veils. Previously, "
         "headscarves were banned in public offices in Tunisia.", "banned", None, "background"),
    ],
)  # fmt: skip
def test_events_act_takes_the_past_its_own_sentence_tells(
    nlp: Language, text: str, trigger: str, when: str | None, mode: str
) -> None:
    found = [e for e in events_of(nlp, text, "2019-07-05") if e["trigger"]["text"] == trigger]
    assert {e["mode"] for e in found} == {mode}
    if when is not None:  # (precision and the period it starts)
        assert {f"{e['date_precision']} {e['period'][:10]}" for e in found} == {when}


def test_events_appeal_is_to_its_addressee_before_a_name_elsewhere(nlp: Language) -> None:
    text = (
        "In London, protesters carrying placards asking the government to cancel the exit "
        "and waving European Union flags marched to parliament on Saturday."
    )
    assert {e["target_name"] for e in events_at(nlp, text, "asking")} == {"British government"}


def test_events_crowd_told_again_keeps_the_day_of_its_march(nlp: Language) -> None:
    text = (
        "Thousands of people marched in Nairobi on Saturday against the new tax.\n\n"
        "Protesters, carrying placards asking the government to drop the tax, walked to the "
        "parliament."
    )
    dates = {e["date"] for e in events_of(nlp, text, "2024-06-27") if e["cameo"][:2] == "02"}
    assert dates == {"2024-06-22"}


def test_places_us_state_beats_a_small_foreign_town_of_its_name() -> None:
    from communique.places import lookup_place

    found = lookup_place("Montana")
    assert found is not None and found.country == "USA"
