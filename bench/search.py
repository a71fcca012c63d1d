"""Ranked full-text search at scale: index N synthetic articles and time typical queries.

    python bench/search.py                 # 100,000 articles
    python bench/search.py --n 10000 --repeat 5
    python bench/search.py --listing       # also the listings' text filter over a store

The articles come from `bench/corpus.py` (the examples recombined, countries swapped); the
index is the one `communique ingest` keeps (`communique/store/search.py`, SQLite FTS5),
filled directly here, since parsing 100,000 articles would take an hour. Each query asks for
the 20 best matches with their snippets and the count of all matches, as `communique search`
and `/api/search` do; the figure is the slowest of `--repeat` runs.

`--listing` also stores the same articles (no extraction: only their rows in `articles`) in a
DuckDB store and times the listing's text filter through the index (`communique.analytics.
articles(text=..., index=...)`, what `/api/articles?q=` answers): every match of the index
joined with the store, the first page of 50 best first and the count.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import synthetic_articles  # noqa: E402

from communique import analytics  # noqa: E402
from communique.store import Store, search  # noqa: E402

QUERIES = [
    "talks",  # in a large share of the articles
    "foreign ministry",
    '"foreign minister"',
    "sanctions drones",
    "agreement signed",
    "Tbilisi",
    "zzzz",  # no match
]


def build(path: str, n: int) -> float:
    started = time.perf_counter()
    with closing(search.connect(path)) as con, con:
        search.add_rows(
            con,
            (("articles", a.id, a.id, a.title or "", a.text) for a in synthetic_articles(n)),
        )
    return time.perf_counter() - started


def build_store(path: Path, n: int) -> float:
    """A store whose `articles` hold the `n` synthetic articles (uid = id, as indexed)."""
    started = time.perf_counter()
    rows = path.with_suffix(".jsonl")
    with rows.open("w", encoding="utf-8") as out:
        for a in synthetic_articles(n):
            record = {"uid": a.id, "id": a.id, "title": a.title, "text": a.text}
            out.write(json.dumps({**record, "published": a.published}) + "\n")
    with Store(path) as store, store.transaction() as cur:
        cur.execute(
            "INSERT INTO articles (uid, id, title, text, published) "
            "SELECT uid, id, title, text, published FROM read_json(?, format = "
            "'newline_delimited', columns = {uid: 'VARCHAR', id: 'VARCHAR', title: 'VARCHAR', "
            "text: 'VARCHAR', published: 'DATE'})",
            [str(rows)],
        )
    return time.perf_counter() - started


def slowest(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The slowest of `repeat` runs of `run`, in ms, and its answer."""
    times, found = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        found = run()
        times.append((time.perf_counter() - started) * 1000)
    return max(times), found


def listing(db: Path, index: str, repeat: int) -> None:
    print(f"\n| listing filter | matches | slowest of {repeat} (ms) |\n| --- | --- | --- |")
    with Store(db, read_only=True) as store, closing(search.connect(index, read_only=True)) as con:
        for query in QUERIES:
            ms, page = slowest(
                repeat, lambda q=query: analytics.articles(store, text=q, index=con, limit=50)
            )
            print(f"| `{query}` | {page.total:,} | {ms:.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--listing", action="store_true", help="also time the listings' text filter"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.search")
        seconds = build(path, args.n)
        size = Path(path).stat().st_size / 2**20
        print(f"index: {args.n:,} articles in {seconds:.0f} s, {size:.0f} MiB")
        print(f"\n| query | matches | slowest of {args.repeat} (ms) |\n| --- | --- | --- |")
        with closing(search.connect(path, read_only=True)) as con:
            for query in QUERIES:
                ms, found = slowest(args.repeat, lambda q=query: search.search(con, q, limit=20))
                print(f"| `{query}` | {found['total']:,} | {ms:.0f} |")
        if args.listing:
            db = Path(tmp) / "bench.duckdb"
            print(f"\nstore: {args.n:,} articles in {build_store(db, args.n):.0f} s")
            listing(db, path, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
