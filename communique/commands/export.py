"""`communique export` and `communique plot`: files for other tools and for people.

communique export --db news.duckdb --format jsonl --out news.jsonl
communique export --db news.duckdb --format parquet --table quotes --out quotes.parquet
communique export --db news.duckdb --format gdelt --out events.tsv --dyad ARM AZE
communique plot dyad ARM AZE --db news.duckdb --out dyad.png
communique plot network --db news.duckdb --out network.svg
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from .. import analytics
from ..store import StoreError
from ..store.exports import FORMATS, TABLES, export
from ._util import (
    EXIT_OK,
    add_db,
    add_event_filters,
    add_interval,
    event_filters,
    fail,
    number,
    open_read,
)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export",
        help="write the store as JSON Lines, CSV, Parquet, a GDELT-style table or PLOVER JSON",
        description="jsonl: one output-contract object per article; csv/parquet: one table; "
        "gdelt: distinct asserted events, tab-separated, GDELT 2.0 column names; plover: one "
        "JSON record per distinct event with every reporting article. See docs/store.md.",
    )
    add_db(parser)
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("--out", default="-", help="output file ('-' standard output)")
    parser.add_argument("--table", choices=TABLES, default="events", help="for csv and parquet")
    add_event_filters(parser)
    parser.set_defaults(run=export_cli)

    plot = commands.add_parser("plot", help="draw a dyad timeline or the actor network")
    kinds = plot.add_subparsers(dest="plot", required=True)
    dyad = kinds.add_parser("dyad", help="events between A and B by period and QuadClass")
    dyad.add_argument("a", metavar="A")
    dyad.add_argument("b", metavar="B")
    add_interval(dyad)
    net = kinds.add_parser("network", help="who acts on whom, weighted by events")
    net.add_argument(
        "--limit", type=number(int, 1, 500), default=40, help="most active pairs to draw"
    )
    for sub in (dyad, net):
        add_db(sub)
        sub.add_argument("--out", required=True, help="file.png, file.svg or file.pdf")
        sub.set_defaults(run=plot_cli)


def export_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique export`."""
    try:
        with open_read(args.db) as store:
            count = export(
                store,
                args.format,
                args.out,
                table=args.table,
                filters=event_filters(args),
                stream=stdout,
            )
    except StoreError as error:
        return fail(error, sys.stderr)
    if args.out != "-":
        print(f"communique: wrote {count} rows to {args.out}", file=sys.stderr)
    return EXIT_OK


def plot_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique plot dyad|network`."""
    from .. import plots

    try:
        with open_read(args.db) as store:
            if args.plot == "dyad":
                filters = analytics.EventFilters(mode="asserted", include_negated=False)
                series = analytics.dyad(
                    store, args.a, args.b, interval=args.interval, filters=filters
                )
                path = plots.plot_dyad(series, args.a, args.b, args.out, interval=args.interval)
            else:
                path = plots.plot_network(analytics.network(store, limit=args.limit), args.out)
    except StoreError as error:
        return fail(error, sys.stderr)
    print(f"communique: wrote {path}", file=sys.stderr)
    return EXIT_OK
