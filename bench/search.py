"""Ranked full-text search at scale: index N synthetic articles and time typical queries.

    python bench/search.py                 # 100,000 articles
    python bench/search.py --n 10000 --repeat 5

The articles come from `bench/corpus.py` (the examples recombined, countries swapped); the
index is the one `communique ingest` keeps (`communique/store/search.py`, SQLite FTS5),
filled directly here, since parsing 100,000 articles would take an hour. Each query asks for
the 20 best matches with their snippets and the count of all matches, as `communique search`
and `/api/search` do; the figure is the slowest of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import synthetic_articles  # noqa: E402

from communique.store import search  # noqa: E402

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.search")
        seconds = build(path, args.n)
        size = Path(path).stat().st_size / 2**20
        print(f"index: {args.n:,} articles in {seconds:.0f} s, {size:.0f} MiB")
        print(f"\n| query | matches | slowest of {args.repeat} (ms) |\n| --- | --- | --- |")
        with closing(search.connect(path, read_only=True)) as con:
            for query in QUERIES:
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    found = search.search(con, query, limit=20)
                    times.append((time.perf_counter() - started) * 1000)
                print(f"| `{query}` | {found['total']:,} | {max(times):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
