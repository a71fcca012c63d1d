"""Ranked full-text search over articles and quotes: SQLite FTS5 from Python's own sqlite3
(nothing to download), BM25 ranking, Porter stemming, "quoted phrases".

The index is derived data in a file beside the database (`news.duckdb.search`), brought in
line with the store by `sync` (what `communique ingest` runs at its end): articles stored
since are added, replaced or deleted ones removed. A crash between the two leaves the index
behind, never wrong for long: the next sync repairs it.

    >>> fts_query('talks "foreign ministry" -')
    '"talks" "foreign ministry"'
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from .db import MEMORY, Store

KINDS = ("articles", "quotes")
_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    kind UNINDEXED, article_uid UNINDEXED, ref UNINDEXED, title, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
_TERM = re.compile(r'"([^"]+)"|([^\W_]+)')
_BATCH = 500


def index_path(db: str) -> str:
    """The index file of the database `db` (":memory:" for an in-memory store)."""
    return MEMORY if db == MEMORY else f"{db}.search"


def connect(path: str, *, read_only: bool = False) -> sqlite3.Connection:
    """The index at `path`, created when writable."""
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con = sqlite3.connect(path, check_same_thread=False)
    con.execute(_SCHEMA)
    return con


def fts_query(text: str) -> str:
    """The user's words and "quoted phrases" as an FTS5 query that all must match; every
    other character is dropped, so no input is an FTS5 syntax error."""
    parts = []
    for phrase, word in _TERM.findall(text):
        words = re.findall(r"[^\W_]+", phrase) if phrase else [word]
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)


def sync(store: Store, con: sqlite3.Connection) -> tuple[int, int]:
    """Bring the index in line with the store; (articles added, articles removed)."""
    stored = {row["uid"] for row in store.query("SELECT uid FROM articles")}
    indexed = {uid for (uid,) in con.execute("SELECT DISTINCT article_uid FROM docs")}
    gone, new = sorted(indexed - stored), sorted(stored - indexed)
    with con:
        con.executemany("DELETE FROM docs WHERE article_uid = ?", [(uid,) for uid in gone])
        for start in range(0, len(new), _BATCH):
            add_rows(con, _rows(store, new[start : start + _BATCH]))
    return len(new), len(gone)


def add_rows(con: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Index rows (kind, article uid, ref, title, body): an article's ref is its id, a
    quote's is its id in the article."""
    con.executemany(
        "INSERT INTO docs (kind, article_uid, ref, title, body) VALUES (?, ?, ?, ?, ?)", rows
    )


def _rows(store: Store, uids: list[str]) -> Iterator[tuple[str, str, str, str, str]]:
    marks = ", ".join("?" for _ in uids)
    for row in store.query(
        f"SELECT uid, id, title, text FROM articles WHERE uid IN ({marks})", uids
    ):
        yield "articles", row["uid"], row["id"], row["title"] or "", row["text"]
    quotes = store.query(
        f"SELECT article_uid, id, speaker_name, content FROM quotes WHERE article_uid IN ({marks})",
        uids,
    )
    for row in quotes:
        yield "quotes", row["article_uid"], row["id"], row["speaker_name"] or "", row["content"]


def search(
    con: sqlite3.Connection, text: str, *, kind: str = "articles", limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """The best matches of `text` among `kind`, best first (BM25; a title or speaker counts
    twice a word of the body), with a snippet; `total` counts every match."""
    query = fts_query(text)
    if not query:
        return {"items": [], "total": 0, "limit": limit, "offset": offset, "query": query}
    where = "docs MATCH ? AND kind = ?"
    try:
        with closing(con.cursor()) as cur:
            total = cur.execute(f"SELECT count(*) FROM docs WHERE {where}", [query, kind])
            count = int(total.fetchone()[0])
            rows = cur.execute(
                f"""
                SELECT article_uid, ref, title, snippet(docs, 4, '[', ']', '…', 16),
                       bm25(docs, 0, 0, 0, 2.0, 1.0) AS score
                FROM docs WHERE {where} ORDER BY score LIMIT ? OFFSET ?
                """,
                [query, kind, limit, offset],
            ).fetchall()
    except sqlite3.OperationalError:  # an index file from another version, or none
        return {"items": [], "total": 0, "limit": limit, "offset": offset, "query": query}
    items = [
        {"article_uid": uid, "ref": ref, "title": title, "snippet": snip, "score": round(-s, 3)}
        for uid, ref, title, snip, s in rows
    ]
    return {"items": items, "total": count, "limit": limit, "offset": offset, "query": query}


def open_index(db: str) -> sqlite3.Connection | None:
    """The index of `db` for reading, or None when there is none yet."""
    path = index_path(db)
    return connect(path, read_only=True) if path != MEMORY and Path(path).exists() else None
