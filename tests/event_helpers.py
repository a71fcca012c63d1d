"""Helpers shared by the event tests: analyse one sentence and rank its events."""

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
