"""Reading the store: `stats`, `errors`, `events`, `quotes`, `actors`, `dyad` and
`contested`.

communique stats --db news.duckdb --json
communique events --db news.duckdb --dyad ARM AZE --quad-class 4 --format csv
communique quotes --db news.duckdb --speaker "Foreign Ministry" --search talks
communique actors --db news.duckdb --country ARM
communique dyad ARM AZE --db news.duckdb --interval week --format json
communique contested --db news.duckdb --dyad GHA TGO --denied
communique errors --db news.duckdb
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from sqlite3 import Connection
from typing import Any, TextIO

from .. import analytics
from ..store import Store, StoreError, search
from ..store.filters import MODES
from ._util import (
    EXIT_OK,
    EXIT_USAGE,
    add_date_range,
    add_db,
    add_event_filters,
    add_format,
    add_interval,
    add_page,
    emit,
    event_filters,
    fail,
    open_read,
)

EVENT_COLUMNS = (
    "day",
    "source_name",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "target_name",
    "mode",
    "reports",
    "article_id",
    "evidence",
)
QUOTE_COLUMNS = ("published", "speaker_name", "cue", "kind", "content", "article_id")
ACTOR_COLUMNS = ("name", "code", "country", "kind", "articles", "mentions", "quotes", "events")
CONTESTED_COLUMNS = (
    "day",
    "source_name",
    "cameo",
    "target_name",
    "claimed_by",
    "denied_by",
    "reports",
    "article_id",
    "evidence",
)
DYAD_COLUMNS = ("period", "events", "q1", "q2", "q3", "q4", "goldstein", "reports")
ERROR_COLUMNS = ("code", "origin", "article_id", "message")
SEARCH_COLUMNS = ("score", "ref", "title", "snippet", "article_uid")
SEARCH_HELP = (
    "stemmed, best match first, through the search index that ingest makes; without one, "
    "the text as written, anywhere"
)


def register(commands: Any) -> None:
    stats = commands.add_parser("stats", help="counts of articles, quotes, events, actors, errors")
    add_db(stats)
    stats.add_argument("--json", action="store_true", help="one JSON object")
    stats.set_defaults(run=stats_cli)

    errors = commands.add_parser("errors", help="list the errors stored by ingest")
    add_db(errors)
    add_format(errors)
    add_page(errors)
    errors.set_defaults(run=errors_cli)

    events = commands.add_parser("events", help="list events, filtered")
    add_db(events)
    add_format(events)
    add_page(events)
    add_event_filters(events)
    events.add_argument("--search", help="words in the evidence sentence (" + SEARCH_HELP + ")")
    events.set_defaults(run=events_cli)

    quotes = commands.add_parser("quotes", help="list quotes by speaker, country or words")
    add_db(quotes)
    add_format(quotes)
    add_page(quotes)
    quotes.add_argument("--speaker", help="a name, code or country of the speaker")
    quotes.add_argument("--country", help="the speaker's country (ISO alpha-3)")
    quotes.add_argument(
        "--search", help="words in the quote or its speaker's name (" + SEARCH_HELP + ")"
    )
    quotes.add_argument("--article", help="an article id or content hash")
    quotes.set_defaults(run=quotes_cli)

    actors = commands.add_parser("actors", help="actors with mention, quote and event counts")
    add_db(actors)
    add_format(actors)
    add_page(actors)
    actors.add_argument("--search", help="words in the name or code")
    actors.add_argument("--country", help="ISO alpha-3 or IGO")
    actors.add_argument("--kind", choices=("country", "person", "organisation", "group"))
    actors.set_defaults(run=actors_cli)

    found = commands.add_parser(
        "search",
        help="ranked full-text search of articles or quotes",
        description='Words (stemmed: "talks" finds "talk") and "quoted phrases", all of them, '
        "best match first (BM25). The index is made by ingest.",
    )
    found.add_argument("query", metavar="QUERY")
    add_db(found)
    add_format(found)
    add_page(found, limit=20)
    found.add_argument("--kind", choices=search.KINDS, default="articles")
    found.set_defaults(run=search_cli)

    dyad = commands.add_parser(
        "dyad",
        help="time series of events between two actors",
        description="Counts by QuadClass and mean Goldstein per period of the events between A "
        "and B (either direction unless --directed); each event counts once however many "
        "articles report it. Only asserted events unless --mode says otherwise.",
    )
    dyad.add_argument("a", metavar="A", help="actor: name, code (ARMGOV) or country (ARM)")
    dyad.add_argument("b", metavar="B", help="the other actor")
    add_db(dyad)
    add_format(dyad)
    add_interval(dyad)
    dyad.add_argument("--directed", action="store_true", help="only A acting on B")
    add_date_range(dyad)
    dyad.add_argument("--mode", default="asserted", choices=MODES, help="default asserted")
    dyad.set_defaults(run=dyad_cli)

    contested = commands.add_parser(
        "contested",
        help="alleged acts with who claims and who denies them",
        description="Acts told only as somebody's accusation or claim (mode alleged), denied "
        "ones first: who claims, who denies and who confirms each; --format json adds both "
        "sides' evidence.",
    )
    add_db(contested)
    add_format(contested)
    add_page(contested)
    contested.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="acts between A and B")
    contested.add_argument("--actor", help="source or target: a name, code or country")
    add_date_range(contested)
    contested.add_argument("--denied", action="store_true", help="only acts somebody denies")
    contested.set_defaults(run=contested_cli)


def stats_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique stats`."""
    try:
        with open_read(args.db) as store:
            data = analytics.stats(store)
    except StoreError as error:
        return fail(error, sys.stderr)
    if args.json:
        stdout.write(json.dumps(data, sort_keys=True) + "\n")
    else:
        width = max(len(k) for k in data)
        for key, value in data.items():
            stdout.write(f"{key.replace('_', ' '):<{width}}  {value}\n")
    return EXIT_OK


