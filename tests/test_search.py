"""Ranked full-text search (issue 13, item 12): SQLite FTS5 beside the store, kept in line
by ingest; BM25 ranking, stemming, phrases; no input is a syntax error."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique import analytics
from communique.api import create_app
from communique.store import Store, search
from tests.cli_helpers import run_cli as cli

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "news.duckdb"
    code, _, err = cli(["ingest", str(EXAMPLES), "--db", str(path), "--workers", "1"])
    assert code == 0, err
    return path


def found(db: Path, query: str, kind: str = "articles") -> list[dict]:
    code, out, err = cli(["search", query, "--db", str(db), "--kind", kind, "--format", "json"])
    assert code == 0, err
    return json.loads(out)["items"]


@pytest.mark.parametrize(
    "text", ['"', "AND", "a OR b", "NEAR(x y)", "talk*", "-x", "col:val", "(", "^", "''", "   "]
)
def test_no_query_text_is_an_fts_syntax_error(db: Path, text: str) -> None:
    with closing(search.connect(search.index_path(str(db)), read_only=True)) as con:
        page = search.search(con, text)
    assert page["total"] >= 0


@pytest.mark.parametrize("stem,word", [("talk", "talks"), ("negotiation", "negotiations")])
def test_search_stems_words(db: Path, stem: str, word: str) -> None:
    assert len(found(db, stem)) == len(found(db, word)) > 0
    assert any(f"[{word}]" in i["snippet"].lower() for i in found(db, stem))


@pytest.mark.parametrize("query", ["talks"])
def test_search_ranks_a_title_match_first(db: Path, query: str) -> None:
    items = found(db, query)
    assert query in items[0]["title"].lower()
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


@pytest.mark.parametrize("words,reversed_phrase", [("peace talks", '"talks peace"')])
def test_a_quoted_phrase_keeps_its_order(db: Path, words: str, reversed_phrase: str) -> None:
    assert found(db, f'"{words}"') and found(db, words)
    assert found(db, reversed_phrase) == []


@pytest.mark.parametrize("query,speaker", [("talks", "Foreign Ministry")])
def test_quotes_are_searched_with_their_speaker(db: Path, query: str, speaker: str) -> None:
    items = found(db, query, kind="quotes")
    assert items and any(speaker in i["title"] for i in items)


@pytest.mark.parametrize("query", ["zzzz"])
def test_no_match_says_so(db: Path, query: str) -> None:
    code, out, _ = cli(["search", query, "--db", str(db)])
    assert code == 0 and out.rstrip().endswith("0 articles")


def test_sync_repairs_an_index_left_behind(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "news.duckdb"
    copy.write_bytes(db.read_bytes())
    with closing(search.connect(search.index_path(str(copy)))) as con, Store(copy) as store:
        assert search.sync(store, con)[0] == store.scalar("SELECT count(*) FROM articles")
        assert search.sync(store, con) == (0, 0)  # idempotent
        series = [
            (u,) for (u,) in con.execute("SELECT article_uid FROM docs WHERE ref LIKE 'series-%'")
        ]
        with con:  # as if a crash had come between the store's commit and the index's
            con.executemany("DELETE FROM docs WHERE article_uid = ?", series)
            con.executemany("DELETE FROM indexed WHERE article_uid = ?", series)
        added, _ = search.sync(store, con)
        assert added == 8
        store.con.execute("DELETE FROM articles WHERE id = 'series-aegean-01'")
        assert search.sync(store, con) == (0, 1)


@pytest.mark.parametrize("query", ["talks"])
def test_api_search_answers_ranked_items_or_says_there_is_no_index(
    db: Path, tmp_path: Path, query: str
) -> None:
    data = TestClient(create_app(db)).get("/api/search", params={"q": query}).json()
    assert data["total"] > 0 and data["items"][0]["score"] >= data["items"][-1]["score"]
    Store(tmp_path / "bare.duckdb").close()
    bare = TestClient(create_app(tmp_path / "bare.duckdb")).get("/api/search", params={"q": query})
    assert bare.status_code == 404 and "ingest" in bare.json()["detail"]
    code, _, err = cli(["search", query, "--db", str(tmp_path / "bare.duckdb")])
    assert code == 2 and "no search index" in err


@pytest.mark.parametrize(
    "query,title", [("signing", "Georgia and Armenia sign border trade agreement")]
)
def test_web_search_is_ranked_and_stemmed(db: Path, query: str, title: str) -> None:
    """'signing' is in no example: a substring search finds nothing, the index finds 'signed'."""
    html = TestClient(create_app(db)).get("/", params={"q": query}).text
    assert title in html and "No articles found" not in html
    with Store(db, read_only=True) as store:
        assert analytics.articles(store, text=query).total == 0
