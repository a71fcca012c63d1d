"""Exports: JSON Lines (the output contract), CSV and Parquet tables, GDELT-style events,
PLOVER JSON records. Columns of the GDELT-style table and PLOVER records: docs/store.md.

CSV and Parquet are written by DuckDB's own `COPY ... TO` (no pandas or pyarrow).

Example:
    >>> export(Store("news.duckdb"), "gdelt", "events.tsv")  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..events.ontology import code_info
from .contract import records
from .db import Store
from .errors import StoreError, StoreErrors
from .filters import EventFilters

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = ("events", "quotes", "actors", "mentions", "articles", "errors")
STDOUT = "-"

# The contested side of each actor pair, which asserted events leave out: distinct alleged
# acts between the two (one did it to the other, or the other claims it), and how many of
# them somebody denies or confirms; as `communique dyad` counts them, over the whole store.
DYAD_CLAIMS_CTE = """
WITH alleged_sides AS (
    SELECT event_key, source_key AS a, target_key AS b, denied_by, confirmed_by
    FROM events WHERE mode = 'alleged'
    UNION ALL
    SELECT e.event_key, e.source_key, c.key, e.denied_by, e.confirmed_by
    FROM events e JOIN actors c
      ON c.article_uid = e.article_uid AND list_contains(e.claimed_by, c.id)
    WHERE e.mode = 'alleged'
), dyad_claims AS (
    SELECT least(a, b) AS lo, greatest(a, b) AS hi,
           count(DISTINCT event_key) AS alleged,
           count(DISTINCT event_key) FILTER (WHERE len(denied_by) > 0) AS denied,
           count(DISTINCT event_key) FILTER (WHERE len(confirmed_by) > 0) AS confirmed
    FROM alleged_sides WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b GROUP BY 1, 2
)
"""
DYAD_CLAIMS_JOIN = """
LEFT JOIN dyad_claims dc
  ON dc.lo = least(e.source_key, e.target_key) AND dc.hi = greatest(e.source_key, e.target_key)
"""

# One row per distinct asserted, non-negated event, named as in GDELT 2.0's event table,
# with the dyad's claims counts after them.
GDELT_SQL = (
    DYAD_CLAIMS_CTE
    + """
SELECT e.event_key AS GlobalEventID,
       CAST(strftime(e.day, '%Y%m%d') AS INTEGER) AS Day,
       CAST(strftime(e.day, '%Y%m') AS INTEGER) AS MonthYear,
       year(e.day) AS Year,
       round(year(e.day) + (dayofyear(e.day) - 1) / 365.0, 4) AS FractionDate,
       e.source_code AS Actor1Code, e.source_name AS Actor1Name,
       e.source_country AS Actor1CountryCode, s.sector AS Actor1Type1Code,
       e.target_code AS Actor2Code, e.target_name AS Actor2Name,
       e.target_country AS Actor2CountryCode, t.sector AS Actor2Type1Code,
       e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode, e.cameo_root AS EventRootCode,
       e.quad_class AS QuadClass, e.goldstein AS GoldsteinScale,
       g.mentions AS NumMentions, g.sources AS NumSources, g.articles AS NumArticles,
       CAST(NULL AS DOUBLE) AS AvgTone,
       e.location_name AS ActionGeo_FullName, e.location_country AS ActionGeo_CountryCode,
       e.lat AS ActionGeo_Lat, e.lon AS ActionGeo_Long,
       CAST(strftime(a.ingested_at, '%Y%m%d') AS INTEGER) AS DATEADDED,
       coalesce(a.url, a.id) AS SOURCEURL,
       coalesce(dc.alleged, 0) AS DyadAlleged, coalesce(dc.denied, 0) AS DyadDenied,
       coalesce(dc.confirmed, 0) AS DyadConfirmed
FROM (SELECT *, row_number() OVER (PARTITION BY event_key ORDER BY article_uid, id) AS rank
      FROM events e WHERE {where}) e
JOIN (SELECT event_key, count(*) AS mentions, count(DISTINCT ev.article_uid) AS articles,
             count(DISTINCT coalesce(ar.source, ar.uid)) AS sources
      FROM events ev JOIN articles ar ON ar.uid = ev.article_uid GROUP BY event_key) g
  ON g.event_key = e.event_key
JOIN articles a ON a.uid = e.article_uid
LEFT JOIN actors s ON s.article_uid = e.article_uid AND s.id = e.source
LEFT JOIN actors t ON t.article_uid = e.article_uid AND t.id = e.target"""
    + DYAD_CLAIMS_JOIN
    + """
