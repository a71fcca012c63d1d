"""Helpers shared by the event and entity tests: analyse one sentence, rank its events,
find the speakers of its quotes."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from communique.model import Article
from communique.pipeline import analyse


def result_of(nlp: Language, text: str, published: str = "2021-06-01") -> dict[str, Any]:
    """The output contract of one sentence, published on `published`."""
    return analyse(Article(id="t", text=text, published=published), nlp(text)).to_dict()


def ranked_events(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Events most confident first, asserted before announced on ties, each with the
    countries of its source and target."""
    countries = {a["id"]: a["country"] for a in result["actors"]}
    events = sorted(result["events"], key=lambda e: (-e["confidence"], e["mode"] != "asserted"))
    return [
        {
            **e,
            "source_country": countries.get(e["source"]),
            "target_country": countries.get(e["target"]),
        }
        for e in events
    ]


def top_event(nlp: Language, text: str) -> dict[str, Any]:
    """The sentence's main event."""
    events = ranked_events(result_of(nlp, text))
    assert events, text
    return events[0]


def speakers_of(nlp: Language, text: str, content: str) -> list[dict[str, Any] | None]:
    """The speaker actor of each quote whose content holds `content` (the entity tests)."""
    result = result_of(nlp, text)
    actors = {a["id"]: a for a in result["actors"]}
    found = [actors.get(q["speaker"]) for q in result["quotes"] if content in q["content"]["text"]]
    assert found, (text, result["quotes"])
    return found


def speaker_names(nlp: Language, text: str, content: str) -> list[str | None]:
    """The speakers' names of each quote whose content holds `content`."""
    return [s["name"] if s else None for s in speakers_of(nlp, text, content)]


def events_of(nlp: Language, text: str, published: str = "2026-03-06") -> list[dict[str, Any]]:
    """The events of `text`, each with its ends' countries and names."""
    result = result_of(nlp, text, published)
    actors = {a["id"]: a for a in result["actors"]}
    return [
        {
            **e,
            "source_country": actors[e["source"]]["country"],
            "target_country": (actors.get(e["target"]) or {}).get("country"),
            "target_name": (actors.get(e["target"]) or {}).get("name"),
            "source_name": actors[e["source"]]["name"],
        }
        for e in result["events"]
    ]


def events_at(nlp: Language, text: str, trigger: str) -> list[dict[str, Any]]:
    """The events whose trigger is `trigger`."""
    return [e for e in events_of(nlp, text) if e["trigger"]["text"] == trigger]
