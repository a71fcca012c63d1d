"""What the store commands share: the --db and --format options, printing rows, errors."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from ..ingest import Skipped
from ..store import Store, StoreError
from ..store.filters import MAX_LIMIT, MODES, EventFilters
from ..vocabulary import Vocabulary

DEFAULT_DB = os.environ.get("COMMUNIQUE_DB", "news.duckdb")
FORMATS = ("table", "json", "csv")
EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
_WIDTH = 48
INTERVAL_NAMES = ("day", "week", "month", "year")  # as the API's `interval`


def number(
    kind: type[int] | type[float], low: float, high: float | None = None
) -> Callable[[str], Any]:
    """An argparse type: a `kind` number from `low` to `high` (inclusive; no upper bound when
    None), so that `--workers 0` or `--min-confidence 5` stop with a message and the
    subcommand's usage instead of running with a value that means nothing."""
    word = "an integer" if kind is int else "a number"
    bounds = f"at least {low:g}" if high is None else f"from {low:g} to {high:g}"

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"expected {word} {bounds}, got {text!r}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in some messages
    return parse


def day(text: str) -> str:
    """An argparse type: a day YYYY-MM-DD (the API's `start`/`end` take the same)."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day YYYY-MM-DD, got {text!r}") from None


def add_date_range(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """--start and --end, the names the API and the web page use; --since and --until are
    still read (hidden) so that older scripts keep working."""
    parser.add_argument("--start", type=day, help="first day YYYY-MM-DD (inclusive)")
    parser.add_argument("--end", type=day, help="last day YYYY-MM-DD (inclusive)")
    parser.add_argument("--since", dest="start", type=day, help=argparse.SUPPRESS)
    parser.add_argument("--until", dest="end", type=day, help=argparse.SUPPRESS)


def add_interval(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--interval", default="month", choices=INTERVAL_NAMES)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """What `extract` and `ingest` share: metadata for inputs without it, and the cut-off."""
    parser.add_argument(
        "--published", type=day, help="publication date YYYY-MM-DD for inputs without one"
    )
    parser.add_argument("--source", help="source name for inputs without one")
    parser.add_argument(
        "--min-confidence",
        type=number(float, 0, 1),
        default=0.0,
        help="drop quotes and events below this confidence (0 to 1)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="name each file a folder read left out"
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar (none either when not a terminal)"
    )


class Skips:
    """The files left out while reading folders (`communique.ingest.read`'s `on_skip`)."""

    def __init__(self) -> None:
        self.items: list[Skipped] = []

    def __call__(self, skipped: Skipped) -> None:
        self.items.append(skipped)

    def summary(self) -> str:
        """ "3 files skipped (2 unknown file type, 1 JSON object with no 'text' field)"."""
        kinds = Counter(s.reason.split(" (")[0] for s in self.items)
        parts = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        files = "file" if len(self.items) == 1 else "files"
        return f"{len(self.items)} {files} skipped ({parts})"

    def report(self, stream: TextIO, *, verbose: bool) -> None:
        """The summary on `stream` when anything was skipped; with `verbose`, each file."""
        if not self.items:
            return
        hint = "" if verbose else "; -v names them"
        print(f"communique: {self.summary()}{hint}", file=stream)
        for skipped in self.items if verbose else ():
            print(f"communique: skipped {skipped.origin}: {skipped.reason}", file=stream)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=DEFAULT_DB,
        help=f"DuckDB file (default {DEFAULT_DB}, or $COMMUNIQUE_DB); created on first ingest",
    )


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """--workers and --dask: how many processes, or which cluster, run the pipeline."""
    parser.add_argument(
        "--workers",
        type=number(int, 1, 256),
        default=None,
        help="worker processes running the whole pipeline (default: one per core)",
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on a Dask cluster: its scheduler address, or 'local' for a LocalCluster",
    )


