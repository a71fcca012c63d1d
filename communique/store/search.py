"""Ranked full-text search over articles, quotes and event evidence: SQLite FTS5 from
Python's own sqlite3 (nothing to download), BM25 ranking, Porter stemming, "quoted phrases".

The index is derived data in a file beside the database (`news.duckdb.search`), brought in
line with the store by `sync`, which `communique.store.ingest` runs at its end: articles
stored since are added, replaced or deleted ones removed, each article's rows (the article,
its quotes, its events' evidence sentences) as one block of rowids noted in `indexed`, so a
rerun neither doubles nor drops rows. A crash between the store's commit and the index's
leaves the index behind, never wrong for long: the next sync repairs it. An index file of
another `VERSION` is rebuilt by the next sync.

`search` answers `communique search` and `/api/search`; `matches` gives every match with its
score, which the listings' text filters (`communique quotes --search`, `/api/quotes?q=`)
join with their other filters (`communique.analytics`).

    >>> fts_query('talks "foreign ministry" -')
    '"talks" "foreign ministry"'
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from itertools import groupby
from pathlib import Path
from typing import Any

from .db import MEMORY, Store

log = logging.getLogger(__name__)

KINDS = ("articles", "quotes")  # what `communique search` and /api/search rank
INDEXED_KINDS = (*KINDS, "events")  # events: their evidence sentences, for the listings' filter
VERSION = "2"  # of the index's layout; a file of another version is rebuilt
_SCHEMA = (
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
        kind, article_uid UNINDEXED, ref UNINDEXED, title, body,
        tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    # Each indexed article's rows are one block of rowids in docs: removed by range.
    "CREATE TABLE IF NOT EXISTS indexed (article_uid TEXT PRIMARY KEY, first INT, last INT)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
)
# BM25 with a title (an article's title, a quote's speaker) counting twice a word of the body.
_SCORE = "bm25(docs, 0, 0, 0, 2.0, 1.0)"
# The kind is a word of its own column, matched by the index itself: a filter on a column
# the index does not hold would read every match's row (3-30x slower on common words).
_MATCH = "kind : {kind} AND {{title body}} : ({terms})"
_TERM = re.compile(r'"([^"]+)"|([^\W_]+)')
_BATCH = 500

Doc = tuple[str, str, str, str, str]  # kind, article uid, ref, title, body


def index_path(db: str) -> str:
    """The index file of the database `db` (":memory:" for an in-memory store)."""
    return MEMORY if db == MEMORY else f"{db}.search"


def connect(path: str, *, read_only: bool = False) -> sqlite3.Connection:
    """The index at `path`; when writable, created, or emptied when it has another layout."""
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con = sqlite3.connect(path, check_same_thread=False)
    with con:
        if not _current(con):
            con.execute("DROP TABLE IF EXISTS docs")
            con.execute("DROP TABLE IF EXISTS indexed")
        for statement in _SCHEMA:
            con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", [VERSION])
    return con


def _current(con: sqlite3.Connection) -> bool:
    """Whether the file at `con` is empty or has this version's layout."""
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master")}
    if "docs" not in tables:
        return True
    if "meta" not in tables:
        return False
    row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return row is not None and row[0] == VERSION


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
    indexed = {uid for (uid,) in con.execute("SELECT article_uid FROM indexed")}
    gone, new = sorted(indexed - stored), sorted(stored - indexed)
    with con:
        for uid in gone:
            _remove(con, uid)
        for start in range(0, len(new), _BATCH):
            add_rows(con, _rows(store, new[start : start + _BATCH]))
    return len(new), len(gone)


def refresh(store: Store) -> tuple[int, int] | None:
    """`sync` the index beside the file of `store` (made when missing); None for an
    in-memory store, or when the index cannot be written (logged: the next sync repairs)."""
    if store.path == MEMORY:
        return None
    try:
        with closing(connect(index_path(store.path))) as con:
            return sync(store, con)
    except sqlite3.Error as error:
        log.warning("search index %s not updated: %s", index_path(store.path), error)
        return None


def add_rows(con: sqlite3.Connection, rows: Iterable[Doc]) -> None:
    """Index rows (kind, article uid, ref, title, body), each article's rows together: an
    article's ref is its id, a quote's or an event's its id in the article. An article
    indexed before is replaced, never doubled."""
    (last,) = con.execute("SELECT coalesce(max(last), 0) FROM indexed").fetchone()
    for uid, docs in groupby(rows, key=lambda doc: doc[1]):
        _remove(con, uid)
        block = [(last + n, *doc) for n, doc in enumerate(docs, start=1)]
        con.executemany(
            "INSERT INTO docs (rowid, kind, article_uid, ref, title, body) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            block,
        )
        con.execute("INSERT INTO indexed VALUES (?, ?, ?)", [uid, last + 1, last + len(block)])
        last += len(block)