def _page_cli(
    args: argparse.Namespace,
    stdout: TextIO,
    columns: tuple[str, ...],
    fetch: Callable[[Store, Connection | None], analytics.Page],
    *,
    noun: str = "rows",
    terms: Sequence[str | None] = (),
    text: str | None = None,
) -> int:
    """Open the store read-only, fetch one page and print it in the chosen format; an empty
    result says so, and an actor term that matches no actor gets the closest ones. With a
    `text` filter, `fetch` gets the search index (None, and a note, when there is none)."""
    try:
        with open_read(args.db) as store, _text_index(args.db, text) as index:
            page = fetch(store, index)
            hints = analytics.suggestions(store, terms) if not page.total else {}
    except StoreError as error:
        return fail(error, sys.stderr)
    _emit_page(page, args.format, stdout, columns)
    if not page.total:
        say_empty(noun, hints, table=args.format == "table", stdout=stdout)
    return EXIT_OK


@contextmanager
def _text_index(db: str, text: str | None) -> Iterator[Connection | None]:
    """The search index of `db` for a `text` filter, closed after; None (and a note on
    stderr) when there is none, and None without a text filter."""
    index = search.open_index(db) if text else None
    if text and index is None:
        print(
            f"communique: no search index beside {db}: --search matches text as written "
            "(`communique ingest` makes the index)",
            file=sys.stderr,
        )
    with closing(index) if index else nullcontext():
        yield index


def say_empty(
    noun: str, hints: dict[str, list[dict[str, Any]]], *, table: bool, stdout: TextIO
) -> None:
    """ "0 quotes" under an empty table (on stderr for JSON and CSV, which stay data), and
    for each actor term that matched nothing, the closest actors."""
    print(f"0 {noun}", file=stdout if table else sys.stderr)
    for term, close in hints.items():
        names = ", ".join(_actor_label(a) for a in close) or "none"
        print(f"communique: no actor matches {term!r}; closest: {names}", file=sys.stderr)


def _actor_label(actor: dict[str, Any]) -> str:
    return f"{actor['name']} ({actor['code']})" if actor.get("code") else str(actor["name"])