def add_vocabulary_options(parser: argparse.ArgumentParser) -> None:
    """--petrarch-actors, --petrarch-agents, --petrarch-verbs: code with your own dictionaries."""
    group = parser.add_argument_group("PETRARCH-format dictionaries (instead of the shipped ones)")
    group.add_argument("--petrarch-actors", metavar="FILE", help="actor file (replaces ours)")
    group.add_argument("--petrarch-agents", metavar="FILE", help="agent file, with the actors")
    group.add_argument("--petrarch-verbs", metavar="FILE", help="verb file (merged with ours)")


def vocabulary_from(args: argparse.Namespace) -> Vocabulary | None:
    """The Vocabulary the options name, read once here so that a bad file fails early
    (ValueError naming it); None when no option is given."""
    vocabulary = Vocabulary(args.petrarch_actors, args.petrarch_agents, args.petrarch_verbs)
    if vocabulary == Vocabulary():
        return None
    vocabulary.check()
    return vocabulary


def add_format(parser: argparse.ArgumentParser, *, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help="output format")


def add_page(parser: argparse.ArgumentParser, *, limit: int = 50) -> None:
    parser.add_argument(
        "--limit",
        type=number(int, 1, MAX_LIMIT),
        default=limit,
        help=f"rows to print (1 to {MAX_LIMIT})",
    )
    parser.add_argument("--offset", type=number(int, 0), default=0, help="rows to skip")


def add_event_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("event filters")
    group.add_argument("--actor", help="source or target: a name, code (ARMGOV) or country")
    group.add_argument("--source-actor", dest="source", help="the actor that acts")
    group.add_argument("--target", help="the actor acted upon")
    group.add_argument("--country", help="ISO alpha-3 of source, target or location")
    group.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="events between A and B")
    group.add_argument("--cameo", help="CAMEO code or prefix (05 takes 051, 057, ...)")
    group.add_argument("--plover", help="PLOVER category (AGREE, ACCUSE, ...)")
    group.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4), help="QuadClass")
    add_date_range(group)
    group.add_argument("--mode", choices=MODES, help="the event's mode")
    group.add_argument("--article", help="an article id or content hash")


def event_filters(args: argparse.Namespace) -> EventFilters:
    dyad = getattr(args, "dyad", None)
    return EventFilters(
        actor=getattr(args, "actor", None),
        source=getattr(args, "source", None),
        target=getattr(args, "target", None),
        country=getattr(args, "country", None),
        dyad=(dyad[0], dyad[1]) if dyad else None,
        cameo=getattr(args, "cameo", None),
        plover=getattr(args, "plover", None),
        quad_class=getattr(args, "quad_class", None),
        start=getattr(args, "start", None),
        end=getattr(args, "end", None),
        mode=getattr(args, "mode", None),
        article=getattr(args, "article", None),
    )


def open_read(path: str) -> Store:
    """The store at `path` for reading (raises StoreError E301 when there is none)."""
    return Store(path, read_only=True)


def fail(error: StoreError, stderr: TextIO) -> int:
    print(f"communique: {error}", file=stderr)
    return EXIT_USAGE


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    columns: Sequence[str] | None = None,
    envelope: dict[str, Any] | None = None,
) -> None:
    """Print rows as an aligned table, JSON (the envelope, if any, around them) or CSV."""
    if fmt == "json":
        data: Any = {**envelope, "items": list(rows)} if envelope is not None else list(rows)
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    names = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[_plain(row.get(n)) for n in names] for row in rows])
        return
    table = [[_cell(row.get(n)) for n in names] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in table]) for i, n in enumerate(names)]
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for line in table:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
    if envelope is not None and envelope.get("total", 0) > len(rows):
        shown = f"{envelope['offset'] + 1}-{envelope['offset'] + len(rows)}"
        out.write(f"({shown} of {envelope['total']}; use --offset/--limit for more)\n")


def _plain(value: Any) -> Any:
    return "" if value is None else value


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"
