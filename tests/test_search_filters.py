"""The listings' text filters go through the search index (issue 13, item 12): `quotes
--search`, `events --search`, the API's `q` and the web page's quotes are stemmed and ranked
when the index is there, combine with the other filters, and are substring matches without
it. `communique.store.ingest` (Python, CLI and the API's POST) keeps the index in line: a
search right after an ingest finds what it stored, and a rerun neither doubles nor drops rows.

The articles are written for these tests."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique import analytics
from communique.api import create_app
from communique.model import Article
from communique.store import MEMORY, Store, ingest, search
from communique.store.filters import EventFilters
from tests.cli_helpers import run_cli as cli

TOKEN = "t" * 24

FISHING = Article(
    id="filters-fishing",
    title="Portugal and Chile argue over fishing quotas",
    text=(
        "Portugal criticised Chile on Tuesday over its fishing quotas in the southern ocean. "
        '"We are negotiating a fair settlement for our fleets," said Ana Ribeiro, the '
        "Portuguese fisheries minister. Kenya was not part of the dispute."
    ),
    published="2024-05-09",
    source="Harbour Post",
)
FORESTS = Article(
    id="filters-forests",
    title="Norway praises Kenya over its forests",
    text=(
        "Norway praised Kenya on Wednesday for its forest programme near Nairobi. "
        '"The negotiations with Kenya were long but fruitful," said Lars Dahl, a Norwegian '
        "envoy. Kenya thanked Norway for the support."
    ),
    published="2024-05-02",
    source="Valley Times",
)
ARTICLES = [FISHING, FORESTS]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled by Python's `ingest`, which makes the index beside it."""
    path = tmp_path_factory.mktemp("filters") / "news.duckdb"
    with Store(path) as store:
        ingest(ARTICLES, store)
    return path


@pytest.fixture()
def index(db: Path) -> Iterator[sqlite3.Connection]:
    con = search.open_index(str(db))
    assert con is not None
    with closing(con):
        yield con


@pytest.fixture()
def store(db: Path) -> Iterator[Store]:
    with Store(db, read_only=True) as opened:
        yield opened


def _ids(page: analytics.Page, key: str = "article_id") -> list[str]:
    return [item[key] for item in page.items]


# "negotiate" is in neither quote as written; stemmed, it is in both.
@pytest.mark.parametrize("word,expected", [("negotiate", 2), ("negotiations", 2), ("fleet", 1)])
def test_quote_filter_is_stemmed_through_the_index(
    store: Store, index: sqlite3.Connection, word: str, expected: int
) -> None:
    assert analytics.quotes(store, text=word, index=index).total == expected


@pytest.mark.parametrize("word,substring", [("negotiate", 0), ("negotiating", 1)])
def test_quote_filter_without_an_index_is_a_substring(
    store: Store, word: str, substring: int
) -> None:
    assert analytics.quotes(store, text=word).total == substring


@pytest.mark.parametrize(
    "speaker,country,expected",
    [
        ("Lars Dahl", None, ["filters-forests"]),
        ("Ana Ribeiro", None, ["filters-fishing"]),
        (None, "zzz", []),
        ("Lars Dahl", "zzz", []),
    ],
)
def test_quote_filter_through_the_index_keeps_the_other_filters(
    store: Store,
    index: sqlite3.Connection,
    speaker: str | None,
    country: str | None,
    expected: list[str],
) -> None:
    page = analytics.quotes(store, text="negotiate", speaker=speaker, country=country, index=index)
    assert _ids(page) == expected


@pytest.mark.parametrize(
    "word,actor,expected",
    [
        ("criticising", None, ["filters-fishing"]),
        ("criticising", "Chile", ["filters-fishing"]),
        ("criticising", "Norway", []),
        ("praising", "Kenya", ["filters-forests"]),
    ],
)
def test_event_filter_is_stemmed_and_keeps_the_other_filters(
    store: Store, index: sqlite3.Connection, word: str, actor: str | None, expected: list[str]
) -> None:
    filters = EventFilters(text=word, actor=actor)
    assert sorted(set(_ids(analytics.events(store, filters, index=index)))) == expected
    assert analytics.events(store, filters).total == 0  # as written, no evidence holds the word


