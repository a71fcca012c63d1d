"""Organisations named again by a word of their name, comments that are no events, envoys
posted to a body, people who give themselves up, and what a warning does. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_at, events_of, result_of

COURT = "Kenya and Somalia took their sea border dispute to the International Court of Justice. "
COUNCIL = "The UN Security Council met on Tuesday to discuss Somalia. "


@pytest.mark.parametrize(
    ("text", "trigger", "ends"),
    [
        # "the court" is the court the article named, not a court of its main country
        (COURT + "On Monday the court rejected Kenya's request for a delay.", "rejected",
         ("IGO", "KEN")),
        # and the court's president acts for it
        (COURT + "On Monday the court's president rejected Kenya's request for a delay.",
         "rejected", ("IGO", "KEN")),
        # a capitalised "the Council" is the council named before
        (COUNCIL + "The Council condemned Kenya's decision on Wednesday.", "condemned",
         ("IGO", "KEN")),
        # a court with a country of its own stays that country's
        (COURT + "On Monday the Kenyan court rejected a request by Somalia.", "rejected",
         ("KEN", "SOM")),
    ],
)  # fmt: skip
def test_events_definite_noun_is_the_organisation_named_with_it(
    nlp: Language, text: str, trigger: str, ends: tuple[str, str]
) -> None:
    found = {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, trigger)}
    assert ends in found


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Ministry of Ghana issued a statement on Monday.",
        "Japan voiced concern about the missile programme of North Korea on Friday.",
        "Both leaders expressed optimism about the talks between Chile and Peru.",
        "The cabinet of Peru is considering sanctions against Chile.",
        # a plea in court and a reporter's request for comment are no political acts
        "Two suspects from Azerbaijan have pleaded not guilty.",
        "The ministry of Iran did not reply to an email requesting comment.",
    ],
)
def test_events_plain_comment_is_no_event(nlp: Language, text: str) -> None:
    assert [e["cameo"] for e in events_of(nlp, text)] == []


def test_envoy_to_a_body_is_of_their_own_country(nlp: Language) -> None:
    # the parser hangs the name on "the United Nations", not on the envoy
    text = (
        "Speaking at a Security Council meeting this week, Pakistan's permanent "
        "representative to the United Nations, Omar Farouk, said Kabul had failed to act."
    )
    result = result_of(nlp, text)
    envoy = next(a for a in result["actors"] if a["name"] == "Omar Farouk")
    assert envoy["country"] == "PAK"


def test_events_clause_subject_misread_as_object_borrows_no_doer(nlp: Language) -> None:
    text = (
        "Senator Jane Holt of Kenya said a law allowing the sale of public land marked a sad day."
    )
    assert events_at(nlp, text, "allowing") == []


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # giving oneself up to police is being taken into custody by them
        ("The suspected gunman surrendered himself to police in Nairobi on Friday.",
         ("173", "Kenyan police", "Kenyan suspected gunman")),
        # surrendering to an armed force is yielding to it
        ("Somali rebels surrendered to Kenyan troops on Monday.",
         ("0874", "Somalia Rebels", "Kenya Armed Forces")),
    ],
)  # fmt: skip
def test_events_surrender_to_custodian_is_custody(
    nlp: Language, text: str, event: tuple[str, str, str]
) -> None:
    found = [
        (e["cameo"], e["source_name"], e["target_name"])
        for e in events_at(nlp, text, "surrendered")
    ]
    assert found == [event]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a warning of what another actor's doing will bring is criticism of it
        ("The European Union warned that the Kenyan government's actions would divide the "
         "country.", ("IGO", "KEN", "111")),
        # a warning of what the speaker's side will do threatens the one it will be done to
        ("The United States warned on Wednesday that it will continue to exert pressure on "
         "Iran.", ("USA", "IRN", "130")),
        ("Kenya warned that it would retaliate against Somalia.", ("KEN", "SOM", "130")),
        # so does a warning of what the other will suffer, and one addressed to them
        ("The United States warned that Iran would face consequences.", ("USA", "IRN", "130")),
        ("Kenya warned Somalia that its troops would respond.", ("KEN", "SOM", "130")),
    ],
)  # fmt: skip
def test_events_warning_threatens_or_criticises(
    nlp: Language, text: str, event: tuple[str, str, str]
) -> None:
    found = {
        (e["source_country"], e["target_country"], e["cameo"])
        for e in events_at(nlp, text, "warned")
    }
    assert found == {event}


@pytest.mark.parametrize(
    ("text", "trigger", "event"),
    [
        # a participle clause with no subject of its own is passive: its "by" phrase acts
        # on the main clause's subject
        ("Arrested by Kenyan police in Nairobi on Monday, the activist was freed on Tuesday.",
         "Arrested", ("173", "Kenya Police", "Kenyan activist")),
        # and with no "by" phrase no one named acts: not the spokesperson who was asked
        ("Council spokesperson Anna Berg of Sweden, when asked whether an inquiry was held, "
         "told reporters nothing.", "asked", None),
    ],
)  # fmt: skip
def test_events_participle_clause_happens_to_the_main_subject(
    nlp: Language, text: str, trigger: str, event: tuple[str, str, str] | None
) -> None:
    found = [
        (e["cameo"], e["source_name"], e["target_name"]) for e in events_at(nlp, text, trigger)
    ]
    assert found == ([event] if event else [])


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # people the article gives neither a country nor a role are no political actors
        ("Lena Voss met Mark Hollis in Palo Alto on Monday.", []),
        # but what a political actor does to such a person is still an event
        ("Kenyan police arrested Mark Hollis on Monday.", ["arrested"]),
    ],
)
def test_events_person_with_no_country_or_role_acts_in_no_event(
    nlp: Language, text: str, triggers: list[str]
) -> None:
    assert [e["trigger"]["text"] for e in events_of(nlp, text)] == triggers


def test_place_named_after_a_country_is_not_that_country(nlp: Language) -> None:
    text = "Former New Jersey governor Chris Dale denounced the White House on Monday."
    countries = {a["name"]: a["country"] for a in result_of(nlp, text)["actors"]}
    assert countries["Chris Dale"] == "USA"
    text = "The senator flew to New Mexico on Monday."
    assert "MEX" not in {a["country"] for a in result_of(nlp, text)["actors"]}


def test_events_subject_hung_on_the_auxiliary_is_the_doer(nlp: Language) -> None:
    # the parser hangs "Somalia" on "is", not on "defying"
    text = "Kenya said Somalia is “flagrantly” defying the African Union and ignoring its rulings."
    defying = [e for e in events_at(nlp, text, "defying") if e["cameo"] != "111"]
    assert {e["source_country"] for e in defying} == {"SOM"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # misconduct a speaker says another actor is guilty of is a charge against them,
        # and the misconduct is their claim, not the narrator's
        ("Kenya said Somalia is “flagrantly” defying the African Union.", "defying"),
        ("The Kenyan foreign minister said on Monday that Somalia was violating the ceasefire.",
         "violating"),
        ("“Somalia is flouting the ceasefire,” the Kenyan foreign minister said.", "flouting"),
    ],
)  # fmt: skip
def test_events_misconduct_said_of_another_is_a_charge(
    nlp: Language, text: str, trigger: str
) -> None:
    found = {
        (e["source_country"], e["target_country"], e["cameo"], e["mode"])
        for e in events_at(nlp, text, trigger)
    }
    assert ("KEN", "SOM", "111", "asserted") in found
    assert all(mode != "asserted" for source, _, _, mode in found if source == "SOM")


def test_speaker_named_by_office_is_an_actor_of_the_output(nlp: Language) -> None:
    # the speaker is the office's holder, found from "the foreign minister": the quote and
    # its speech act point to an actor the output lists
    result = result_of(nlp, "“Somalia is the aggressor,” the Kenyan foreign minister said.")
    ids = {a["id"] for a in result["actors"]}
    assert result["quotes"][0]["speaker"] in ids
    assert result["events"] and all(e["source"] in ids for e in result["events"])


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        # an accusation is someone's: with no accuser named there is no event to code
        ("The former Kenyan minister was accused of corruption on Monday.", []),
        ("Kenyan prosecutors accused the former minister of corruption on Monday.", ["11"]),
        # force with no doer named still happened to its victims
        ("Three Kenyan officers were stabbed in Nairobi on Monday.", ["18"]),
    ],
)
def test_events_unattributed_accusation_is_no_event(
    nlp: Language, text: str, roots: list[str]
) -> None:
    assert [e["cameo_root"] for e in events_of(nlp, text)] == roots


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # "A met B", "A held talks with B": A -> B, as the guidelines code it
        ("The Saudi foreign minister held talks with Kenyan officials in Riyadh on Monday.",
         {("SAU", "KEN")}),
        ("The Saudi foreign minister met the Kenyan president in Riyadh on Monday.",
         {("SAU", "KEN")}),
        # a joint act of a compound subject goes both ways
        ("Kenya and Somalia held talks in Nairobi on Monday.", {("KEN", "SOM"), ("SOM", "KEN")}),
    ],
)  # fmt: skip
def test_events_meeting_goes_from_the_subject(
    nlp: Language, text: str, dyads: set[tuple[str, str]]
) -> None:
    found = {(e["source_country"], e["target_country"]) for e in events_of(nlp, text)}
    assert found == dyads


def test_delegation_to_a_body_is_of_the_sending_country(nlp: Language) -> None:
    # "his U.N. mission": Iran's mission, posted to the United Nations, not the UN itself
    text = "Iran's U.N. ambassador attended the meeting, but his U.N. mission criticized it."
    (event,) = events_at(nlp, text, "criticized")
    assert (event["source_country"], event["source_name"]) == ("IRN", "Iranian U.N. mission")


def test_events_refusal_targets_whom_the_refused_act_was_for(nlp: Language) -> None:
    text = "The Kenyan commission refused to grant the Somali network a licence on Monday."
    found = {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, "refused")}
    assert found == {("KEN", "SOM")}


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # what was discussed is a topic, not whom the talks were with
        ("G7 foreign ministers also discussed China's role in global security on Friday.",
         set()),
        ("The Kenyan president discussed the crisis with the Somali leader on Monday.",
         {("KEN", "SOM")}),
        # a question from the press is no appeal
        ("The American press asked Trump about it that same day.", set()),
    ],
)  # fmt: skip
def test_events_topic_and_question_name_no_counterpart(
    nlp: Language, text: str, dyads: set[tuple[str, str]]
) -> None:
    assert {(e["source_country"], e["target_country"]) for e in events_of(nlp, text)} == dyads


def test_police_and_prosecutors_take_the_country_the_story_happens_in(nlp: Language) -> None:
    # the story is about Iran, but it happens in New York: its prosecutors and police are
    # American, not the article's main country's
    text = (
        "Iran's foreign ministry denied any plot on Monday. Iranian officials called the "
        "accusations baseless and said Iran respects the law. At a trial in New York, federal "
        "prosecutor Dana Reyes said Tehran had paid two men from Brooklyn. Police in New York "
        "arrested a third man on Tuesday."
    )
    countries = {a["name"]: a["country"] for a in result_of(nlp, text)["actors"]}
    assert countries["Dana Reyes"] == "USA"
    assert [e["source_country"] for e in events_at(nlp, text, "arrested")] == ["USA"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the country and role of the person her apposition names are not hers
        ("Lena Arslan, fiancée of Saudi journalist Omar Farouk, addressed reporters.", None),
        # a predicate nominal says whose she is
        ("Lena Arslan is a Turkish researcher. Arslan criticized Saudi Arabia on Monday.", "TUR"),
    ],
)
def test_person_country_from_her_own_words(nlp: Language, text: str, country: str | None) -> None:
    people = {a["name"]: a for a in result_of(nlp, text)["actors"] if a["kind"] == "person"}
    assert people["Lena Arslan"]["country"] == country


def test_first_name_alone_is_the_person_named_in_full(nlp: Language) -> None:
    text = (
        "Saudi Crown Prince Khalid bin Fahd said the killing happened under his watch. Lena "
        "Arslan is a Turkish activist. Arslan called Khalid's admission a “political maneuver.”"
    )
    found = {(e["source_country"], e["target_country"]) for e in events_at(nlp, text, "called")}
    assert found == {("TUR", "SAU")}


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # who acts "along with" the subject acts beside it, not on it
        ("Britain, along with France, signed the agreement on Monday.",
         {("GBR", None), ("FRA", None)}),
        # a compound subject's joint act goes both ways
        ("Kenya and Uganda signed the agreement on Monday.", {("KEN", "UGA"), ("UGA", "KEN")}),
    ],
)  # fmt: skip
def test_events_companion_acts_beside_the_subject(
    nlp: Language, text: str, dyads: set[tuple[str, str | None]]
) -> None:
    assert {(e["source_country"], e["target_country"]) for e in events_of(nlp, text)} == dyads
