"""The event coder on hand-written sentences: roles, refusals, demands, modes, nominal events.

Every sentence here was written for these tests; none comes from a benchmark.
"""

from __future__ import annotations

import pytest
from event_helpers import result_of as _result
from event_helpers import top_event as _top
from spacy.language import Language

from communique.events.demands import demand_code
from communique.events.ontology import load_ontology
from communique.events.settle import refusal_code


def _events(nlp: Language, text: str) -> list[tuple[str | None, str, str | None, str, bool]]:
    """(source country, CAMEO code, target country, mode, negated) of each event."""
    result = _result(nlp, text)
    countries = {a["id"]: a["country"] for a in result["actors"]}
    return [
        (countries.get(e["source"]), e["cameo"], countries.get(e["target"]), e["mode"],
         e["negated"])
        for e in result["events"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "source", "target", "root"),
    [
        ("Armenia was attacked by Azerbaijan on Monday.", "AZE", "ARM", "19"),
        (
            "The Kenyan government welcomed the resumption of talks with Somalia.",
            "KEN",
            "SOM",
            "05",
        ),
        ("Chile condemned an attack by Bolivian soldiers on the border.", "CHL", "BOL", "11"),
        ("Egypt will host talks between Sudan and Ethiopia.", "EGY", "SDN", "03"),
    ],
)
def test_events_coder_source_and_target_from_passive_and_nominal_phrases(
    nlp: Language, text: str, source: str, target: str, root: str
) -> None:
    top = _top(nlp, text)
    assert (top["source_country"], top["target_country"]) == (source, target)
    assert top["cameo_root"] == root


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Turkey refused to send troops to Iraq.", "12"),
        ("Canada declined to meet the Iranian delegation in Geneva.", "12"),
        ("Japan will not accept the proposal from China.", "12"),
    ],
)
def test_events_coder_refusals_are_rejections(nlp: Language, text: str, root: str) -> None:
    top = _top(nlp, text)
    assert top["cameo_root"] == root
    assert top["mode"] == "asserted" and not top["negated"]


@pytest.mark.parametrize(
    ("text", "mode", "root"),
    [
        ("Norway is ready to send aid to Yemen.", "future", "03"),
        ("Peru is willing to withdraw its troops from Ecuador.", "future", "03"),
        ("Ghana will withdraw its peacekeepers from Mali unless the junta steps down.",
         "conditional", "13"),
    ],
)  # fmt: skip
def test_events_coder_announced_acts_are_intents_or_threats(
    nlp: Language, text: str, mode: str, root: str
) -> None:
    top = _top(nlp, text)
    assert (top["mode"], top["cameo_root"]) == (mode, root)


@pytest.mark.parametrize(
    ("text", "source", "target", "code"),
    [
        ("Britain said Sudan must withdraw its troops from Chad.", "GBR", "SDN", "1056"),
        ("France said on Monday that Iran must release the detained sailors.", "FRA", "IRN",
         "1053"),
        # "should" urges: the appeal that mirrors the demand
        ("France said on Monday that Iran should release the detained sailors.", "FRA", "IRN",
         "0253"),
    ],
)  # fmt: skip
def test_events_coder_demands_in_reported_speech(
    nlp: Language, text: str, source: str, target: str, code: str
) -> None:
    top = _top(nlp, text)
    assert (top["source_country"], top["target_country"], top["cameo"]) == (source, target, code)


@pytest.mark.parametrize(
    ("text", "sector", "country"),
    [
        ("Thousands of students in Jakarta staged a protest against the government.", "CVL",
         "IDN"),
        ("Angry villagers from Mali blocked the road to the mine.", "CVL", "MLI"),
    ],
)  # fmt: skip
def test_events_coder_unknown_groups_do_not_block_events(
    nlp: Language, text: str, sector: str, country: str
) -> None:
    result = _result(nlp, text)
    actors = {a["id"]: a for a in result["actors"]}
    sources = [actors[e["source"]] for e in result["events"]]
    assert any(a["sector"] == sector and a["country"] == country for a in sources), sources


@pytest.mark.parametrize(
    "text",
    ["Neither Chile nor Peru boycotted the summit in Lima.",
     "Brazil and Argentina criticised the decision."],
)  # fmt: skip
def test_events_coder_coordinated_subjects_act_on_each_other_only_in_mutual_acts(
    nlp: Language, text: str
) -> None:
    events = _events(nlp, text)
    pairs = {(s, t) for s, _, t, _, _ in events}
    assert not {("CHL", "PER"), ("PER", "CHL"), ("BRA", "ARG"), ("ARG", "BRA")} & pairs, events


@pytest.mark.parametrize(
    ("text", "name"),
    [("The Revolutionary United Front (RUF) attacked Sierra Leone's army.",
      "Revolutionary United Front")],
)  # fmt: skip
def test_events_coder_bracketed_abbreviation_is_the_same_actor(
    nlp: Language, text: str, name: str
) -> None:
    result = _result(nlp, text)
    named = [a for a in result["actors"] if a["name"] == name]
    assert len(named) == 1 and len(named[0]["mentions"]) == 2, result["actors"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Tuesday that Sudan must return the helicopter.",
        "Thousands of people marched against the reform in Paris.",
        "The rebels were accused of shelling the town by the army of Mali.",
        "Israel and Lebanon renewed negotiations today on a troop pullback.",
        "The police used tear gas to disperse demonstrators in Nairobi.",
    ],
)
def test_events_coder_every_event_has_evidence_source_and_a_known_code(
    nlp: Language, text: str
) -> None:
    result = _result(nlp, text)
    actor_ids = {a["id"] for a in result["actors"]}
    ontology = load_ontology()
    for event in result["events"]:
        assert event["source"] in actor_ids
        assert event["cameo"] in ontology
        assert event["evidence"]["text"] and event["trigger"]["text"] in event["evidence"]["text"]


@pytest.mark.parametrize(
    ("act", "refusal"),
    [("040", "125"), ("0874", "1246"), ("057", "127"), ("070", "122"), ("190", None)],
)
def test_events_settle_refusal_code(act: str, refusal: str | None) -> None:
    assert refusal_code(act) == refusal


@pytest.mark.parametrize(
    ("act", "demand"),
    [(None, "100"), ("0874", "1056"), ("040", "106"), ("0831", "1041"), ("190", "100")],
)
def test_events_demands_demand_code(act: str | None, demand: str) -> None:
    assert demand_code(act) == demand
