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
    for shingle in sorted(found):
        minhash.update(shingle.encode("utf-8"))
    values = [int(v) for v in minhash.hashvalues]
    rows = NUM_PERM // BANDS
    return [
        content_id(f"{band}:" + ",".join(map(str, values[band * rows : (band + 1) * rows])))
        for band in range(BANDS)
    ]


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def link(cur: duckdb.DuckDBPyConnection, uid: str, text: str) -> tuple[str, float] | None:
    """Store the article's bands and link it to an earlier near-duplicate, if any.

    Runs inside the writer's transaction. Returns (duplicate_of, similarity) or None.
    """
    keys = band_keys(text)
    if not keys:
        return None
    marks = ", ".join("?" for _ in keys)
    candidates = cur.execute(
        f"""
        SELECT a.uid, a.text FROM articles a
        WHERE a.uid IN (SELECT DISTINCT article_uid FROM minhash_bands WHERE band IN ({marks}))
          AND a.uid <> ?
        ORDER BY a.ingested_at, a.uid
        """,
        [*keys, uid],
    ).fetchall()
    cur.executemany(
        "INSERT INTO minhash_bands (article_uid, band) VALUES (?, ?)", [[uid, k] for k in keys]
    )
    own = shingles(text)
    for other_uid, other_text in candidates:
        similarity = jaccard(own, shingles(other_text))
        if similarity >= THRESHOLD:
            canonical = cur.execute(
                "SELECT duplicate_of FROM article_links WHERE article_uid = ?", [other_uid]
            ).fetchone()
            target = canonical[0] if canonical else other_uid
            cur.execute(
                "INSERT INTO article_links VALUES (?, ?, ?)",
                [uid, target, round(similarity, 4)],
            )
            return target, similarity
    return None
