"""How fast is a dyad time series over 1 million events in DuckDB?

    python bench/dyad_query.py                 # 1,000,000 events, in memory
    python bench/dyad_query.py --events 5000000 --db /tmp/bench.duckdb

Fills the store's real schema with synthetic events (200 actors in 40 countries,
3 years, a quarter of the events reported twice so that de-duplication by
`event_key` has work to do), then times `communique.analytics.dyad` for one
country pair by month and by week and prints the median of several runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from communique import analytics
from communique.store import Store
from communique.store.filters import EventFilters
from communique.store.schema import PAIR_KEY_SQL

ACTORS = 200
COUNTRIES = 40


def fill(store: Store, events: int) -> None:
    """Synthetic articles, actors and events, generated inside DuckDB."""
    with store.transaction() as cur:
        cur.execute(
            """
            INSERT INTO actors (article_uid, id, key, name, kind, country, sector, code, n_mentions)
            SELECT 'bench', 'a' || i, 'k' || i, 'Actor ' || i, 'organisation',
                   'C' || lpad(CAST(i % ? AS VARCHAR), 2, '0'), 'GOV',
                   'C' || lpad(CAST(i % ? AS VARCHAR), 2, '0') || 'GOV', 1
            FROM range(?) t(i)
            """,
            [COUNTRIES, COUNTRIES, ACTORS],
        )
        cur.execute(
            """
            INSERT INTO articles (uid, id, text, published)
            SELECT 'art' || i, 'art' || i, 'synthetic',
                   DATE '2022-01-01' + CAST(i % 1095 AS INTEGER)
            FROM range(?) t(i)
            """,
            [events // 10 + 1],
        )
        cur.execute(
            """
            INSERT INTO events (article_uid, id, event_key, source, source_key, source_name,
                                source_code, source_country, target, target_key, target_name,
                                target_code, target_country, cameo, cameo_root, plover,
                                quad_class, goldstein, day, mode, negated, confidence)
            SELECT 'art' || (i // 10), 'e' || (i % 10),
                   'ev' || CASE WHEN i % 4 = 0 THEN i - 1 ELSE i END,
                   'a' || s, 'k' || s, 'Actor ' || s,
                   'C' || lpad(CAST(s % 40 AS VARCHAR), 2, '0') || 'GOV',
                   'C' || lpad(CAST(s % 40 AS VARCHAR), 2, '0'),
                   'a' || t, 'k' || t, 'Actor ' || t,
                   'C' || lpad(CAST(t % 40 AS VARCHAR), 2, '0') || 'GOV',
                   'C' || lpad(CAST(t % 40 AS VARCHAR), 2, '0'),
                   lpad(CAST(1 + q * 4 + (i % 3) AS VARCHAR), 2, '0') || '1',
                   lpad(CAST(1 + q * 4 + (i % 3) AS VARCHAR), 2, '0'),
                   'CONSULT', q + 1, 8.0 - q * 5 + (i % 3),
                   DATE '2022-01-01' + CAST(i % 1095 AS INTEGER),
                   'asserted', false, 0.8
            FROM (SELECT i, hash(i) % 200 AS s, hash(i * 7 + 3) % 200 AS t, hash(i * 13) % 4 AS q
                  FROM range(?) r(i))
            """,
            [events],
        )
        pair = PAIR_KEY_SQL.format(a="source_key", b="target_key")
        cur.execute(f"UPDATE events SET pair_key = {pair}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default=":memory:")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    store = Store(args.db)
    started = time.perf_counter()
    fill(store, args.events)
    print(f"filled {args.events:,} events in {time.perf_counter() - started:.1f} s")
    total = store.scalar("SELECT count(*) FROM events")
    distinct = store.scalar("SELECT count(DISTINCT event_key) FROM events")
    print(f"events stored: {total:,} reports, {distinct:,} distinct")
    filters = EventFilters(mode="asserted", include_negated=False)
    for interval in ("month", "week", "day"):
        analytics.dyad(store, "C01", "C02", interval=interval, filters=filters)  # warm up
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            series = analytics.dyad(store, "C01", "C02", interval=interval, filters=filters)
            times.append((time.perf_counter() - t0) * 1000)
        counted = sum(row["events"] for row in series)
        print(
            f"dyad C01-C02 by {interval}: median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms over {args.runs} runs "
            f"({len(series)} periods, {counted:,} distinct events)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
