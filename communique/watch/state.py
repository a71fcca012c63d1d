"""What `communique watch` remembers between rounds and restarts, in the store itself.

- `watch_sources`: per source, the validators of its last answer (ETag, Last-Modified) for
  the next conditional request, when it was last fetched and last fetched well, and the
  last failure with its reason.
- `watch_items`: per item a source listed (a feed entry's link, a sitemap's `<loc>`, a
  file with its size and modification time), what became of it: `stored`, `duplicate`
  (its URL or its text is stored already, or a near-duplicate of a stored article),
  `skipped` (robots.txt disallows it) or `failed` (with the reason; tried again next round);
  `fetched` while its article is on its way into the store, `listed` until then. An item
  listed and not done is tried again next round even when its feed answers 304 (with
  what its listing said of it, kept in `meta`), up to `MAX_ATTEMPTS` failures.
- `watch_alerts`: each (rule, article, event) an alert was sent for, so that it is sent once.

An item handed to `ingest` is `fetched` with the uid its article will have; it counts as
done only once that article is committed. A crash before the commit leaves it to fetch
again; a crash after it, before the mark is written, costs a refetch that `ingest` finds
stored already (its text's uid): never a duplicate, never a loss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Store

# What became of an item; items in DONE are never fetched again, nor one `fetched` (handed
# to `ingest`) whose article was committed.
STORED, DUPLICATE, SKIPPED, FAILED = "stored", "duplicate", "skipped", "failed"
FETCHED, LISTED = "fetched", "listed"
MAX_ATTEMPTS = 5  # a page that failed this many rounds is not tried again
DONE = frozenset({STORED, DUPLICATE, SKIPPED})


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional request sends back: `If-None-Match` and `If-Modified-Since`."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


def validators(store: Store, source: str) -> Validators:
    rows = store.query(
        "SELECT etag, last_modified FROM watch_sources WHERE source = ?", [source]
    )
    return Validators(rows[0]["etag"], rows[0]["last_modified"]) if rows else Validators()


def record_fetch(
    store: Store,
    source: str,
    *,
    kind: str,
    status: str,
    error: str | None = None,
    found: Validators | None = None,
) -> None:
    """A source's last fetch: `status` ("ok", "not modified", "failed"), and on success the
    validators to send next time (kept as they were when the answer had none)."""
    ok = error is None
    with store.transaction() as cur:
        cur.execute(
            """
            INSERT INTO watch_sources AS w (source, kind, etag, last_modified, last_fetched,
                last_ok, last_status, last_error, failures)
            VALUES (?, ?, ?, ?, current_timestamp, CASE WHEN ? THEN current_timestamp END,
                ?, ?, CASE WHEN ? THEN 0 ELSE 1 END)
            ON CONFLICT (source) DO UPDATE SET
                kind = excluded.kind,
                etag = coalesce(excluded.etag, w.etag),
                last_modified = coalesce(excluded.last_modified, w.last_modified),
                last_fetched = excluded.last_fetched,
                last_ok = coalesce(excluded.last_ok, w.last_ok),
                last_status = excluded.last_status,
                last_error = excluded.last_error,
                failures = CASE WHEN ? THEN 0 ELSE w.failures + 1 END
            """,
            [
                source, kind, found.etag if found else None,
                found.last_modified if found else None, ok, status, error, ok, ok,
            ],
        )  # fmt: skip


def done_items(store: Store, source: str) -> set[str]:
    """The items of `source` that need nothing more."""
    rows = store.query(
        """
        SELECT item FROM watch_items WHERE source = ? AND (state IN (?, ?, ?)
            OR (state = ? AND article_uid IN (SELECT uid FROM articles)))
        """,
        [source, *sorted(DONE), FETCHED],
    )
    return {r["item"] for r in rows}


def promote_fetched(store: Store) -> int:
    """Mark `stored` the fetched items whose article is committed; how many were."""
    with store.transaction() as cur:
        row = cur.execute(
            """
            UPDATE watch_items SET state = 'stored', updated = now()
            WHERE state = 'fetched' AND article_uid IN (SELECT uid FROM articles)
            RETURNING 1
            """
        ).fetchall()
    return len(row)


Mark = tuple[str, str, str | None, str, str | None, str | None]


def record_items(store: Store, marks: list[Mark]) -> None:
    """Mark items, each (source, item, url, state, reason, article uid), in one transaction;
    a failure counts an attempt."""
    if not marks:
        return
    with store.transaction() as cur:
        cur.executemany(
            """
            INSERT INTO watch_items AS w (source, item, url, state, reason, attempts, article_uid)
            VALUES (?, ?, ?, ?, ?, CASE WHEN ? = 'failed' THEN 1 ELSE 0 END, ?)
            ON CONFLICT (source, item) DO UPDATE SET
                url = excluded.url, state = excluded.state, reason = excluded.reason,
                attempts = w.attempts + excluded.attempts,
                article_uid = coalesce(excluded.article_uid, w.article_uid),
                updated = now()
            """,
            [(s, i, u, state, reason, state, uid) for s, i, u, state, reason, uid in marks],
        )


def record_listed(store: Store, rows: list[tuple[str, str, str | None, str | None]]) -> None:
    """Note items just listed, each (source, item, url, meta JSON), keeping the state of
    those noted before."""
    if not rows:
        return
    with store.transaction() as cur:
        cur.executemany(
            """
            INSERT INTO watch_items AS w (source, item, url, state, meta) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (source, item) DO UPDATE SET meta = excluded.meta
            """,
            [(s, i, u, LISTED, meta) for s, i, u, meta in rows],
        )


def pending(store: Store, source: str) -> list[dict[str, Any]]:
    """Items of `source` listed before and not done: never fetched, failed (fewer than
    `MAX_ATTEMPTS` times), or fetched with no article committed."""
    return store.query(
        """
        SELECT item, url, meta FROM watch_items WHERE source = ? AND url IS NOT NULL AND (
            state = ? OR (state = ? AND attempts < ?)
            OR (state = ? AND article_uid NOT IN (SELECT uid FROM articles)))
        ORDER BY first_seen, item
        """,
        [source, LISTED, FAILED, MAX_ATTEMPTS, FETCHED],
    )


def stored_urls(store: Store, urls: list[str]) -> set[str]:
    """The `urls` some stored article came from."""
    if not urls:
        return set()
    rows = store.query(
        "SELECT DISTINCT url FROM articles WHERE url IN (SELECT unnest(?::VARCHAR[]))", [urls]
    )
    return {r["url"] for r in rows}


def sources(store: Store) -> list[dict[str, Any]]:
    """Each watched source: its kind, last fetch, last good fetch, last status and error,
    failures in a row, and how many of its items ended in each state."""
    return store.query(
        """
        SELECT w.source, w.kind, w.last_fetched, w.last_ok, w.last_status, w.last_error,
            w.failures,
            count(i.item) FILTER (WHERE i.state = 'stored') AS stored,
            count(i.item) FILTER (WHERE i.state = 'duplicate') AS duplicates,
            count(i.item) FILTER (WHERE i.state = 'skipped') AS skipped,
            count(i.item) FILTER (WHERE i.state = 'failed') AS failed
        FROM watch_sources w LEFT JOIN watch_items i ON i.source = w.source
        GROUP BY ALL ORDER BY w.source
        """
    )


def failures(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """The items that failed last, newest first, with their reasons."""
    return store.query(
        """
        SELECT source, item, url, reason, attempts, updated FROM watch_items
        WHERE state = 'failed' ORDER BY updated DESC, item LIMIT ?
        """,
        [limit],
    )