def errors_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique errors`."""
    return _page_cli(
        args,
        stdout,
        ERROR_COLUMNS,
        lambda store, _: analytics.errors(store, limit=args.limit, offset=args.offset),
        noun="errors",
    )


def events_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique events`."""
    try:
        filters = event_filters(args)
        if args.search:
            fields = {**analytics.filter_fields(filters), "text": args.search}
            filters = analytics.EventFilters(**fields)
    except StoreError as error:
        return fail(error, sys.stderr)
    return _page_cli(
        args,
        stdout,
        EVENT_COLUMNS,
        lambda store, index: analytics.events(
            store, filters, limit=args.limit, offset=args.offset, index=index
        ),
        noun="events",
        terms=analytics.filter_terms(filters),
        text=args.search,
    )


def contested_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique contested`."""
    filters = event_filters(args)
    return _page_cli(
        args,
        stdout,
        CONTESTED_COLUMNS,
        lambda store, _: analytics.contested(
            store, filters, denied_only=args.denied, limit=args.limit, offset=args.offset
        ),
        noun="alleged acts",
        terms=analytics.filter_terms(filters),
    )


def quotes_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique quotes`."""
    return _page_cli(
        args,
        stdout,
        QUOTE_COLUMNS,
        lambda store, index: analytics.quotes(
            store,
            speaker=args.speaker,
            country=args.country,
            text=args.search,
            article=args.article,
            limit=args.limit,
            offset=args.offset,
            index=index,
        ),
        noun="quotes",
        terms=[args.speaker],
        text=args.search,
    )


def actors_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique actors`."""
    return _page_cli(
        args,
        stdout,
        ACTOR_COLUMNS,
        lambda store, _: analytics.actors(
            store,
            text=args.search,
            country=args.country,
            kind=args.kind,
            limit=args.limit,
            offset=args.offset,
        ),
        noun="actors",
        terms=[args.search],
    )


def search_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique search QUERY`."""
    index = search.open_index(args.db)
    if index is None:
        print(
            f"communique: no search index beside {args.db}: `communique ingest` makes it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with closing(index):
        page = search.search(
            index, args.query, kind=args.kind, limit=args.limit, offset=args.offset
        )
    items = page.pop("items")
    emit(items, args.format, stdout, columns=SEARCH_COLUMNS, envelope=page)
    if not page["total"]:
        say_empty(args.kind, {}, table=args.format == "table", stdout=stdout)
    return EXIT_OK


def dyad_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique dyad A B`."""
    try:
        filters = analytics.EventFilters(
            start=args.start, end=args.end, mode=args.mode, include_negated=False
        )
        with open_read(args.db) as store:
            rows = analytics.dyad(
                store,
                args.a,
                args.b,
                interval=args.interval,
                filters=filters,
                directed=args.directed,
            )
            hints = analytics.suggestions(store, [args.a, args.b]) if not rows else {}
            undated = analytics.dyad_undated(
                store, args.a, args.b, filters=filters, directed=args.directed
            )
            claims = analytics.dyad_claims(
                store, args.a, args.b, filters=filters, directed=args.directed
            )
    except StoreError as error:
        return fail(error, sys.stderr)
    columns = DYAD_COLUMNS if args.format != "json" else None
    envelope = (
        {"a": args.a, "b": args.b, "interval": args.interval, "claims": claims}
        if args.format == "json"
        else None
    )
    emit(rows, args.format, stdout, columns=columns, envelope=envelope)
    if not rows:
        say_empty("periods with dated events", hints, table=args.format == "table", stdout=stdout)
    if undated:
        print(
            f"communique: {undated} events between {args.a} and {args.b} have no day (an "
            "undated article, or a date coarser than a day) and are not counted",
            file=sys.stderr,
        )
    if claims["alleged"] and args.mode == "asserted":
        print(
            f"communique: {claims['alleged']} alleged acts between {args.a} and {args.b} "
            f"({claims['denied']} denied, {claims['confirmed']} confirmed) are not counted; "
            f"`communique contested --dyad {args.a} {args.b}` lists them",
            file=sys.stderr,
        )
    return EXIT_OK


def _emit_page(page: analytics.Page, fmt: str, out: TextIO, columns: tuple[str, ...]) -> None:
    data = page.to_dict()
    items = data.pop("items")
    emit(items, fmt, out, columns=None if fmt == "json" else columns, envelope=data)
