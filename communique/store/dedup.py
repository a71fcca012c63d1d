"""Near-duplicate articles: the same story republished by several outlets.

Each stored article gets a MinHash of its word 5-shingles (datasketch); the
signature is cut into LSH bands whose keys are stored in `minhash_bands`, so
candidates are found with one indexed query however large the store grows.
Candidates are confirmed by the exact Jaccard similarity of their shingles, and
a confirmed article is linked to the first stored copy in `article_links`.
Events keep every article as evidence; analytics count an event once by its
`event_key` (see `communique.store.rows`).
"""

from __future__ import annotations

import re

import duckdb
from datasketch import MinHash

from ..model import content_id

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: candidates from a Jaccard similarity of about 0.5
THRESHOLD = 0.7  # exact shingle Jaccard similarity that makes a near-duplicate
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """Word 5-grams of the lower-cased text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def band_keys(text: str) -> list[str]:
    """The LSH band keys of the text's MinHash."""
    found = shingles(text)
    if not found:
        return []
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(found)])
    values = [int(v) for v in minhash.hashvalues]
    rows = NUM_PERM // BANDS
    return [
        content_id(f"{band}:" + ",".join(map(str, values[band * rows : (band + 1) * rows])))
        for band in range(BANDS)
    ]


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def link_batch(cur: duckdb.DuckDBPyConnection, articles: list[tuple[str, str]]) -> int:
    """Store the articles' bands and link each to an earlier near-duplicate, if any.

    Runs inside the writer's transaction, with one query for the candidates of the
    whole batch (a query per article cost more than extracting it). `articles` are
    (uid, text) in ingest order; returns how many were linked.
    """
    keyed = [(uid, text, band_keys(text)) for uid, text in articles]
    wanted = sorted({key for _, _, keys in keyed for key in keys})
    owners: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    if wanted:
        marks = ", ".join("?" for _ in wanted)
        found = cur.execute(
            f"""
            SELECT b.band, a.uid, a.text
            FROM minhash_bands b JOIN articles a ON a.uid = b.article_uid
            WHERE b.band IN ({marks}) ORDER BY a.ingested_at, a.uid
            """,
            wanted,
        ).fetchall()
        for band, other, text in found:
            owners.setdefault(band, []).append(other)
            texts[other] = text
    links: list[tuple[str, str, float]] = []
    canonical: dict[str, str] = {}
    for uid, text, keys in keyed:
        match = _best_candidate(uid, text, keys, owners, texts)
        if match is not None:
            other, similarity = match
            target = canonical.get(other) or _stored_canonical(cur, other) or other
            canonical[uid] = target
            links.append((uid, target, round(similarity, 4)))
        for key in keys:  # later articles in the batch may duplicate this one
            owners.setdefault(key, []).append(uid)
        texts[uid] = text
    _insert_pairs(
        cur, "minhash_bands (article_uid, band)", [(u, k) for u, _, ks in keyed for k in ks]
    )
    if links:
        values = ", ".join("(?, ?, ?)" for _ in links)
        cur.execute(f"INSERT INTO article_links VALUES {values}", [v for row in links for v in row])
    return len(links)


def _best_candidate(
    uid: str, text: str, keys: list[str], owners: dict[str, list[str]], texts: dict[str, str]
) -> tuple[str, float] | None:
    """The first stored candidate sharing a band whose shingles are similar enough."""
    seen: list[str] = []
    for key in keys:
        for other in owners.get(key, ()):
            if other != uid and other not in seen:
                seen.append(other)
    own = shingles(text)
    for other in seen:
        similarity = jaccard(own, shingles(texts[other]))
        if similarity >= THRESHOLD:
            return other, similarity
    return None


def _stored_canonical(cur: duckdb.DuckDBPyConnection, uid: str) -> str | None:
    row = cur.execute(
        "SELECT duplicate_of FROM article_links WHERE article_uid = ?", [uid]
    ).fetchone()
    return str(row[0]) if row else None


def _insert_pairs(
    cur: duckdb.DuckDBPyConnection, target: str, pairs: list[tuple[str, str]]
) -> None:
    for start in range(0, len(pairs), 1000):
        chunk = pairs[start : start + 1000]
        values = ", ".join("(?, ?)" for _ in chunk)
        cur.execute(f"INSERT INTO {target} VALUES {values}", [v for pair in chunk for v in pair])


def stored_near_duplicate(cur: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """The uid of a stored article `text` nearly duplicates (or duplicates), or None:
    for a caller that skips such texts instead of storing and linking them."""
    keys = band_keys(text)
    if not keys:
        return None
    marks = ", ".join("?" for _ in keys)
    found = cur.execute(
        f"""
        SELECT DISTINCT a.uid, a.text, a.ingested_at
        FROM minhash_bands b JOIN articles a ON a.uid = b.article_uid
        WHERE b.band IN ({marks}) ORDER BY a.ingested_at, a.uid
        """,
        keys,
    ).fetchall()
    own = shingles(text)
    for uid, other, _ in found:
        if jaccard(own, shingles(other)) >= THRESHOLD:
            return str(uid)
    return None
