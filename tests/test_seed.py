"""The seed article of ../shared/seed against its hand reading (issue 2's figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.model import Article
from communique.pipeline import extract_article
from communique.scoring import score_seed

SEED_GOLD = Path(__file__).parents[2] / "shared" / "seed" / "seed-gold.json"


@pytest.fixture(scope="module")
def seed() -> tuple[dict, dict]:
    if not SEED_GOLD.exists():
        pytest.skip(f"{SEED_GOLD} is not there (the shared folder is optional)")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    article = Article(
        id=gold["id"],
        text=gold["text"],
        title=gold["title"],
        published=gold["published"],
        source=gold["source"],
    )
    return extract_article(article).to_dict(), gold


@pytest.mark.issue(2)
def test_issue2_seed_quotes_found_with_speakers(seed: tuple[dict, dict]) -> None:
    result, gold = seed
    score = score_seed(result, gold)
    assert score.quotes_found >= 9, score
    assert score.speakers_right >= 8, score


@pytest.mark.issue(2)
def test_issue2_seed_events_found_with_dates(seed: tuple[dict, dict]) -> None:
    result, gold = seed
    score = score_seed(result, gold)
    assert score.events_found >= 5, score
    assert score.events_dated >= 5, score


@pytest.mark.issue(2)
def test_issue2_seed_future_meeting_is_not_an_asserted_meeting(seed: tuple[dict, dict]) -> None:
    result, _ = seed
    meets = [e for e in result["events"] if e["cameo_root"] == "04" and e["mode"] == "asserted"]
    chisinau = [e for e in meets if "Chisinau" in e["evidence"]["text"]]
    assert chisinau == []
