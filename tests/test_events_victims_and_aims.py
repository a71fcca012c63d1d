"""Whom force falls on when the article names no actor for them, acts only aimed at or
asked for, and the day of an incident's acts. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_at as _at
from tests.event_helpers import events_of as _events


def _asserted(nlp: Language, text: str) -> set[tuple[str | None, str | None, str]]:
    return {
        (e["source_country"], e["target_country"], e["cameo_root"])
        for e in _events(nlp, text)
        if e["mode"] == "asserted" and not e["negated"]
    }


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the victims are of the country where it happened, named by their own phrase
        ("Nigerian gunmen seized a bus on Sunday.", ("NGA", "NGA", "17")),
        ("Kenyan police arrested the bus driver on Monday.", ("KEN", "KEN", "17")),
        # a passive with no agent: an unidentified doer and unnamed victims, both Peruvian
        ("The mayor's brother was detained in Lima on Tuesday.", ("PER", "PER", "17")),
        # a relative clause's victims are its head noun's
        (
            "Nepal's army freed the hikers, who had been abducted near Pokhara on Friday.",
            ("NPL", "NPL", "18"),
        ),
        # a claim of responsibility aims at the victims of the attack it claims
        (
            "Al-Shabab claimed responsibility for the attack on a market in Mogadishu.",
            ("SOM", "SOM", "01"),
        ),
        # condolences with no one named go to the dead of where it happened
        ("Chile's president offered his condolences after floods in Valparaiso.", ("CHL", "CHL", "01")),
    ],
)  # fmt: skip
def test_events_force_on_unnamed_people_targets_their_country(
    nlp: Language, text: str, event: tuple[str, str, str]
) -> None:
    assert event in _asserted(nlp, text)


def test_events_unnamed_victims_are_named_by_their_phrase(nlp: Language) -> None:
    found = _events(nlp, "Kenyan police arrested the bus driver on Monday.")
    assert [e["target_name"] for e in found if e["cameo_root"] == "17"] == ["bus driver (KEN)"]


@pytest.mark.parametrize(
    "text",
    [
        # a named actor is not replaced by unnamed victims
        "Turkish jets struck Kurdish militants in Iraq on Sunday.",
        # a pronoun that cannot be resolved is left as it is, not turned into victims
        "They were arrested on Monday.",
    ],
)
def test_events_unnamed_victims_only_when_no_actor_is_named(nlp: Language, text: str) -> None:
    names = [e["target_name"] or "" for e in _events(nlp, text)]
    assert not any(name.endswith(")") and "(" in name for name in names), names


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # asked for: the release is the CIA's to make, not made
        ("The rapporteur urged the agency to release the files.", "release"),
        # aimed at: the trip was made to sign a deal, the signing is not told
        ("The minister flew to Accra on Monday to sign a trade agreement with Ghana.", "sign"),
        ("Senators pressed the president to concede the election.", "concede"),
        # what a law allows is no act of the day
        ("The cabinet passed a decree to allow the police to arrest protest leaders.", "arrest"),
    ],
)
def test_events_infinitive_acts_are_not_asserted(nlp: Language, text: str, trigger: str) -> None:
    modes = {e["mode"] for e in _at(nlp, text, trigger)}
    assert "asserted" not in modes


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Sudanese troops managed to free the hostages on Monday.", "free"),
        ("Rebels began to shell the city of Goma on Monday.", "shell"),
    ],
)
def test_events_infinitive_after_a_verb_of_doing_is_asserted(
    nlp: Language, text: str, trigger: str
) -> None:
    modes = {e["mode"] for e in _at(nlp, text, trigger)}
    assert modes == {"asserted"}


INCIDENT = (
    "On Tuesday a gunman opened fire on a bus in the Peruvian city of Cusco, killing three "
    "passengers. The attacker was later shot dead by police. Prosecutors said his brother "
    "was taken into custody. Peru's president praised the police officers."
)


def test_events_undated_force_takes_the_incident_day(nlp: Language) -> None:
    # published on a Friday: the incident's Tuesday is 2026-03-03
    dates = {e["trigger"]["text"]: e["date"] for e in _events(nlp, INCIDENT)}
    assert dates["shot"] == "2026-03-03"
    assert dates["taken"] == "2026-03-03"


def test_events_undated_reaction_takes_the_publication_day(nlp: Language) -> None:
    # praise is a reaction: with no tie to the incident's day it is dated by publication
    dates = {e["trigger"]["text"]: e["date"] for e in _events(nlp, INCIDENT)}
    assert dates["praised"] == "2026-03-06"


def test_events_thread_of_the_same_actor_keeps_its_day(nlp: Language) -> None:
    text = (
        "Brazil's foreign minister Ana Costa met her Argentine counterpart on Tuesday. "
        "Costa also thanked Chile for its help. Brazilian lawmakers criticised Argentina."
    )
    dates = {e["trigger"]["text"]: e["date"] for e in _events(nlp, text)}
    assert dates["thanked"] == "2026-03-03"  # Costa's thread
    assert dates["criticised"] == "2026-03-06"  # another Brazilian actor: not her thread


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Bahrain and Egypt recalled their ambassadors from Qatar in 2018.", "recalled"),
        ("In June, Peru expelled two Bolivian diplomats.", "expelled"),
    ],
)
def test_events_act_dated_to_a_month_or_year_is_background(
    nlp: Language, text: str, trigger: str
) -> None:
    found = _at(nlp, text, trigger)
    assert found and {e["mode"] for e in found} == {"background"}
    assert all(e["date"] is None for e in found)


def test_events_act_dated_to_a_day_stays_asserted(nlp: Language) -> None:
    found = _at(nlp, "On Monday, Peru expelled two Bolivian diplomats.", "expelled")
    assert {e["mode"] for e in found} == {"asserted"}


def test_events_date_of_the_verbs_own_clause_beats_a_nearer_one_in_a_noun_phrase(
    nlp: Language,
) -> None:
    text = (
        "On Tuesday, Chile expelled two diplomats linked to the riots in January and "
        "recalled its ambassador from Peru."
    )
    found = _at(nlp, text, "recalled")
    assert found and all(e["date"] == "2026-03-03" and e["mode"] == "asserted" for e in found)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a quoted label judges what it names, and whoever that belongs to
        ('Senator Ruiz of Chile called the Peruvian plan "reckless."', ("CHL", "PER", "111")),
        ('Chile\'s president called the talks with Peru "productive."', ("CHL", "PER", "051")),
    ],
)
def test_events_quoted_label_is_a_judgement_not_a_call(
    nlp: Language, text: str, event: tuple[str, str, str]
) -> None:
    found = {
        (e["source_country"], e["target_country"], e["cameo"]) for e in _at(nlp, text, "called")
    }
    assert found == {event}


def test_events_label_that_only_describes_is_no_event(nlp: Language) -> None:
    text = 'The Chilean president called the bill "a matter of public health."'
    assert not _at(nlp, text, "called")


def test_events_preposition_of_time_is_no_particle(nlp: Language) -> None:
    # "on Monday" does not make "called" the appeal "called on"
    text = "Argentina called Uruguay's foreign minister on Monday."
    assert "020" not in {e["cameo"] for e in _events(nlp, text)}


def test_events_day_said_with_an_attack_noun_is_the_incident_day(nlp: Language) -> None:
    # the lead names the attack and its day but codes no act of force of its own
    text = (
        "A bus came under attack on Tuesday near the Peruvian town of Juliaca. "
        "Two drivers were later detained by police."
    )
    dates = {e["trigger"]["text"]: e["date"] for e in _events(nlp, text)}
    assert dates["detained"] == "2026-03-03"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Chile's foreign minister discussed the new tariffs on Monday.", "discussed"),
        ("Peru's president said his government recognizes a difficult situation.", "recognizes"),
    ],
)
def test_events_consulting_or_recognising_a_thing_is_no_event(
    nlp: Language, text: str, trigger: str
) -> None:
    assert not _at(nlp, text, trigger)


def test_events_act_that_is_the_means_of_an_asked_act_is_not_asserted(nlp: Language) -> None:
    text = "Brazil urged Venezuela to reciprocate by releasing the detained sailors."
    modes = {e["mode"] for e in _at(nlp, text, "releasing")}
    assert modes and "asserted" not in modes


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the doer announces its own act: a pledge made on the day it is said
        ("Brazil said on Tuesday that it would resume cooperation with Paraguay.",
         ("BRA", "PRY", "031")),
        ('"We will retaliate against Chile," the Peruvian general said.', ("PER", "CHL", "130")),
    ],
)  # fmt: skip
def test_events_act_announced_by_its_doer_is_an_asserted_pledge_or_threat(
    nlp: Language, text: str, event: tuple[str, str, str]
) -> None:
    found = {
        (e["source_country"], e["target_country"], e["cameo"])
        for e in _events(nlp, text)
        if e["mode"] == "asserted"
    }
    assert event in found


def test_events_forecast_of_another_sides_act_is_no_asserted_threat(nlp: Language) -> None:
    text = "Brazil said on Tuesday that Paraguay would attack its border posts."
    assert not [
        e for e in _events(nlp, text) if e["cameo_root"] == "13" and e["mode"] == "asserted"
    ]


def test_events_told_only_by_a_witness_are_claimed(nlp: Language) -> None:
    text = (
        '"Then the gunmen stopped our bus and killed two policemen," a passenger told '
        "reporters in Quetta."
    )
    modes = {e["mode"] for e in _at(nlp, text, "killed")}
    assert modes == {"claimed"}


def test_events_told_by_a_political_actor_in_a_quote_stay_asserted(nlp: Language) -> None:
    text = '"We arrested two smugglers near Quetta on Monday," the Pakistani police chief said.'
    modes = {e["mode"] for e in _at(nlp, text, "arrested")}
    assert modes == {"asserted"}


def test_events_reaction_to_a_dated_act_takes_its_day(nlp: Language) -> None:
    text = "Peru's foreign minister welcomed Tuesday's announcement by Chile."
    dates = {e["trigger"]["text"]: e["date"] for e in _events(nlp, text)}
    assert dates["welcomed"] == "2026-03-03"


def test_events_refusal_targets_whom_the_refused_act_was_with(nlp: Language) -> None:
    text = "Kenya has refused to attend a hearing at the International Court of Justice."
    found = {
        (e["source_country"], e["target_country"], e["cameo_root"])
        for e in _at(nlp, text, "refused")
    }
    assert found == {("KEN", "IGO", "12")}


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters in Mogadishu, the Somali minister said the siege had ended.",
        "The Somali minister met Kenyan journalists on Monday.",
    ],
)
def test_events_the_press_is_an_audience_not_a_counterpart(nlp: Language, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e["cameo_root"] == "04"]


COUNCIL = (
    "Chile, along with Peru and Ecuador, called an emergency meeting of the Organization of "
    "American States on Wednesday. Bolivia supported the call."
)


def test_events_companions_along_with_the_subject_act_too(nlp: Language) -> None:
    sources = {e["source_country"] for e in _at(nlp, COUNCIL, "called")}
    assert {"CHL", "PER", "ECU"} <= sources


def test_events_reaction_to_an_act_told_earlier_takes_its_authors_and_day(nlp: Language) -> None:
    support = _at(nlp, COUNCIL, "supported")
    assert {e["target_country"] for e in support} == {"CHL", "PER", "ECU"}
    assert {e["date"] for e in support} == {"2026-03-04"}


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at an African Union summit on Sudan this week, Kenya's envoy said talks had stalled.",
        "Kenya's ambassador participated in the African Union meeting on Wednesday.",
    ],
)
def test_events_participant_meets_the_forums_organisation(nlp: Language, text: str) -> None:
    found = {(e["source_country"], e["target_country"]) for e in _events(nlp, text)
             if e["cameo_root"] == "04"}  # fmt: skip
    assert ("KEN", "IGO") in found


def test_events_companions_do_not_act_on_each_other(nlp: Language) -> None:
    pairs = {(e["source_country"], e["target_country"]) for e in _at(nlp, COUNCIL, "called")}
    assert not pairs & {("CHL", "PER"), ("PER", "CHL"), ("CHL", "ECU"), ("ECU", "PER")}


def test_events_participant_in_the_meeting_named_before_meets_its_organisation(
    nlp: Language,
) -> None:
    text = (
        "Chile called a meeting of the African Union on Monday. "
        "Kenya's ambassador participated in the meeting."
    )
    found = {(e["source_country"], e["target_country"]) for e in _at(nlp, text, "participated")}
    assert ("KEN", "IGO") in found


@pytest.mark.parametrize(
    "text",
    [
        "Peru's president vowed that the police fought corruption in Lima on Monday.",
        "Peru's government banned the sale of fireworks in Lima on Monday.",
        "Chile's senators attacked the impeachment inquiry on Monday.",
    ],
)
def test_events_things_force_is_said_of_are_no_victims(nlp: Language, text: str) -> None:
    names = [e["target_name"] or "" for e in _events(nlp, text)]
    assert not any(name.endswith("(PER)") or name.endswith("(CHL)") for name in names), names


def test_events_coercion_with_no_place_falls_on_the_doers_country(nlp: Language) -> None:
    text = "Brazil's army said on Monday that Argentina's navy had seized two fishing boats."
    found = {(e["source_country"], e["target_country"]) for e in _at(nlp, text, "seized")}
    assert ("ARG", "ARG") in found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Peru's president is to step down on Friday.", "step"),
        ("Crowds were to storm the Chilean embassy on Friday.", "storm"),
    ],
)
def test_events_be_to_is_a_plan_not_an_act(nlp: Language, text: str, trigger: str) -> None:
    modes = {e["mode"] for e in _at(nlp, text, trigger)}
    assert modes == {"future"}


def test_events_implied_victims_are_no_antecedent(nlp: Language) -> None:
    text = (
        "Peru's police arrested a man in Lima on Monday. "
        "They detained two more suspects on Tuesday."
    )
    sources = {e["source_name"] for e in _at(nlp, text, "detained")}
    assert sources and not any(name.endswith(")") for name in sources), sources


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Hundreds of demonstrators marched in Khartoum on Thursday.", "SDN"),
        ("Hundreds of students protested outside Kenya's parliament on Monday.", "KEN"),
    ],
)
def test_events_protest_is_aimed_at_where_it_gathers(nlp: Language, text: str, target: str) -> None:
    assert target in {e["target_country"] for e in _events(nlp, text) if e["cameo_root"] == "14"}


def test_events_infinitive_complement_shares_its_verbs_time(nlp: Language) -> None:
    text = "Peru's government forced the newspaper to close in 2023."
    found = _at(nlp, text, "forced")
    assert found and {e["mode"] for e in found} == {"background"}


def test_events_owner_of_a_described_official_gives_the_country(nlp: Language) -> None:
    # the whole name of the owner, not its last word ("Korea" alone is the South); a capital
    # standing for its government; the second envoy is not the first
    text = (
        "North Korea's envoy defended the treaty on Friday. "
        "Washington's envoy urged Beijing to use its influence."
    )
    sources = {e["trigger"]["text"]: e["source_country"] for e in _events(nlp, text)}
    assert (sources["defended"], sources["urged"]) == ("PRK", "USA")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a resolution is whoever voted it
        ("The U.S. Congress voted on Tuesday for a resolution urging Peru to hold new "
         "elections. Peru's government rejected the resolution on Wednesday.", "USA"),
        # an allegation is its accuser's, not the accused's of its that-clause
        ("Chile accused Bolivia of spying on Monday. Bolivia's foreign minister rejected the "
         "allegation that Bolivian agents had spied in Chile.", "CHL"),
    ],
)  # fmt: skip
def test_events_rejecting_an_act_aims_at_its_author(nlp: Language, text: str, target: str) -> None:
    found = {e["target_country"] for e in _at(nlp, text, "rejected")}
    assert found == {target}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Peru's president attacked the impeachment inquiry as a witch hunt.", "11"),
        ("Chile's senators attacked the new pension law on Monday.", "11"),
        # force on a place stays force
        ("Peruvian rebels attacked a police station near Cusco on Monday.", "19"),
    ],
)
def test_events_attack_on_what_force_cannot_hit_is_criticism(
    nlp: Language, text: str, root: str
) -> None:
    assert {e["cameo_root"] for e in _at(nlp, text, "attacked")} == {root}


def test_events_past_perfect_with_no_date_after_the_lead_is_background(nlp: Language) -> None:
    text = (
        "Peru's congress voted on Monday to remove the president. "
        "Chile had previously criticised the vote."
    )
    modes = {e["mode"] for e in _at(nlp, text, "criticised")}
    assert modes == {"background"}


@pytest.mark.parametrize(
    ("text", "demanded"),
    [
        ("Chile's president said that Peru's president should be immune from the inquiry.", False),
        ("Chile said that Peru must be ready to negotiate.", True),
    ],
)
def test_events_a_state_said_with_should_is_no_demand(
    nlp: Language, text: str, demanded: bool
) -> None:
    roots = {e["cameo_root"] for e in _events(nlp, text)}
    assert bool(roots & {"02", "10"}) == demanded


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian prosecutors charged the former minister with murder on Monday.",
        "A Chilean grand jury indicted the former senator on Monday.",
    ],
)
def test_events_charges_brought_are_an_accusation(nlp: Language, text: str) -> None:
    # the guidelines and the issue code charges and lawsuits 11, not the arrest's 17
    assert "11" in {e["cameo_root"] for e in _events(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "A Peruvian judge ordered the editor back to prison on Monday.",
        "A Peruvian judge ordered the former minister Luis Rojas back to prison on Monday.",
    ],
)
def test_events_ordered_back_to_prison_is_detention(nlp: Language, text: str) -> None:
    assert {e["cameo"] for e in _at(nlp, text, "ordered")} == {"173"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Brazil's foreign minister phoned her Venezuelan counterpart on Monday.", ("BRA", "VEN")),
        ("The Kenyan president met his counterpart from Uganda in Kampala.", ("KEN", "UGA")),
    ],
)
def test_events_counterpart_is_the_other_countrys_official(
    nlp: Language, text: str, pair: tuple[str, str]
) -> None:
    found = {(e["source_country"], e["target_country"]) for e in _events(nlp, text)
             if e["cameo_root"] == "04"}  # fmt: skip
    assert pair in found


def test_events_counterpart_of_no_other_country_is_no_target(nlp: Language) -> None:
    found = [e for e in _events(nlp, "Kenya's president met his counterpart on Monday.")
             if e["cameo_root"] == "04"]  # fmt: skip
    assert all(e["target_country"] not in {"KEN"} for e in found)


def test_events_both_sides_are_the_two_countries_named_before(nlp: Language) -> None:
    text = "Ethiopia and Eritrea clashed on Monday. The United Nations urged both sides to show restraint."
    targets = {e["target_country"] for e in _at(nlp, text, "urged")}
    assert targets == {"ETH", "ERI"}


def test_events_one_of_the_two_sides_is_not_its_own_target(nlp: Language) -> None:
    text = (
        "Ethiopia and Eritrea clashed on Monday. Ethiopia's prime minister later called for "
        "talks between the two sides."
    )
    assert ("ETH", "ETH") not in {
        (e["source_country"], e["target_country"]) for e in _events(nlp, text)
    }
