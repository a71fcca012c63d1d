"""Datelines open a story ("KHARTOUM, June 12 (Wire) -"); they are neither actor nor quote.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.datelines import dateline_spans
from tests.event_helpers import result_of


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("KHARTOUM, June 12 - Four civilians were killed.", 20),
        ("NAIROBI, March 4 (Wire) - Kenya agreed.", 26),
        ("NEW YORK, Jan. 3 -- The council met.", 20),
        ("BRUSSELS, Belgium, May 2 - Ministers met.", 27),
        ("GENEVA — Talks resumed.", 9),
    ],
)
def test_dateline_found_at_paragraph_start(text: str, end: int) -> None:
    assert dateline_spans(text) == [(0, end)]


@pytest.mark.parametrize(
    "text",
    ["UN - a plan was agreed.", "Kenya and Tanzania agreed.", "The PRESIDENT - said nothing."],
)
def test_dateline_not_found_in_ordinary_sentences(text: str) -> None:
    assert dateline_spans(text) == []


def test_dateline_is_no_part_of_actors_or_quotes(nlp: Language) -> None:
    text = (
        "Title line\n\nKHARTOUM, June 12 - Four civilians were killed on Wednesday when shells "
        "hit a market in Kurmuk, local officials said."
    )
    result = result_of(nlp, text, "2025-06-13")
    assert all("KHARTOUM" not in a["name"] and "12" not in a["name"] for a in result["actors"])
    assert result["quotes"] and result["quotes"][0]["content"]["text"].startswith("Four civilians")


def test_speaker_named_by_description_is_resolved(nlp: Language) -> None:
    text = (
        "The Lord's Resistance Army attacked a village in northern Uganda on Monday. "
        "The group said the soldiers had fired first."
    )
    result = result_of(nlp, text, "2025-06-13")
    names = {a["id"]: a["name"] for a in result["actors"]}
    speakers = {names.get(q["speaker"]) for q in result["quotes"]}
    assert "Lord's Resistance Army" in speakers


def test_dateline_date_dates_no_event(nlp: Language) -> None:
    text = (
        "Title line\n\nMANILA, Nov. 14 (Wire) - Japan will provide emergency aid to the "
        "Philippines, the prime minister said."
    )
    result = result_of(nlp, text, "2021-11-15")
    assert result["events"] and all(e["date_text"] != "Nov. 14" for e in result["events"])
    assert all(e["date"] != "2022-11-14" for e in result["events"])


def test_dateline_capital_is_no_actor(nlp: Language) -> None:
    text = (
        "Title line\n\nANKARA, Feb. 2 (Wire) - Turkey and Greece agreed on Friday to resume "
        "talks on their maritime boundaries, the Turkish foreign ministry said."
    )
    result = result_of(nlp, text, "2024-02-03")
    story = text.index("Turkey and")
    assert all(m["start"] >= story for a in result["actors"] for m in a["mentions"])
    names = {a["id"]: a["name"] for a in result["actors"]}
    # "their boundaries" are Turkey's and Greece's, not the ministry's that reports it
    assert all(names.get(e["target"]) != "Turkey Foreign Ministry" for e in result["events"])