def _remove(con: sqlite3.Connection, uid: str) -> None:
    found = con.execute("SELECT first, last FROM indexed WHERE article_uid = ?", [uid]).fetchone()
    if found is not None:
        con.execute("DELETE FROM docs WHERE rowid BETWEEN ? AND ?", found)
        con.execute("DELETE FROM indexed WHERE article_uid = ?", [uid])


def _rows(store: Store, uids: list[str]) -> Iterator[Doc]:
    """The index rows of the stored articles `uids`, article by article."""
    by_article: dict[str, list[Doc]] = {uid: [] for uid in uids}
    queries = (
        ("articles", "SELECT uid, id, coalesce(title, ''), text FROM articles WHERE uid"),
        (
            "quotes",
            "SELECT article_uid, id, coalesce(speaker_name, ''), content FROM quotes "
            "WHERE article_uid",
        ),
        (
            "events",
            "SELECT article_uid, id, '', coalesce(evidence, '') FROM events WHERE article_uid",
        ),
    )
    with store.cursor() as cur:
        for kind, sql in queries:
            found = cur.execute(f"{sql} IN (SELECT unnest(?::VARCHAR[]))", [uids]).fetchall()
            for uid, ref, title, body in found:
                by_article[uid].append((kind, uid, ref, title, body))
    for docs in by_article.values():
        yield from docs


def search(
    con: sqlite3.Connection, text: str, *, kind: str = "articles", limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """The best matches of `text` among `kind`, best first (BM25; a title or speaker counts
    twice a word of the body), with a snippet; `total` counts every match."""
    query = fts_query(text)
    if not query:
        return {"items": [], "total": 0, "limit": limit, "offset": offset, "query": query}
    match = _match(kind, query)
    try:
        with closing(con.cursor()) as cur:
            total = cur.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", [match])
            count = int(total.fetchone()[0])
            rows = cur.execute(
                f"""
                SELECT article_uid, ref, title, snippet(docs, 4, '[', ']', '…', 16),
                       {_SCORE} AS score
                FROM docs WHERE docs MATCH ? ORDER BY score LIMIT ? OFFSET ?
                """,
                [match, limit, offset],
            ).fetchall()
    except sqlite3.OperationalError:  # an index file from another version, or none
        return {"items": [], "total": 0, "limit": limit, "offset": offset, "query": query}
    items = [
        {"article_uid": uid, "ref": ref, "title": title, "snippet": snip, "score": round(-s, 3)}
        for uid, ref, title, snip, s in rows
    ]
    return {"items": items, "total": count, "limit": limit, "offset": offset, "query": query}


def matches(con: sqlite3.Connection, text: str, kind: str) -> list[tuple[str, str, float]]:
    """Every (article uid, ref, score) of `kind` that matches `text`, unordered; higher
    scores are better matches (BM25, as `search` ranks)."""
    query = fts_query(text)
    if not query:
        return []
    try:
        with closing(con.cursor()) as cur:
            return cur.execute(
                f"SELECT article_uid, ref, -{_SCORE} FROM docs WHERE docs MATCH ?",
                [_match(kind, query)],
            ).fetchall()
    except sqlite3.OperationalError:  # an index file from another version
        return []


def _match(kind: str, query: str) -> str:
    """The FTS5 expression for the `fts_query` `query` among the rows of `kind`."""
    if kind not in INDEXED_KINDS:
        raise ValueError(f"kind must be one of {', '.join(INDEXED_KINDS)}, not {kind!r}")
    return _MATCH.format(kind=kind, terms=query)


def open_index(db: str) -> sqlite3.Connection | None:
    """The index of `db` for reading, or None when there is none yet (or only one of
    another version, which the next ingest rebuilds)."""
    path = index_path(db)
    if path == MEMORY or not Path(path).exists():
        return None
    con = connect(path, read_only=True)
    try:
        usable = _current(con) and _has_docs(con)
    except sqlite3.DatabaseError:  # not an SQLite file
        usable = False
    if not usable:
        con.close()
        return None
    return con


def _has_docs(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = 'docs'").fetchone() is not None