@pytest.mark.parametrize("word,best,newest", [("Kenya", "filters-forests", "filters-fishing")])
def test_article_filter_ranks_the_best_match_first(
    store: Store, index: sqlite3.Connection, word: str, best: str, newest: str
) -> None:
    """Both articles name Kenya; the one with it in its title and text ranks first, while a
    substring filter keeps the listing's order, newest first."""
    assert _ids(analytics.articles(store, text=word, index=index), "id") == [best, newest]
    assert _ids(analytics.articles(store, text=word), "id") == [newest, best]


@pytest.mark.parametrize(
    "source,expected", [("Valley Times", ["filters-forests"]), ("Nowhere", [])]
)
def test_article_filter_through_the_index_keeps_the_source_filter(
    store: Store, index: sqlite3.Connection, source: str, expected: list[str]
) -> None:
    page = analytics.articles(store, text="negotiate", source=source, index=index)
    assert _ids(page, "id") == expected


@pytest.mark.parametrize("text", ["%", "--", '"'])
def test_a_filter_without_words_is_a_substring_match(
    store: Store, index: sqlite3.Connection, text: str
) -> None:
    assert analytics.quotes(store, text=text, index=index).total == (
        analytics.quotes(store, text=text).total
    )


@pytest.mark.parametrize(
    "url,expected",
    [
        ("/api/quotes?q=negotiate", 2),
        ("/api/quotes?q=negotiate&speaker=Lars%20Dahl", 1),
        ("/api/events?q=criticising&actor=Chile", None),
        ("/api/articles?q=negotiate&source=Harbour%20Post", 1),
    ],
)
def test_api_q_filters_use_the_index(db: Path, url: str, expected: int | None) -> None:
    data = TestClient(create_app(db)).get(url).json()
    assert data["total"] == expected if expected is not None else data["total"] > 0


@pytest.mark.parametrize("query,quote", [("negotiate", "negotiating a fair settlement")])
def test_web_search_box_finds_quotes_through_the_index(db: Path, query: str, quote: str) -> None:
    assert quote in TestClient(create_app(db)).get("/", params={"q": query}).text


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["quotes", "--search", "negotiate"], 2),
        (["quotes", "--search", "negotiate", "--speaker", "Ana Ribeiro"], 1),
        (["events", "--search", "criticising", "--actor", "Norway"], 0),
    ],
)
def test_cli_search_options_use_the_index(db: Path, argv: list[str], expected: int) -> None:
    code, out, err = cli([*argv, "--db", str(db), "--format", "json"])
    assert code == 0, err
    assert json.loads(out)["total"] == expected
    assert "no search index" not in err


@pytest.mark.parametrize(
    "argv,expected",
    [(["quotes", "--search", "negotiating"], 1), (["events", "--search", "criticising"], 0)],
)
def test_cli_search_options_without_an_index_match_substrings_and_say_so(
    db: Path, tmp_path: Path, argv: list[str], expected: int
) -> None:
    bare = tmp_path / "bare.duckdb"
    bare.write_bytes(db.read_bytes())  # the store alone, no index beside it
    code, out, err = cli([*argv, "--db", str(bare), "--format", "json"])
    assert code == 0, err
    assert json.loads(out)["total"] == expected
    assert "no search index" in err and "as written" in err


def _index_counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(search.index_path(str(db)))) as con:
        found = dict(con.execute("SELECT kind, count(*) FROM docs GROUP BY kind").fetchall())
        found["indexed"] = con.execute("SELECT count(*) FROM indexed").fetchone()[0]
    return found


def _store_counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        counts = {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in search.INDEXED_KINDS}
    return {**counts, "indexed": counts["articles"]}