WHERE e.rank = 1 AND e.day IS NOT NULL AND e.mode = 'asserted' AND NOT e.negated
ORDER BY e.day, e.event_key
"""
)


def export(
    store: Store,
    fmt: str,
    out: str | Path = STDOUT,
    *,
    table: str = "events",
    filters: EventFilters | None = None,
    stream: IO[str] | None = None,
) -> int:
    """Write the store (or one table, or the filtered events) to `out`; returns rows written.

    `fmt` is one of FORMATS; `table` is used by csv and parquet; `filters` narrow
    events for csv, parquet, gdelt and plover. `out` "-" is standard output
    (not for parquet), or `stream` when given.
    """
    if fmt not in FORMATS:
        raise StoreError(StoreErrors.E304.format(value=fmt, choices=", ".join(FORMATS)))
    if table not in TABLES:
        raise StoreError(StoreErrors.E305.format(value=table, choices=", ".join(TABLES)))
    filters = filters or EventFilters()
    if fmt == "jsonl":
        return _write_lines(
            out, (json.dumps(r, ensure_ascii=False) for r in records(store)), stream
        )
    if fmt == "plover":
        lines = (json.dumps(r, ensure_ascii=False) for r in plover_records(store, filters))
        return _write_lines(out, lines, stream)
    where = filters.where("e")
    if fmt == "gdelt":
        sql = GDELT_SQL.format(where=where.sql)
        options = "(FORMAT csv, HEADER, DELIMITER '\t')"
        return _copy(store, sql, where.params, out, options, stream)
    sql = f"SELECT * FROM {table}" + (f" e WHERE {where.sql}" if table == "events" else "")
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
    return _copy(store, sql, where.params if table == "events" else [], out, options, stream)


def plover_records(store: Store, filters: EventFilters | None = None) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record per distinct event, with every reporting article as evidence."""
    where = (filters or EventFilters()).where("e")
    rows = store.query(
        f"""
        {DYAD_CLAIMS_CTE}
        SELECT e.*, a.id AS article_id, a.source AS article_source, a.url AS article_url,
               a.title AS article_title, a.published AS article_published,
               coalesce(dc.alleged, 0) AS dyad_alleged, coalesce(dc.denied, 0) AS dyad_denied,
               coalesce(dc.confirmed, 0) AS dyad_confirmed
        FROM events e JOIN articles a ON a.uid = e.article_uid {DYAD_CLAIMS_JOIN}
        WHERE {where.sql} AND e.event_key IN (SELECT event_key FROM events e WHERE {where.sql})
        ORDER BY e.day NULLS LAST, e.event_key, e.article_uid
        """,
        [*where.params, *where.params],
    )
    current: dict[str, Any] | None = None
    for row in rows:
        if current is None or current["id"] != row["event_key"]:
            if current is not None:
                yield current
            current = _plover(row)
        current["sources"].append(
            {
                "article_id": row["article_id"],
                "source": row["article_source"],
                "url": row["article_url"],
                "title": row["article_title"],
                "published": _iso(row["article_published"]),
                "text": row["evidence"],
            }
        )
    if current is not None:
        yield current


def _plover(row: dict[str, Any]) -> dict[str, Any]:
    info = code_info(row["cameo"])
    return {
        "id": row["event_key"],
        "event_date": _iso(row["day"]),
        "event_type": row["plover"],
        "event_mode": info.plover_mode,
        "event_text": row["evidence"],
        "source_actor": row["source_name"],
        "source_code": row["source_code"],
        "source_country": row["source_country"],
        "target_actor": row["target_name"],
        "target_code": row["target_code"],
        "target_country": row["target_country"],
        "cameo": row["cameo"],
        "cameo_name": info.name,
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "mode": row["mode"],
        "negated": row["negated"],
        "location": {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
        if row["location_name"]
        else None,
        "dyad_claims": {
            "alleged": row["dyad_alleged"],
            "denied": row["dyad_denied"],
            "confirmed": row["dyad_confirmed"],
        },
        "sources": [],
    }


def _copy(
    store: Store,
    sql: str,
    params: list[Any],
    out: str | Path,
    options: str,
    stream: IO[str] | None,
) -> int:
    count = int(store.scalar(f"SELECT count(*) FROM ({sql})", params))
    if str(out) == STDOUT:
        if "parquet" in options:
            message = StoreErrors.E306.format(
                field="--out", expected="a file for parquet", value=str(out)
            )
            raise StoreError(message)
        delimiter = "\t" if "DELIMITER" in options else ","
        _write_csv(store, sql, params, stream or sys.stdout, delimiter)
        return count
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    # COPY takes no parameter for its target: the path is quoted as an SQL string literal.
    target = "'" + str(path).replace("'", "''") + "'"
    with store.cursor() as cur:
        cur.execute(f"COPY ({sql}) TO {target} {options}", params)
    return count


def _write_csv(store: Store, sql: str, params: list[Any], file: IO[str], delimiter: str) -> None:
    with store.cursor() as cur:
        result = cur.execute(sql, params)
        writer = csv.writer(file, delimiter=delimiter, lineterminator="\n")
        writer.writerow([d[0] for d in result.description or []])
        while batch := result.fetchmany(1000):
            writer.writerows(batch)


def _write_lines(out: str | Path, lines: Iterator[str], stream: IO[str] | None) -> int:
    count = 0
    if str(out) == STDOUT:
        for line in lines:
            (stream or sys.stdout).write(line + "\n")
            count += 1
        return count
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        for line in lines:
            file.write(line + "\n")
            count += 1
    return count


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
