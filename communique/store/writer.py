"""`ingest`: extract articles and store them, idempotent by content hash.

Items are read in batches; each batch is one transaction, so a crash loses at
most the batch in flight and a rerun skips every article already stored (its
content hash is in `articles.uid`). An article whose input id is stored with
other text is a changed article: its old rows are replaced in the same
transaction. Failed articles are stored as errors and tried again next time.

Example:
    >>> from communique.ingest import read
    >>> summary = ingest(read(["examples/"]), "news.duckdb")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

import duckdb

from ..ingest import IngestError
from ..model import Article, Result
from . import dedup, search
from .db import Store, open_store
from .rows import Row, Rows, article_uid, is_warning, to_rows
from .schema import PAIR_KEY_SQL

Item = Article | IngestError | Result
T = TypeVar("T")
INSERT_ROWS = 500
BULK_ROWS = 200
_TYPES: dict[str, dict[str, str]] = {}
# Tables cleared when an article is removed or replaced, with the column naming it.
ARTICLE_TABLES = (
    ("actors", "article_uid"),
    ("mentions", "article_uid"),
    ("quotes", "article_uid"),
    ("events", "article_uid"),
    ("minhash_bands", "article_uid"),
    ("article_links", "article_uid"),
    ("article_links", "duplicate_of"),
    ("articles", "uid"),
)


@dataclass(slots=True)
class IngestSummary:
    """What one `ingest` call did; `unchanged` articles were already stored.

    `errors` counts error messages, `failed` the articles they belong to, `warnings`
    the warnings (W1xx) noted on articles that were stored all the same.
    """

    seen: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    quotes: int = 0
    events: int = 0
    errors: int = 0
    failed: int = 0
    warnings: int = 0
    duplicates: int = 0
    batches: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


Extractor = Callable[[Iterable[Article | IngestError]], Iterable[Result]]


def ingest(
    items: Iterable[Item],
    db: Store | str | Path,
    *,
    batch_size: int = 64,
    extractor: Extractor | None = None,
    min_confidence: float = 0.0,
    on_batch: Callable[[IngestSummary], None] | None = None,
    search_index: bool = True,
) -> IngestSummary:
    """Extract and store `items` (articles, ingest errors or ready `Result`s).

    Args:
        items: what `communique.ingest.read` yields, or `Result`s from `extract`.
        db: a `Store` or the path of a DuckDB file (created on first use).
        batch_size: results per transaction.
        extractor: turns articles into results in input order; default
            `communique.pipeline.extract` in this process. `communique.scale`
            (worker processes) and `communique.distributed` (Dask) provide others.
        min_confidence: passed to the default extractor.
        on_batch: called with the running summary after each committed batch.
        search_index: bring the search index beside the database file in line at the end
            (`communique.store.search`; made when missing), so a search right after
            finds what was stored.

    Returns:
        The counts of what was stored, replaced, skipped and failed.
    """
    store = open_store(db)
    summary = IngestSummary()
    if extractor is None:
        from ..pipeline import extract  # spaCy loads only when there is something to extract

        def extractor(raw: Iterable[Article | IngestError]) -> Iterable[Result]:
            return extract(raw, min_confidence=min_confidence)

    todo = _unstored(items, store, summary, batch_size)
    for chunk in _batches(_results(todo, extractor), batch_size):
        write_results(store, chunk, summary)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)
    if search_index:
        search.refresh(store)  # derived data: a crash before this is repaired next time
    return summary


def _unstored(
    items: Iterable[Item], store: Store, summary: IngestSummary, batch_size: int
) -> Iterator[Item]:
    """The items whose text is not stored yet (nor seen before in this run), lazily."""
    seen: set[str] = set()
    for chunk in _batches(items, batch_size):
        summary.seen += len(chunk)
        texts = [_text(item) for item in chunk]
        known = _stored_uids(store, {article_uid(t) for t in texts if t}) | seen
        for item, text in zip(chunk, texts, strict=True):
            if text:
                uid = article_uid(text)
                if uid in known:
                    summary.unchanged += 1
                    continue
                known.add(uid)
                seen.add(uid)  # the same text twice in one run is stored once
            yield item


def _results(items: Iterator[Item], extractor: Extractor) -> Iterator[Result]:
    """Ready results pass through; articles and errors go through `extractor`.

    Storage does not depend on order, so a ready result is yielded as soon as the
    extractor has pulled past it.
    """
    ready: list[Result] = []

    def raw_items() -> Iterator[Article | IngestError]:
        for item in items:
            if isinstance(item, Result):
                ready.append(item)
            else:
                yield item

    for result in extractor(raw_items()):
        yield from _drain(ready)
        yield result
    yield from _drain(ready)


def _drain(ready: list[Result]) -> Iterator[Result]:
    """The ready results in input order (a later version of an id must come later)."""
    while ready:
        yield ready.pop(0)


def write_results(
    store: Store, results: Iterable[Result], summary: IngestSummary | None = None
) -> IngestSummary:
    """Store `results` in one transaction, replacing earlier versions of their articles."""
    summary = summary if summary is not None else IngestSummary()
    batch = [to_rows(result) for result in results]
    stored, errors, replaced = _last_versions(batch)
    with store.transaction() as cur:
        for rows in stored:
            replaced += _remove_old(cur, rows)
        for table in ("articles", "actors", "mentions", "quotes", "events"):
            _insert(cur, table, [row for rows in stored for row in getattr(rows, table)])
        _set_pair_keys(cur, [str(rows.uid) for rows in stored])
        _insert(cur, "errors", errors, on_conflict="ON CONFLICT DO NOTHING")
        summary.duplicates += dedup.link_batch(
            cur, [(str(rows.uid), rows.articles[0]["text"]) for rows in stored]
        )
    summary.replaced += replaced
    summary.stored += sum(rows.uid is not None for rows in batch)
    summary.quotes += sum(len(rows.quotes) for rows in batch if rows.uid is not None)
    summary.events += sum(len(rows.events) for rows in batch if rows.uid is not None)
    problems = [row for row in errors if not is_warning(row)]
    summary.errors += len(problems)
    summary.failed += len({row["article_id"] for row in problems})
    summary.warnings += len(errors) - len(problems)
    return summary


def _last_versions(batch: list[Rows]) -> tuple[list[Rows], list[Row], int]:
    """What storing the batch one result at a time would leave, however it is batched.

    A later version of an article id (a duplicate id with other text) replaces an
    earlier one and clears its earlier errors, as it does across batches; returns the
    rows to store, the errors to store and how many versions were replaced.
    """
    stored: dict[str, Rows] = {}
    errors: list[Row] = []
    replaced = 0
    for rows in batch:
        if rows.uid is not None:
            replaced += stored.pop(rows.article_id, None) is not None
            stored[rows.article_id] = rows
            errors = [row for row in errors if row["article_id"] != rows.article_id]
        errors.extend(rows.errors)
    return list(stored.values()), errors, replaced


def delete_article(cur: duckdb.DuckDBPyConnection, uid: str) -> None:
    """Remove every row of the stored article `uid` (inside the caller's transaction)."""
    for table, column in ARTICLE_TABLES:
        cur.execute(f"DELETE FROM {table} WHERE {column} = ?", [uid])


def _remove_old(cur: duckdb.DuckDBPyConnection, rows: Rows) -> int:
    """Clear older versions of the article and its past errors; 1 when one was replaced."""
    old = [
        row[0]
        for row in cur.execute(
            "SELECT uid FROM articles WHERE id = ? OR uid = ?", [rows.article_id, rows.uid]
        ).fetchall()
    ]
    for uid in old:
        delete_article(cur, uid)
    cur.execute("DELETE FROM errors WHERE article_id = ?", [rows.article_id])
    return int(any(uid != rows.uid for uid in old))


def _set_pair_keys(cur: duckdb.DuckDBPyConnection, uids: list[str]) -> None:
    if not uids:
        return
    pair = PAIR_KEY_SQL.format(a="source_key", b="target_key")
    cur.execute(
        f"UPDATE events SET pair_key = {pair} WHERE article_uid IN (SELECT unnest(?::VARCHAR[]))"
        " AND source_key IS NOT NULL AND target_key IS NOT NULL",
        [uids],
    )


def _insert(
    cur: duckdb.DuckDBPyConnection, table: str, rows: list[Row], *, on_conflict: str = ""
) -> None:
    if not rows:
        return
    columns = list(rows[0])
    if len(rows) >= BULK_ROWS and not on_conflict:
        _insert_bulk(cur, table, columns, rows)
        return
    names = ", ".join(columns)
    one_row = "(" + ", ".join("?" for _ in columns) + ")"
    for start in range(0, len(rows), INSERT_ROWS):
        chunk = rows[start : start + INSERT_ROWS]
        values = ", ".join(one_row for _ in chunk)
        sql = f"INSERT INTO {table} ({names}) VALUES {values} {on_conflict}"
        cur.execute(sql, [row[c] for row in chunk for c in columns])


def _insert_bulk(
    cur: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[Row]
) -> None:
    """Many rows through a JSON Lines file DuckDB reads itself.

    Binding parameters costs DuckDB's Python API microseconds per value, which made
    writing slower than extracting; its JSON reader loads the same rows ~10x faster.
    Table and column names come from the schema, never from input.
    """
    types = _column_types(cur, table)
    spec = ", ".join(f"'{c}': '{types[c]}'" for c in columns)
    names = ", ".join(columns)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        handle.flush()
        path = handle.name.replace("'", "''")
        cur.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM read_json('{path}', "
            f"format = 'newline_delimited', columns = {{{spec}}})"
        )


def _column_types(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    if table not in _TYPES:
        found = cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
            [table],
        ).fetchall()
        _TYPES[table] = {name: kind for name, kind in found}
    return _TYPES[table]


def _stored_uids(store: Store, uids: set[str]) -> set[str]:
    if not uids:
        return set()
    marks = ", ".join("?" for _ in uids)
    rows = store.query(f"SELECT uid FROM articles WHERE uid IN ({marks})", sorted(uids))
    return {row["uid"] for row in rows}


def _text(item: Item) -> str:
    if isinstance(item, Result):
        return "" if item.errors else item.article.text
    return item.text if isinstance(item, Article) else ""


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, max(size, 1))):
        yield chunk