@pytest.mark.parametrize("how", ["python", "cli"])
def test_ingest_keeps_the_index_in_line_and_a_rerun_changes_nothing(
    tmp_path: Path, how: str
) -> None:
    db = tmp_path / "news.duckdb"
    lines = tmp_path / "articles.jsonl"
    lines.write_text("".join(json.dumps(_record(a)) + "\n" for a in ARTICLES), encoding="utf-8")
    counts = []
    for _ in range(2):
        if how == "python":
            with Store(db) as store:
                ingest(ARTICLES, store)
        else:
            code, _, err = cli(["ingest", str(lines), "--db", str(db), "--workers", "1"])
            assert code == 0, err
        counts.append(_index_counts(db))
    assert counts[0] == counts[1] == _store_counts(db)
    assert counts[0]["quotes"] > 0 and counts[0]["events"] > 0


def _record(article: Article) -> dict[str, str | None]:
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "published": article.published,
        "source": article.source,
    }


@pytest.mark.parametrize("old,new", [("criticised", "applauded")])
def test_a_replaced_article_leaves_the_index_with_its_new_text(
    tmp_path: Path, old: str, new: str
) -> None:
    db = tmp_path / "news.duckdb"
    changed = Article(
        id=FISHING.id,
        title=FISHING.title,
        text=FISHING.text.replace(old, new),
        published=FISHING.published,
    )
    with Store(db) as store:
        ingest([FISHING], store)
        ingest([changed], store)
    with closing(search.connect(search.index_path(str(db)))) as con:
        assert search.search(con, old)["total"] == 0
        assert [i["ref"] for i in search.search(con, new)["items"]] == [FISHING.id]
    assert _index_counts(db) == _store_counts(db)


@pytest.mark.parametrize("query", ["forest"])
def test_a_search_right_after_python_ingest_finds_the_new_article(
    tmp_path: Path, query: str
) -> None:
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest([FISHING], store)
        ingest([FORESTS], store)
    code, out, err = cli(["search", query, "--db", str(db), "--format", "json"])
    assert code == 0, err
    assert [item["ref"] for item in json.loads(out)["items"]] == [FORESTS.id]


@pytest.mark.parametrize("query", ["fisheries"])
def test_an_index_of_the_first_layout_is_rebuilt_by_the_next_ingest(
    tmp_path: Path, query: str
) -> None:
    db = tmp_path / "news.duckdb"
    with closing(sqlite3.connect(search.index_path(str(db)))) as con, con:
        con.execute(  # the layout before issue 13's second round: no `indexed`, no version
            "CREATE VIRTUAL TABLE docs USING fts5(kind UNINDEXED, article_uid UNINDEXED, "
            "ref UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    assert search.open_index(str(db)) is None  # listings fall back to substrings meanwhile
    with Store(db) as store:
        ingest([FISHING], store)
    con = search.open_index(str(db))
    assert con is not None
    with closing(con):
        assert search.search(con, query)["total"] == 1
    assert _index_counts(db) == _store_counts(db)


@pytest.mark.parametrize("where", ["memory", "file, search_index=False"])
def test_ingest_into_memory_or_with_the_index_off_writes_no_index(
    tmp_path: Path, where: str
) -> None:
    if where == "memory":
        with Store(MEMORY) as store:
            assert ingest([FISHING], store).stored == 1
        assert list(tmp_path.iterdir()) == [] and search.open_index(MEMORY) is None
        return
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        ingest([FISHING], store, search_index=False)
    assert not Path(search.index_path(str(db))).exists()


@pytest.mark.parametrize("query", ["forest"])
def test_a_writable_server_searches_what_its_post_stored(tmp_path: Path, query: str) -> None:
    client = TestClient(create_app(tmp_path / "news.duckdb", read_only=False, token=TOKEN))
    assert client.get("/api/search", params={"q": query}).status_code == 404  # no index yet
    response = client.post(
        "/api/ingest",
        json={"articles": [_record(FORESTS)]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    found = client.get("/api/search", params={"q": query}).json()
    assert [item["ref"] for item in found["items"]] == [FORESTS.id]
    assert client.get("/api/quotes", params={"q": "negotiate"}).json()["total"] == 1
