"""Events on whole news stories: what a quote does when its cue only says that someone
spoke, dates at their own precision, credits and talk that are no events, force by state
forces, and people named by their part in a story. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of


def _tuples(nlp: Language, text: str, published: str = "2026-03-04") -> set[tuple]:
    result = result_of(nlp, text, published)
    country = {a["id"]: a["country"] for a in result["actors"]}
    return {
        (country[e["source"]], country.get(e["target"]), e["cameo"])
        for e in result["events"]
        if e["mode"] == "asserted" and not e["negated"]
    }


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            '"The regime in Venezuela is the aggressor here," Colombian Foreign Minister Ana '
            "Ruiz said on Monday.",
            ("COL", "VEN", "111"),
        ),
        (
            '"We are grateful to Brazil for its help," Colombian Foreign Minister Ana Ruiz said.',
            ("COL", "BRA", "051"),
        ),
        ('"Ecuador will pay for this," the Colombian army chief said.', ("COL", "ECU", "130")),
        (
            '"These claims by Ecuador are baseless," the Colombian foreign ministry said.',
            ("COL", "ECU", "120"),
        ),
        (
            'Kenyan President Omar Abdi said, "Our condolences go to the government of Peru."',
            ("KEN", "PER", "018"),
        ),
    ],
)
def test_events_a_quote_with_a_neutral_cue_is_the_act_its_words_do(
    nlp: Language, text: str, event: tuple
) -> None:
    assert event in _tuples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # an interviewee's words are a quote, not a political act
            'Local resident Maria Gomez said, "The government of Venezuela is shameful."',
            id="civilian-speaker",
        ),
        pytest.param(
            '"Venezuela is not the aggressor here," Colombian Foreign Minister Ana Ruiz said.',
            id="negated",
        ),
        pytest.param(  # Ecuador's rejection, reported: not the minister's own
            '"Ecuador rejected our offer on Monday," Colombian Foreign Minister Ana Ruiz said.',
            id="another-actors-act",
        ),
    ],
)
def test_events_quote_words_that_are_no_act_of_the_speaker(nlp: Language, text: str) -> None:
    assert not {t for t in _tuples(nlp, text) if t[2] in {"111", "120"} and t[0] == "COL"}


def test_events_an_accusing_cue_is_coded_once(nlp: Language) -> None:
    text = (
        'Colombian Foreign Minister Ana Ruiz accused Venezuela of lying, calling it "a disgrace".'
    )
    roots = [e["cameo_root"] for e in result_of(nlp, text, "2026-03-04")["events"]]
    assert roots.count("11") == 1


@pytest.mark.parametrize(
    ("text", "precision", "period"),
    [
        ("Kenya closed the border crossing in 1998.", "year", "1998"),
        ("Kenya closed the border crossing in June.", "month", "2025-06"),
        ("Kenya closed the border crossing last week.", "week", "2026-W09"),
        ("Kenya closed the border crossing on Monday.", "day", "2026-03-02"),
    ],
)
def test_events_dates_keep_their_precision_and_never_invent_a_day(
    nlp: Language, text: str, precision: str, period: str
) -> None:
    events = [
        e for e in result_of(nlp, text, "2026-03-04")["events"] if e["trigger"]["text"] == "closed"
    ]
    assert events
    for event in events:
        assert (event["date_precision"], event["period"]) == (precision, period)
        assert event["date"] == (period if precision == "day" else None)


def test_events_an_asserted_act_is_never_dated_after_publication(nlp: Language) -> None:
    text = (
        "Senator Ann Lee of Ohio launched her campaign in August. A month later, during the "
        "third debate, Lee criticised Governor Paul Berg of Texas."
    )
    result = result_of(nlp, text, "2019-09-10")
    periods = [e["period"] for e in result["events"] if e["mode"] == "asserted"]
    # "a month later", counted from publication, would be October: the thread's August holds
    assert periods and all(p and p[:7] <= "2019-09" for p in periods)


def test_events_a_speech_act_is_dated_by_its_telling_not_by_dates_it_quotes(nlp: Language) -> None:
    text = (
        "Indian Prime Minister Narendra Modi wrote on Monday, “Our condolences go to the "
        "government of Nepal on the death of its leader, born on May 3, 1931.”"
    )
    events = [e for e in result_of(nlp, text, "2020-06-03")["events"] if e["cameo"] == "018"]
    assert [e["date"] for e in events] == ["2020-06-01"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ana Ruiz and Omar Abdi contributed to this report.", id="byline-credit"),
        pytest.param(
            "Speaking to a private news channel, Kenyan army chief Omar Abdi said the raid was over.",
            id="speaking-to-the-press",
        ),
        pytest.param('"We came outside and sat down," said the Kenyan minister.', id="sat-down"),
    ],
)
def test_events_credits_and_talk_with_no_one_are_no_events(nlp: Language, text: str) -> None:
    roots = {e["cameo_root"] for e in result_of(nlp, text, "2026-03-04")["events"]}
    assert not roots & {"04", "07"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The attacker was shot dead by French police on Monday.", "190"),
        ("Kenyan troops killed 33 militants near the border on Tuesday.", "190"),
        ("Gunmen killed five villagers in Kenya on Tuesday.", "1823"),
    ],
)
def test_events_state_forces_use_conventional_force_gunmen_assault(
    nlp: Language, text: str, code: str
) -> None:
    codes = {e["cameo"] for e in result_of(nlp, text, "2026-03-04")["events"]}
    assert code in codes


def test_events_people_an_act_is_done_to_are_of_where_it_happens(nlp: Language) -> None:
    text = "France sent aid to the region on Monday. Gunmen killed five villagers in Kenya."
    result = result_of(nlp, text, "2026-03-04")
    countries = {a["name"]: a["country"] for a in result["actors"]}
    assert [c for n, c in countries.items() if "villagers" in n] == ["KEN"]


@pytest.mark.parametrize(
    ("text", "source", "target", "root"),
    [
        (  # a passive's subject is the target, here a criminal of the story's country
            "The attacker was shot dead by French police on Monday.",
            "FRACOP",
            "FRACRM",
            "19",
        ),
        (
            "Gunmen kidnapped more than 270 schoolgirls in Nigeria last week. The schoolgirls "
            "were freed by their captors on Tuesday.",
            "NGACRM",
            "NGACVL",
            "08",
        ),
    ],
)
def test_events_people_named_by_their_part_are_actors(
    nlp: Language, text: str, source: str, target: str, root: str
) -> None:
    result = result_of(nlp, text, "2026-03-04")
    codes = {a["id"]: a["code"] for a in result["actors"]}
    found = {
        (codes[e["source"]], codes.get(e["target"]), e["cameo_root"]) for e in result["events"]
    }
    assert (source, target, root) in found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The United States called a private meeting of the council on Wednesday. Greece "
            "also supported the call.",
            ("GRC", "USA", "05"),
        ),
        (
            "Kenya asked the court in The Hague to delay the hearing. The court rejected the "
            "request on Monday.",
            (None, "KEN", "12"),
        ),
    ],
)
def test_events_a_reaction_acts_on_the_author_of_what_it_reacts_to(
    nlp: Language, text: str, event: tuple
) -> None:
    found = {(s, t, c[:2]) for s, t, c in _tuples(nlp, text)}
    if event[0] is None:
        assert any(t == event[1] and r == event[2] for _, t, r in found), found
    else:
        assert event in found


def test_events_a_date_in_a_clause_under_the_act_dates_that_clause(nlp: Language) -> None:
    text = (
        "Li Wen of China blamed the American administration for disrupting the deal in the "
        "first place by withdrawing from it in 2017."
    )
    events = result_of(nlp, text, "2025-03-13")["events"]
    blamed = [e for e in events if e["trigger"]["text"] == "blamed"]
    assert [(e["date"], e["date_text"]) for e in blamed] == [("2025-03-13", None)]


def test_events_a_year_of_background_is_no_day_of_a_later_act(nlp: Language) -> None:
    text = (
        "Ruth Park, an American politician, became governor of Ohio in 1990. She supported "
        "farmers and schools. Park died on Friday."
    )
    events = result_of(nlp, text, "2019-09-10")["events"]
    supported = [e for e in events if e["trigger"]["text"] == "supported"]
    # not "1990-01-01": a year names no day, and background is no thread of days
    assert supported and all(e["date"] != "1990-01-01" for e in supported)
    assert all(e["date_text"] != "in 1990" for e in supported)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Pakistani officials blamed India on Tuesday, accusing it of providing support to "
            "militants in Afghanistan.",
            "providing",
        ),
        ("Kenya denied that its troops had fired on the village.", "fired"),
    ],
)
def test_events_an_act_inside_an_accusation_or_denial_is_alleged(
    nlp: Language, text: str, trigger: str
) -> None:
    events = [e for e in result_of(nlp, text, "2026-03-04")["events"]]
    modes = {e["mode"] for e in events if e["trigger"]["text"] == trigger}
    assert modes == {"alleged"}  # "claimed" until contract 1.6
    assert any(e["mode"] == "asserted" for e in events if e["trigger"]["text"] != trigger) or (
        trigger == "fired"
    )


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        (  # background after the lead, in the simple present, with no date
            "Pakistan accused the separatists of attacking a train on Tuesday. The separatist "
            "group accuses Pakistan of exploiting the province.",
            "accuses",
            "habitual",
        ),
        (  # the lead may tell the news in the present
            "Kenya accuses Uganda of shelling its border posts.",
            "accuses",
            "asserted",
        ),
        (  # a speaker's own present is said now
            "Kenya closed its border on Monday. Foreign Minister Ana Wanjiru said: “We condemn "
            "Uganda for the shelling of our border posts.”",
            "condemn",
            "asserted",
        ),
        (  # and so is a stance reported in the present
            "Kenya closed its border on Monday. Kenyan Foreign Minister Ana Wanjiru said that "
            "Kenya condemns the shelling by Uganda.",
            "condemns",
            "asserted",
        ),
    ],
)
def test_events_simple_present_after_the_lead_is_habitual(
    nlp: Language, text: str, trigger: str, mode: str
) -> None:
    events = result_of(nlp, text, "2026-03-04")["events"]
    assert {e["mode"] for e in events if e["trigger"]["text"] == trigger} == {mode}


@pytest.mark.parametrize(
    ("text", "root"),
    [  # rejecting an accusation is a rejection (12); denying one's own part is a denial (01)
        ("Kenya rejected Uganda's accusations on Monday.", "12"),
        ("Kenya dismissed the allegations by Uganda as propaganda on Monday.", "12"),
        ("Kenya denied involvement in the attack on Monday.", "01"),
    ],
)
def test_events_rejecting_an_accusation_and_denying_a_part(
    nlp: Language, text: str, root: str
) -> None:
    roots = {e["cameo_root"] for e in result_of(nlp, text, "2026-03-04")["events"]}
    assert root in roots


def test_events_a_claim_of_responsibility_is_aimed_at_whom_the_attack_hit(
    nlp: Language,
) -> None:
    text = (
        "Gunmen attacked Kenyan soldiers near the border on Tuesday. The militant group "
        "al-Shabab claimed responsibility for the attack."
    )
    found = _tuples(nlp, text)
    assert any(code.startswith("015") and target == "KEN" for _, target, code in found), found


def test_events_welcoming_news_that_an_actor_acted_is_aimed_at_that_actor(
    nlp: Language,
) -> None:
    text = (
        "U.S. lawmakers welcomed Tuesday’s announcement that Ukraine had agreed to a 30-day "
        "ceasefire."
    )
    result = result_of(nlp, text, "2026-03-04")
    assert "Tuesday" not in {a["name"] for a in result["actors"]}  # a day is no actor
    assert ("USA", "UKR", "051") in _tuples(nlp, text)
