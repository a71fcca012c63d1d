"""The day of an act told with the occasion it belongs to: the incident a day is said of,
the hearing it happened during, the attack a claim of responsibility is for. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import result_of


@pytest.mark.parametrize(
    ("text", "published", "trigger", "day"),
    [
        # the day said of the hijacking itself, not the day the officials spoke
        ("Kenyan officials confirmed on Friday that 12 people died in Tuesday's hijacking of "
         "a bus near Garissa. Five police officers were also killed in the attack.",
         "2026-03-06", "killed", "2026-03-03"),
        # an act during the hearing is of the hearing's day, not the actor's latest date
        ("The Kenyan senate held a hearing on the media ban on February 24. Kenya's interior "
         "minister imposed the ban on March 2. The minister criticised the opposition during "
         "the hearing.", "2026-03-06", "criticised", "2026-02-24"),
        # a claim of responsibility is of the day of the attack it claims, not of the rescue
        ("Somali forces ended a siege of a hotel in Mogadishu on Wednesday after killing 20 "
         "militants. The hotel had come under attack on Tuesday. Al-Shabab claimed "
         "responsibility for the attack.", "2026-03-05", "claimed", "2026-03-03"),
        # the present perfect tells the news as it stands on publication, not the day of
        # the act it reacts to
        ("Kenya's parliament voted on Monday to extend the president's term by two years. "
         "Opposition lawmakers in Kenya have denounced the extension.", "2026-03-04",
         "denounced", "2026-03-04"),
    ],
)  # fmt: skip
def test_events_occasion_gives_the_day(
    nlp: Language, text: str, published: str, trigger: str, day: str
) -> None:
    events = result_of(nlp, text, published)["events"]
    assert {e["date"] for e in events if e["trigger"]["text"] == trigger} == {day}


def test_events_decade_backgrounds_the_act(nlp: Language) -> None:
    text = "The Kenyan army occupied the border town of Mandera in the 1990s."
    (event,) = result_of(nlp, text, "2025-03-01")["events"]
    assert (event["mode"], event["date"], event["date_precision"], event["period"]) == (
        "background",
        None,
        "decade",
        "1990s",
    )


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "date"),
    [
        # the killing belongs to the 2004 bombing, not to the day the trial opened
        ("A trial opened in Lyon on Monday over the 2004 bombing of a Peruvian embassy in "
         "Ecuador that killed two Peruvian guards.", "killed", "background", None),
        # a clause that says its own day keeps it
        ("Chile and Peru signed a 2009 accord that was rejected by Chile's senate on Monday.",
         "rejected", "asserted", "2026-03-02"),
        # a noun's clause with a day of its own: "Tuesday's news that X agreed"
        ("Chilean senators welcomed on Thursday Tuesday's announcement that Peru had agreed "
         "to a ceasefire.", "agreed", "asserted", "2026-03-03"),
    ],
)  # fmt: skip
def test_events_in_a_clause_of_a_dated_noun_take_the_nouns_time(
    nlp: Language, text: str, trigger: str, mode: str, date: str | None
) -> None:
    events = [e for e in result_of(nlp, text, "2026-03-06")["events"]
              if e["trigger"]["text"] == trigger]  # fmt: skip
    assert events
    assert {(e["mode"], e["date"]) for e in events} == {(mode, date)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the one day of that week the article gives the act's target
        ("A Peruvian judge ordered the journalist Carlos Vega back to prison this week. "
         "Vega on Tuesday returned to the prison in Lima.", "2026-03-03"),
        # two days of that week for its actors: the week stays a week
        ("A Peruvian judge ordered the journalist Carlos Vega back to prison this week. "
         "Vega on Tuesday returned to the prison in Lima. Vega met lawyers on Wednesday.",
         None),
    ],
)  # fmt: skip
def test_events_act_of_a_week_takes_the_one_day_given_its_actors(
    nlp: Language, text: str, day: str | None
) -> None:
    events = [e for e in result_of(nlp, text, "2026-03-06")["events"]
              if e["trigger"]["text"] == "ordered"]  # fmt: skip
    assert events
    assert {e["date"] for e in events} == {day}


def test_events_an_act_of_last_week_is_background(nlp: Language) -> None:
    # the guidelines code no act whose day cannot be told ("last week")
    text = "Last week, Chilean and Peruvian officials met in Lima and signed a border accord."
    events = result_of(nlp, text, "2026-03-06")["events"]
    assert events and {e["mode"] for e in events} == {"background"}


def test_events_week_of_a_speech_takes_the_day_its_speaker_is_said_to_speak(
    nlp: Language,
) -> None:
    text = (
        "Speaking at a UN Security Council meeting on Bolivia this week, Peru's permanent "
        'representative to the United Nations, Ana Ruiz, said Lima was worried. "Bolivia has '
        'failed to stop the smugglers," the Peruvian envoy said Monday.'
    )
    events = [e for e in result_of(nlp, text, "2026-03-06")["events"]
              if e["trigger"]["text"] == "Speaking"]  # fmt: skip
    assert events and {(e["mode"], e["date"]) for e in events} == {("asserted", "2026-03-02")}
