"""End to end over the shipped examples: the output contract and its provenance."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from communique.ingest import read
from communique.model import Article, EventMode
from communique.pipeline import extract, extract_article

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return [r.to_dict() for r in extract(read([str(EXAMPLES)]))]


def _spans(result: dict) -> list[dict]:
    spans = []
    for actor in result["actors"]:
        spans += actor["mentions"]
    for quote in result["quotes"]:
        spans += [
            s
            for s in (quote["content"], quote["cue"], quote["speaker_mention"], quote["evidence"])
            if s
        ]
    for event in result["events"]:
        spans += [event["evidence"]] + ([event["trigger"]] if event["trigger"] else [])
    return spans


def test_pipeline_every_offset_points_into_article_text(results: list[dict]) -> None:
    assert results
    for result in results:
        text = result["article"]["text"]
        for span in _spans(result):
            assert text[span["start"] : span["end"]] == span["text"]


def test_pipeline_references_point_to_existing_records(results: list[dict]) -> None:
    for result in results:
        actor_ids = {a["id"] for a in result["actors"]}
        quote_ids = {q["id"] for q in result["quotes"]}
        for quote in result["quotes"]:
            assert quote["speaker"] is None or quote["speaker"] in actor_ids
        for event in result["events"]:
            assert event["source"] in actor_ids
            assert event["target"] is None or event["target"] in actor_ids
            assert event["quote"] is None or event["quote"] in quote_ids


def test_pipeline_events_carry_codes_dates_and_evidence(results: list[dict]) -> None:
    dated = [r for r in results if r["article"]["published"]]
    # every event has a time: a day, or a period at its precision ("in June": 2024-06)
    assert dated and all(e["period"] and e["date_precision"] for r in dated for e in r["events"])
    assert all(
        (e["date"] is not None) == (e["date_precision"] == "day") for r in dated for e in r["events"]
    )
    events = [e for r in results for e in r["events"]]
    assert events
    for event in events:
        assert event["cameo"].startswith(event["cameo_root"])
        assert event["quad_class"] in {1, 2, 3, 4}
        assert -10 <= event["goldstein"] <= 10
        assert event["plover"]
        assert event["mode"] in get_args(EventMode)
        assert event["trigger"]["start"] >= event["evidence"]["start"]


@pytest.mark.parametrize(
    "text,root,source,target",
    [
        ("Russia condemned Ukraine on Monday for the strike.", "11", "RUS", "UKR"),
        ("The Turkish government urged Greece to withdraw the patrol boats.", "02", "TUR", "GRC"),
        ("Yerevan accused Baku of shelling border villages.", "11", "ARM", "AZE"),
        ("Greece was criticised by Turkey over the patrols.", "11", "TUR", "GRC"),
        ("Japan and the Philippines signed a defence agreement on Friday.", "05", "JPN", "PHL"),
        ("Israeli aircraft bombed targets in Lebanon overnight.", "19", "ISR", "LBN"),
    ],
)
def test_pipeline_codes_simple_sentences(text: str, root: str, source: str, target: str) -> None:
    article = Article(id="t", text=text, published="2024-02-07")
    result = extract_article(article).to_dict()
    actors = {a["id"]: a for a in result["actors"]}
    found = {
        (
            actors[e["source"]]["country"],
            (actors.get(e["target"]) or {}).get("country"),
            e["cameo_root"],
        )
        for e in result["events"]
    }
    assert (source, target, root) in found, (found, result["actors"])


def test_pipeline_date_resolves_weekday_against_publication() -> None:
    article = Article(id="t", text="Russia condemned Ukraine on Monday.", published="2024-02-07")
    events = extract_article(article).to_dict()["events"]
    assert events and events[0]["date"] == "2024-02-05"
    assert events[0]["date_text"] == "on Monday"


def test_pipeline_article_date_used_when_text_gives_none() -> None:
    article = Article(id="t", text="Russia condemned Ukraine.", published="2024-02-07")
    events = extract_article(article).to_dict()["events"]
    assert events and events[0]["date"] == "2024-02-07" and events[0]["date_text"] is None


@pytest.mark.parametrize(
    "text,speaker,code",
    [
        (
            "“Trade will grow,” Georgia’s economy minister, Nino Beridze, told reporters.",
            "Nino Beridze",
            "GEOGOV",
        ),
        (
            "Armenian Economy Minister Aram Hakobyan spoke first. Later, Hakobyan said: "
            "“We are ready.”",
            "Aram Hakobyan",
            "ARMGOV",
        ),
    ],
)
def test_pipeline_speaker_is_the_named_person(text: str, speaker: str, code: str) -> None:
    result = extract_article(Article(id="t", text=text, published="2024-03-06")).to_dict()
    actors = {a["id"]: a for a in result["actors"]}
    speakers = {actors[q["speaker"]]["name"] for q in result["quotes"] if q["speaker"]}
    assert speakers == {speaker}
    assert {a["code"] for a in result["actors"] if a["name"] == speaker} == {code}


def test_pipeline_bare_surname_in_coordination_is_the_person() -> None:
    text = (
        "Georgian minister Nino Beridze and Armenian minister Aram Hakobyan met on Monday. "
        "Beridze and Hakobyan will meet again next week."
    )
    result = extract_article(Article(id="t", text=text, published="2024-03-06")).to_dict()
    names = [a["name"] for a in result["actors"]]
    assert "Hakobyan" not in names and "Beridze" not in names
