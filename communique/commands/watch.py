"""`communique watch SOURCE... --db news.duckdb`: keep a store current from feeds and folders.

    communique watch https://example.org/world/rss.xml --db news.duckdb --every 15m
    communique watch inbox/ --db news.duckdb --once
    communique watch FEED --db news.duckdb --alert 'dyad=ARM,AZE quad_class=4' \\
        --alert-jsonl alerts.jsonl

Each round polls every SOURCE (an RSS/Atom feed or a sitemap URL, or a folder), fetches
the pages of new items politely and stores them (see `communique.watch`). SIGTERM or
SIGINT ends it cleanly: the batch in hand is stored first. A summary line per round goes
to standard error; alerts go to standard output (and to a file or a webhook if asked).
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from pathlib import Path
from typing import Any, TextIO

from ..store import StoreError, open_store
from ._util import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, add_db, add_scale_options, fail, number

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(text: str) -> float:
    """Seconds from "90", "90s", "15m", "2h", "1d"."""
    match = _DURATION.match(text.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30s, 15m or 2h")
    return float(match.group(1)) * _UNITS[match.group(2)]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "watch",
        help="watch feeds, sitemaps and folders, and store what is new",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="feed or sitemap URL, or folder"
    )
    add_db(parser)
    parser.add_argument("--every", type=duration, default=duration("15m"),
                        help="time between rounds (default 15m)")  # fmt: skip
    parser.add_argument("--once", action="store_true", help="one round, then exit")
    parser.add_argument("--alert", action="append", default=[], metavar="RULE",
                        help="alert on new events matching RULE, e.g. 'dyad=ARM,AZE "
                        "quad_class=4' (repeatable)")  # fmt: skip
    parser.add_argument("--alert-file", metavar="FILE", help="alert rules, one per line")
    parser.add_argument("--alert-jsonl", type=Path, metavar="FILE",
                        help="also append each alert to FILE as a JSON line")  # fmt: skip
    parser.add_argument("--alert-webhook", metavar="URL",
                        help="also POST each alert to URL as JSON")  # fmt: skip
    parser.add_argument("--host-delay", type=number(float, 0, 3600), default=1.0,
                        help="seconds between two requests to one host (default 1; "
                        "robots.txt's Crawl-delay when longer)")  # fmt: skip
    parser.add_argument("--retries", type=number(int, 0, 10), default=2,
                        help="tries again after a timeout, 429 or 5xx (default 2)")  # fmt: skip
    parser.add_argument("--timeout", type=number(float, 0.1, 300), default=10.0,
                        help="seconds for each connect and read (default 10)")  # fmt: skip
    parser.add_argument("--threads", type=number(int, 1, 64), default=8,
                        help="sources and hosts fetched at once (default 8)")  # fmt: skip
    parser.add_argument("--batch-size", type=number(int, 1, 10_000), default=32,
                        help="articles stored per transaction (default 32)")  # fmt: skip
    parser.add_argument("--allow-private", action="store_true",
                        help="fetch from private and loopback addresses too (an intranet, "
                        "a test server); refused by default")  # fmt: skip
    add_scale_options(parser)
    parser.set_defaults(run=watch_cli)


def watch_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique watch` until stopped (or one round with --once)."""
    from ..ingest.fetch import FetchLimits
    from ..scale import extractor
    from ..watch import Polite, Sinks, Watcher, parse_rule, read_rules
    from ..watch.sources import kind_of

    try:
        rules = [parse_rule(r) for r in args.alert]
        rules += read_rules(args.alert_file) if args.alert_file else []
        for source in args.sources:
            kind_of(source)
    except (ValueError, OSError) as error:
        print(f"communique: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        store = open_store(args.db)
    except StoreError as error:
        return fail(error, sys.stderr)
    limits = FetchLimits(timeout=args.timeout, deadline=max(30.0, 3 * args.timeout))
    polite = Polite(delay=args.host_delay, retries=args.retries,
                    allow_private=args.allow_private, limits=limits)  # fmt: skip
    sinks = Sinks(jsonl=args.alert_jsonl, webhook=args.alert_webhook, out=stdout)
    stop = polite.stop
    handlers = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGTERM, signal.SIGINT)}
    failed = False

    def report(summary: Any) -> None:
        nonlocal failed
        failed = bool(summary.source_errors or summary.failed)
        counts = {k: v for k, v in summary.to_dict().items() if k != "problems"}
        print(f"communique watch: {json.dumps(counts)}", file=sys.stderr, flush=True)
        for problem in summary.problems:
            print(f"communique watch: {problem}", file=sys.stderr)

    try:
        with extractor(workers=args.workers, dask=args.dask, keep_pool=True) as extract:
            watcher = Watcher(store, list(args.sources), polite, rules, sinks,
                              batch_size=args.batch_size, threads=args.threads,
                              extractor=extract)  # fmt: skip
            watcher.run(args.every, once=args.once, on_round=report)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        store.close()
    return EXIT_ERRORS if failed and args.once else EXIT_OK
