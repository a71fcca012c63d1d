"""`communique ingest PATH... --db news.duckdb`: extract and store, idempotent by content hash.

    communique ingest examples/ --db news.duckdb
    communique ingest corpus.jsonl --db news.duckdb --batch-size 128 --workers 2
    communique ingest corpus/ --db news.duckdb --dask tcp://scheduler:8786

A progress line counts articles, quotes, events and errors; a summary follows. When
stderr is not a terminal (a log file, a pipe), each committed batch prints one plain line
instead (`communique: batch 3 committed: ...`), so a log shows how far a run got.
Exit code 1 when any article of this run has errors (they are stored: `communique errors`);
the summary says how many.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..distributed import WorkerStats
from ..ingest.count import count_items
from ..model import Result
from ..scale import extractor
from ..store import IngestSummary, Store, StoreError, ingest
from . import progress as bars
from ._util import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Skips,
    add_db,
    add_input_options,
    add_scale_options,
    add_vocabulary_options,
    fail,
    number,
    vocabulary_from,
)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "ingest",
        help="extract articles and store them in a DuckDB file",
        description="Extract articles and store them; the same text is stored once, a changed "
        "article (same id, new text) replaces its old rows. Exit code 1 when any article "
        "has errors.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs or '-'")
    add_db(parser)
    add_input_options(parser)
    parser.add_argument(
        "--batch-size", type=number(int, 1, 100_000), default=32, help="articles per transaction"
    )
    add_scale_options(parser)
    add_vocabulary_options(parser)
    parser.set_defaults(run=ingest_cli)


def ingest_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique ingest`; returns the exit code."""
    from ..ingest import read

    skips = Skips()
    try:
        items = read(
            args.paths, published=args.published, source=args.source, stdin=stdin, on_skip=skips
        )
        vocabulary = vocabulary_from(args)
        store = Store(args.db)
    except (ValueError, StoreError) as error:
        print(f"communique: {error}", file=sys.stderr)
        return EXIT_USAGE
    console = bars.make_console()  # looked up here, so tests can give a terminal
    live = console.is_terminal and not args.quiet
    started = time.perf_counter()
    stats = WorkerStats()
    # Articles done: results back from the workers, and texts already stored (unchanged).
    done = {"results": 0, "unchanged": 0}

    def tick(results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            done["results"] += 1
            progress.update(task, completed=sum(done.values()))
            yield result

    def on_batch(summary: IngestSummary) -> None:
        done["unchanged"] = summary.unchanged
        if live:
            progress.update(task, completed=sum(done.values()), counts=_counts(summary))
        elif not args.quiet:
            print(
                f"communique: batch {summary.batches} committed: {_plain(summary)}",
                file=sys.stderr,
                flush=True,
            )

    with (
        store,
        bars.article_progress(console, enabled=live) as progress,
        extractor(
            workers=args.workers,
            dask=args.dask,
            min_confidence=args.min_confidence,
            stats=stats,
            vocabulary=vocabulary,
        ) as extract,
    ):
        total = count_items(args.paths) if live else None
        task = progress.add_task("ingest", total=total, counts=_counts(IngestSummary()))
        try:
            summary = ingest(
                items,
                store,
                batch_size=args.batch_size,
                extractor=lambda items: tick(extract(items)),
                on_batch=on_batch,
            )
        except StoreError as error:
            return fail(error, sys.stderr)
        progress.update(task, completed=summary.seen, total=summary.seen, counts=_counts(summary))
    elapsed = time.perf_counter() - started
    print(_summary(summary, args.db, elapsed), file=sys.stderr)
    skips.report(sys.stderr, verbose=args.verbose)
    if args.dask and stats.busy:
        for worker, share in sorted(stats.efficiency().items()):
            print(f"communique: dask worker {worker} busy {share:.0%}", file=sys.stderr)
    return EXIT_ERRORS if summary.errors else EXIT_OK


def _counts(summary: IngestSummary) -> str:
    return (
        f"stored [bold]{summary.stored}[/] new, [bold]{summary.unchanged}[/] unchanged"
        f" · quotes [bold]{summary.quotes}[/] · events [bold]{summary.events}[/]"
        f" · errors [bold]{summary.errors}[/]"
    )


def _plain(summary: IngestSummary) -> str:
    return (
        f"articles {summary.seen} (new {summary.stored}, unchanged {summary.unchanged}), "
        f"quotes {summary.quotes}, events {summary.events}, errors {summary.errors}"
    )


def _summary(summary: IngestSummary, db: str, elapsed: float) -> str:
    return (
        f"communique: {summary.seen} articles read in {elapsed:.1f} s: {summary.stored} stored "
        f"({summary.replaced} replaced an older version, {summary.duplicates} near-duplicates "
        f"linked), {summary.unchanged} unchanged; {summary.quotes} quotes, {summary.events} "
        f"events; {summary.failed} articles failed ({summary.errors} errors, listed by "
        f"`communique errors`){_warnings(summary)} -> {db}"
    )


def _warnings(summary: IngestSummary) -> str:
    # Warnings fail nothing (the exit code stays 0) but are listed with the errors.
    if not summary.warnings:
        return ""
    return f"; {summary.warnings} warnings (W1xx, also in `communique errors`)"
