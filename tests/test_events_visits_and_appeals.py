"""Visits told by a noun, acts required with "needs to" / "has to", reactions aimed by
their own words, and acts that go on telling the past of the sentence before. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.event_helpers import events_of, result_of


def _tuples(nlp: Language, text: str, published: str = "2026-03-06") -> set[tuple[str, ...]]:
    return {
        (e["cameo"][:2], e["source_country"], e["target_country"], e["mode"])
        for e in events_of(nlp, text, published)
        if not e["negated"]
    }


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("During his visit to Kenya on Monday, the French president Emmanuel Macron praised "
         "the reforms.", ("FRA", "KEN")),
        ("This marks Chilean Foreign Minister Alberto van Klaveren's second trip to Peru.",
         ("CHL", "PER")),
        ("On a visit to Arequipa on Tuesday, Bolivia's foreign minister told reporters the "
         "talks had gone well.", ("BOL", "PER")),
    ],
)  # fmt: skip
def test_events_visit_noun_is_a_visit_by_its_owner(
    nlp: Language, text: str, ends: tuple[str, str]
) -> None:
    assert ("04", *ends, "asserted") in _tuples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ahead of his visit to Kenya, the French president Emmanuel Macron praised the reforms.",
        "Macron's planned visit to Kenya was announced on Monday.",
    ],
)
def test_events_visit_not_yet_made_is_no_visit(nlp: Language, text: str) -> None:
    assert not any(t[:3] == ("04", "FRA", "KEN") and t[3] == "asserted" for t in _tuples(nlp, text))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Turkish foreign minister said on Monday that Washington needs to act against "
         "the violence.", "02"),
        ("The Turkish foreign minister said on Monday that Greece has to withdraw its "
         "troops from the islands.", "10"),
    ],
)  # fmt: skip
def test_events_act_required_of_another_is_an_appeal_or_demand(
    nlp: Language, text: str, root: str
) -> None:
    found = {t for t in _tuples(nlp, text) if t[0] == root and t[3] == "asserted"}
    assert found and all(t[1] == "TUR" and t[2] in {"USA", "GRC"} for t in found)


def test_events_act_not_needed_is_no_appeal(nlp: Language) -> None:
    text = "The Turkish foreign minister said on Monday that Greece does not need to respond."
    assert not any(t[0] in {"02", "10"} for t in _tuples(nlp, text))


def test_events_reaction_aimed_by_its_words_when_its_object_names_no_one(
    nlp: Language,
) -> None:
    text = (
        "Iran's foreign ministry criticized the meeting on Monday, saying that Washington "
        "wants to isolate the country."
    )
    assert ("11", "IRN", "USA", "asserted") in _tuples(nlp, text)


def test_events_act_after_a_sentence_set_in_a_past_year_is_background(nlp: Language) -> None:
    text = (
        "Relations between the two countries collapsed in 2015 after Chilean troops raided "
        "a Bolivian border post. Four Bolivian soldiers were shot dead by the Chilean troops."
    )
    killed = {t for t in _tuples(nlp, text) if t[0] in {"18", "19"}}
    assert killed and all(t[3] == "background" for t in killed)


def test_events_reaction_after_a_sentence_set_in_a_past_year_is_the_days_news(
    nlp: Language,
) -> None:
    text = (
        "A court jailed the Chilean activist in 2019. Peru's foreign minister condemned the ruling."
    )
    assert any(t[0] == "11" and t[3] == "asserted" for t in _tuples(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three of the victims were male police officers, the Paris prosecutor said.", "FRA"),
        ("The airstrike killed Ali Hassan, a senior al-Shabab commander who planned the "
         "attacks, the Somali army said.", "SOM"),
    ],
)  # fmt: skip
def test_entities_lower_case_word_is_no_name(nlp: Language, text: str, expected: str) -> None:
    """The dictionary ignores case; "male" is no Malé and "who" no WHO."""
    countries = {a["country"] for a in result_of(nlp, text)["actors"]}
    assert not countries & {"MDV", "IGO"} and expected in countries


def test_events_verb_tagged_as_an_adjective_still_acts(nlp: Language) -> None:
    text = '"[We] urge the Chilean side to free the prisoners," the Peruvian foreign ministry said.'
    assert ("02", "PER", "CHL", "asserted") in _tuples(nlp, text)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("An Iraqi commander was killed in a precision airstrike in Baghdad on Thursday.", "19"),
        ("An Iraqi commander was killed in a drone strike in Baghdad on Thursday.", "19"),
        ("An Iraqi commander was stabbed to death in Baghdad on Thursday.", "18"),
    ],
)
def test_events_killing_from_the_air_is_conventional_force(
    nlp: Language, text: str, root: str
) -> None:
    roots = {t[0] for t in _tuples(nlp, text) if t[0] in {"18", "19"}}
    assert roots == {root}


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("On Monday the Chilean ministry urged neighbours including Peru and Bolivia to close "
         "the border.", {"PER", "BOL"}),
        ("On Monday Chile urged allies such as Argentina to close the border.", {"ARG"}),
    ],
)  # fmt: skip
def test_events_target_named_by_example_is_each_example(
    nlp: Language, text: str, targets: set[str]
) -> None:
    found = {t[2] for t in _tuples(nlp, text) if t[0] == "02" and t[1] == "CHL"}
    assert found == targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Chile expects the Bolivian government to close the camps," the Chilean army said '
         "on Monday.", ("10", "CHL", "BOL", "asserted")),
        ('"We want Bolivia to withdraw its troops," the Chilean foreign minister said on '
         "Monday.", ("10", "CHL", "BOL", "asserted")),
    ],
)  # fmt: skip
def test_events_act_the_speaker_expects_of_another_is_a_demand(
    nlp: Language, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in _tuples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Analysts expect Bolivia to withdraw its troops," the Chilean foreign minister said.',
        '"We do not want Bolivia to withdraw its troops," the Chilean foreign minister said.',
    ],
)
def test_events_expectation_of_others_or_denied_is_no_demand(nlp: Language, text: str) -> None:
    assert not any(t[0] == "10" for t in _tuples(nlp, text))


def test_events_disappointment_with_an_act_criticises_its_doer(nlp: Language) -> None:
    text = (
        "Chile's foreign minister issued a statement on Tuesday saying Chile is \u201cdeeply "
        "disappointed\u201d by the approval of the law by Bolivia's parliament."
    )
    assert any(t[:3] == ("11", "CHL", "BOL") for t in _tuples(nlp, text))


def test_events_quote_speaker_linked_across_sentences_is_the_source(nlp: Language) -> None:
    """A bare "the military" is the military the story named last (Chile's, not the main
    country's), and the demand its quote makes is that military's."""
    text = (
        "Gunmen attacked a train in Bolivia on Tuesday, Bolivian police said. Chile's "
        'military said on Wednesday it had closed two crossings. "Chile expects the Bolivian '
        'government to close the camps," the military said in written comments on Wednesday.'
    )
    assert ("10", "CHL", "BOL", "asserted") in _tuples(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A block of flats in Valparaiso caught fire on Saturday. The blaze killed three "
        "Chilean residents and injured sixteen.",
        "Two Chilean workers were killed in a fire at a market in Valparaiso on Saturday.",
        "The Chilean fire service said two adults were seriously injured in Valparaiso on "
        "Saturday.",
    ],
)
def test_events_harm_from_a_disaster_is_no_ones_act(nlp: Language, text: str) -> None:
    assert not [t for t in _tuples(nlp, text) if t[0] in {"18", "19", "20"}]


@pytest.mark.parametrize(
    "text",
    [
        "Three Chilean soldiers were killed in Valparaiso on Saturday when their convoy came "
        "under fire.",
        "Gunmen opened fire on a bus in Valparaiso on Saturday, killing three Chilean soldiers.",
    ],
)
def test_events_harm_from_gunfire_still_has_a_doer(nlp: Language, text: str) -> None:
    assert [t for t in _tuples(nlp, text) if t[0] in {"18", "19"}]


def test_events_release_of_a_thing_is_no_release(nlp: Language) -> None:
    text = "No cause had yet been released for the fire by the Chilean authorities on Sunday."
    assert not [t for t in _tuples(nlp, text) if t[0] == "08"]


@pytest.mark.parametrize(
    "text",
    [
        "Researchers warned on Monday that Chilean hospitals could run out of beds.",
        "Experts stressed on Monday that Chile should test more children.",
    ],
)
def test_events_words_of_analysts_are_no_events(nlp: Language, text: str) -> None:
    assert not _tuples(nlp, text)


def test_events_acts_of_teachers_are_still_events(nlp: Language) -> None:
    text = "Chilean teachers marched outside the Chilean Congress in Valparaiso on Monday."
    assert any(t[0] == "14" for t in _tuples(nlp, text))


def test_entities_continent_is_no_town(nlp: Language) -> None:
    """ "Africa" is an old name of a Tunisian town in the gazetteer; a story of Africa is
    no Tunisian story."""
    text = (
        "Researchers say diabetes is rising fast in sub-Saharan Africa. Doctors in Africa "
        "said on Monday that clinics need more insulin."
    )
    assert "TUN" not in {a["country"] for a in result_of(nlp, text)["actors"]}


def test_entities_the_group_is_no_state_body(nlp: Language) -> None:
    """ "the groups" after a ministry is named are not that ministry."""
    text = (
        "Chilean interior ministry officials have repeatedly denied the allegations while "
        "criticizing the groups bringing the lawsuits."
    )
    assert not [t for t in _tuples(nlp, text) if t[0] == "11" and t[2] == "CHL"]


def test_events_official_threat_for_their_country_is_made_when_said(nlp: Language) -> None:
    """ "Chile will pursue the prosecution of X", said by Chile's prosecutor on Tuesday, is
    Chile's threat that day (13), not a plan; dated by the telling, not by the day the
    act is set for."""
    text = (
        "Chile's prosecutor general said on Tuesday that Chile will pursue the prosecution of "
        "the Bolivian president on Friday."
    )
    found = [e for e in events_of(nlp, text, "2026-03-06") if e["cameo"].startswith("13")]
    assert [(e["source_country"], e["target_country"], e["mode"], e["date"]) for e in found] == [
        ("CHL", "BOL", "asserted", "2026-03-03")
    ]


def test_events_plan_an_official_tells_stays_a_plan(nlp: Language) -> None:
    text = "The Chilean ambassador said on Tuesday that Chile will convene a meeting with Bolivia."
    assert not [t for t in _tuples(nlp, text) if t[0] in {"03", "04"} and t[3] == "asserted"]


def test_events_participle_on_an_actor_noun_is_that_actors_act(nlp: Language) -> None:
    """ "criticizing the groups bringing the lawsuits": the groups bring them, not the
    ministry; "issued a statement condemning X" stays the issuer's act."""
    text = (
        "Chilean interior ministry officials on Monday criticized the rights groups bringing "
        "the lawsuits against the Chilean government."
    )
    bringing = [e for e in events_of(nlp, text) if e["trigger"]["text"] == "bringing"]
    assert bringing and all("rights groups" in e["source_name"] for e in bringing)
    text = "The Chilean ministry issued a statement on Monday condemning the Bolivian raid."
    assert any(e["trigger"]["text"] == "condemning" for e in events_of(nlp, text))
