"""Stored rows back into the output contract: one object per article, as `extract` prints.

`record(store, uid)` is what `/api/articles/{id}` returns under `result` and what
`communique export --format jsonl` writes, so a store round-trips the contract.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Quote
from .db import Store


def find_article(store: Store, ref: str) -> dict[str, Any] | None:
    """The stored article whose uid (content hash) or input id is `ref`."""
    rows = store.query(
        "SELECT * FROM articles WHERE uid = ? OR id = ? ORDER BY uid = ? DESC LIMIT 1",
        [ref, ref, ref],
    )
    return rows[0] if rows else None


def record(store: Store, uid: str) -> dict[str, Any] | None:
    """The contract object of the stored article `uid` (or input id), or None."""
    article = find_article(store, uid)
    if article is None:
        return None
    uid = article["uid"]
    mentions: dict[str, list[dict[str, Any]]] = {}
    for row in store.query(
        "SELECT * FROM mentions WHERE article_uid = ? ORDER BY start_char", [uid]
    ):
        mentions.setdefault(row["actor_id"], []).append(
            {"text": row["text"], "start": row["start_char"], "end": row["end_char"]}
        )
    actors = [
        {
            "id": row["id"],
            "name": row["name"],
            "kind": row["kind"],
            "country": row["country"],
            "sector": row["sector"],
            "code": row["code"],
            "role": row["role"],
            "mentions": mentions.get(row["id"], []),
        }
        for row in _ordered(store, "actors", uid)
    ]
    quotes = [_quote(row) for row in _ordered(store, "quotes", uid)]
    events = [_event(row) for row in _ordered(store, "events", uid)]
    return {
        "article": {
            "id": article["id"],
            "source": article["source"],
            "url": article["url"],
            "published": _iso(article["published"]),
            "title": article["title"],
            "text": article["text"],
        },
        "actors": actors,
        "quotes": quotes,
        "events": events,
        "errors": [],  # a stored article went through; what failed is in the errors table
        "warnings": [
            row["message"]
            for row in store.query(
                "SELECT message FROM errors WHERE article_id = ? AND code LIKE 'W%' "
                "ORDER BY code, key",
                [article["id"]],
            )
        ],
    }


def records(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored article's contract object, oldest first."""
    for row in store.query("SELECT uid FROM articles ORDER BY ingested_at, uid"):
        found = record(store, row["uid"])
        if found is not None:
            yield found


def _ordered(store: Store, table: str, uid: str) -> list[dict[str, Any]]:
    # Record ids are a letter and a number (a1, q12): order by the number.
    return store.query(
        f"SELECT * FROM {table} WHERE article_uid = ? "
        "ORDER BY TRY_CAST(substr(id, 2) AS INTEGER), id",
        [uid],
    )


def span(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    """The span stored as `prefix`, `prefix_start`, `prefix_end`, or None."""
    if row.get(f"{prefix}_start") is None:
        return None
    return {"text": row[prefix], "start": row[f"{prefix}_start"], "end": row[f"{prefix}_end"]}


def _quote(row: dict[str, Any]) -> dict[str, Any]:
    found = {
        "id": row["id"],
        "content": span(row, "content"),
        "kind": row["kind"],
        "cue": span(row, "cue"),
        "speaker_mention": span(row, "speaker_mention"),
        "speaker": row["speaker"],
        "evidence": span(row, "evidence"),
        "anonymous": row["anonymous"],
        "confidence": row["confidence"],
    }
    if "clause" in Quote.__dataclass_fields__:  # added to the contract after 1.0
        found["clause"] = span(row, "clause")
    return found


def _event(row: dict[str, Any]) -> dict[str, Any]:
    location = None
    if row["location_name"] is not None:
        location = {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["lat"],
            "lon": row["lon"],
            "mention": span(row, "location_mention"),
        }
    return {
        "id": row["id"],
        "source": row["source"],
        "target": row["target"],
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "plover": row["plover"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "evidence": span(row, "evidence"),
        "trigger": span(row, "trigger"),
        "date": _iso(row["date"]),
        "date_text": row["date_text"],
        "date_precision": row["date_precision"],
        "period": row["period"],
        "location": location,
        "mode": row["mode"],
        "negated": row["negated"],
        "quote": row["quote"],
        "confidence": row["confidence"],
        "claimed_by": list(row["claimed_by"] or []),
        "denied_by": list(row["denied_by"] or []),
        "confirmed_by": list(row["confirmed_by"] or []),
        "accusation": row["accusation"],
        "denials": list(row["denials"] or []),
        "claim_presumed": bool(row["claim_presumed"]),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
