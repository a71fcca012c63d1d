"""Undated events (issue 13, item 2): a dyad series counts only events with a day; the CLI,
the API and the web page say how many events between the two were left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from tests.cli_helpers import run_cli as cli

STORY = (
    "Chile and Peru sign a border accord\n\n"
    "Chile signed a border accord with Peru on Tuesday. Chile also praised Peru for "
    "reopening the mountain road.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("undated")
    (root / "story.txt").write_text(STORY, encoding="utf-8")  # no date, none given
    path = root / "news.duckdb"
    code, _, err = cli(["ingest", str(root / "story.txt"), "--db", str(path), "--workers", "1"])
    assert code == 0, err
    return path


@pytest.mark.parametrize("a,b", [("Chile", "Peru")])
def test_dyad_says_how_many_events_had_no_day(db: Path, a: str, b: str) -> None:
    code, out, err = cli(["dyad", a, b, "--db", str(db)])
    assert code == 0 and "0 periods with dated events" in out
    assert f"events between {a} and {b} have no day" in err
    client = TestClient(create_app(db))
    data = client.get(f"/api/dyads/{a}/{b}").json()
    assert data["series"] == [] and data["undated"] >= 1
    assert "have no day" in client.get(f"/dyads/{a}/{b}").text


@pytest.mark.parametrize("a,b", [("Chile", "Peru")])
def test_dyad_with_dated_events_only_says_nothing_more(tmp_path: Path, a: str, b: str) -> None:
    (tmp_path / "story.txt").write_text(STORY.replace("\n\n", "\n\n2024-05-07\n\n", 1))
    path = tmp_path / "news.duckdb"
    cli(["ingest", str(tmp_path / "story.txt"), "--db", str(path), "--workers", "1"])
    code, out, err = cli(["dyad", a, b, "--db", str(path)])
    assert "2024-05-01" in out and "no day" not in err
