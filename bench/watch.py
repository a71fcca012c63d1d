"""`communique watch` against `communique ingest` on the same pages, over loopback only.

    python bench/watch.py                       # 2,000 items across 20 feeds, 2 workers
    python bench/watch.py --items 400 --feeds 8 --rounds 2

Generates `--items` made-up stories (tests/watch_server.py: Ghana and Togo in made-up
towns, no real news), serves them as HTML pages from `--feeds` loopback servers (one host
each, every host with its RSS feed listing its pages), and writes the same pages to a
folder. Then, in child processes of this one, times

- the baseline: `communique ingest PAGES/ --db base.duckdb` (the pages read from disk), and
- `communique watch FEED... --db watch.duckdb --once` (every feed polled, every page
  fetched over HTTP with no pause between requests to a host, `--host-delay 0`),

with the same `--workers`, alternating which runs first over `--rounds` pairs, and prints
the throughput of each and their ratio (issue 15 asks for watch within 0.8x of ingest).
It then checks that the watched store holds every item once (no duplicates, no losses)
and that a second round fetches no page (304 for every feed). Bounded: one store per run
in a temporary folder; nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.store import Store  # noqa: E402
from tests.watch_server import Route, Site, page, rss, serving, story  # noqa: E402

DATE = "Mon, 02 Mar 2026 10:00:00 GMT"
PARTS = 4  # stories per page: about 400 words, a news article's length


def article(n: int) -> list[str]:
    return [s for k in range(PARTS) for s in story(n + k * 1_000_003)]


def publish(sites: list[Site], items: int, folder: Path) -> list[str]:
    """Pages spread over the sites, each site's feed, and the same pages on disk."""
    listed: list[list[tuple[str, str, str]]] = [[] for _ in sites]
    for n in range(items):
        k = n % len(sites)
        site = sites[k]
        body = page(f"Story {n}", article(n))
        site.routes[f"/news/{n}"] = Route(body)
        listed[k].append((f"Story {n}", f"{site.url}/news/{n}", DATE))
        (folder / f"{n:05d}.html").write_bytes(body)
    for site, entries in zip(sites, listed, strict=True):
        site.routes["/rss.xml"] = Route(rss("Bench feed", entries), "application/rss+xml",
                                        etag='"bench"')  # fmt: skip
    return [site.url + "/rss.xml" for site in sites]


def timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    return seconds, done.stderr


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "communique.cli", *args]


def check(db: Path, items: int, feeds: list[str], workers: int) -> None:
    """Every item once in the watched store; a second round fetches nothing new."""
    with Store(db, read_only=True) as store:
        articles = store.scalar("SELECT count(*) FROM articles")
        urls = store.scalar("SELECT count(DISTINCT url) FROM articles")
        stored = store.scalar("SELECT count(*) FROM watch_items WHERE state = 'stored'")
        errors = store.scalar("SELECT count(*) FROM errors") if _has(store, "errors") else 0
    print(f"\nwatched store: {articles} articles, {urls} distinct URLs, {stored} items stored, "
          f"{errors} errors (of {items} items)")  # fmt: skip
    ok = articles == urls == stored == items
    print(f"no duplicates and no losses: {'yes' if ok else 'NO'}")
    _, log = timed(cli("watch", *feeds, "--db", str(db), "--once", "--allow-private",
                       "--host-delay", "0", "--workers", str(workers)))  # fmt: skip
    second = json.loads(log.strip().splitlines()[-1].split(": ", 1)[1])
    print(f"second round: {second['not_modified']} of {len(feeds)} feeds answered 304, "
          f"{second['new']} new items")  # fmt: skip


def _has(store: Store, table: str) -> bool:
    found = store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
    )
    return bool(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="pairs of runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        sites = [stack.enter_context(serving(Site())) for _ in range(args.feeds)]
        feeds = publish(sites, args.items, folder)
        print(f"{args.items} pages on {args.feeds} loopback hosts; workers {args.workers}\n")
        print("| run | ingest s | watch s | ingest articles/s | watch articles/s | ratio |")
        print("| --- | --- | --- | --- | --- | --- |")
        ratios = []
        last_db = Path(tmp) / "watch-0.duckdb"
        for run in range(args.rounds):
            base_db, last_db = Path(tmp) / f"base-{run}.duckdb", Path(tmp) / f"watch-{run}.duckdb"
            ingest = cli("ingest", str(folder), "--db", str(base_db), "--quiet",
                         "--workers", str(args.workers))  # fmt: skip
            watch = cli("watch", *feeds, "--db", str(last_db), "--once", "--allow-private",
                        "--host-delay", "0", "--workers", str(args.workers))  # fmt: skip
            order = [ingest, watch] if run % 2 == 0 else [watch, ingest]
            seconds = {id(c): timed(c)[0] for c in order}
            base, watched = seconds[id(ingest)], seconds[id(watch)]
            ratio = base / watched  # throughput of watch over that of ingest
            ratios.append(ratio)
            print(f"| {run + 1} | {base:.1f} | {watched:.1f} | {args.items / base:.1f} | "
                  f"{args.items / watched:.1f} | {ratio:.2f}x |")  # fmt: skip
        median = statistics.median(ratios)
        verdict = "within" if median >= 0.8 else "NOT within"
        print(f"\nwatch throughput {median:.2f}x of ingest's (median): {verdict} 0.8x")
        check(last_db, args.items, feeds, args.workers)


if __name__ == "__main__":
    main()
