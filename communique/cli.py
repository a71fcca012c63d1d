"""The `communique` command: a thin layer over `communique.ingest` and `communique.pipeline`.

    communique extract examples/                    # JSON Lines, one object per article
    communique extract story.txt --published 2023-05-31 --pretty
    cat articles.jsonl | communique extract -
    communique ingest examples/ --db news.duckdb       # store; see communique/commands/
    communique serve --db news.duckdb                  # REST API and web page

Exit codes: 0 every input was processed; 1 at least one article has `errors`
(its object is still printed and the rest of the batch is processed);
2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from . import __version__
from .model import Result

EXIT_OK = 0
EXIT_ARTICLE_ERRORS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Who said what, and who did what to whom: quotes and CAMEO events from news.",
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract",
        help="print quotes, actors and events of each article as JSON Lines",
        description=(
            "Read articles (plain text, JSON Lines, HTML, RSS/Atom; files, folders, globs, "
            "'-' for JSON Lines on stdin) and print one JSON object per article. "
            "Exit code 1 when any article has errors."
        ),
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs or '-'")
    extract.add_argument("--pretty", action="store_true", help="indented JSON for people")
    from .commands import export, ingest, query, serve, watch
    from .commands._util import add_input_options, add_scale_options, add_vocabulary_options

    add_input_options(extract)
    add_scale_options(extract)
    add_vocabulary_options(extract)
    extract.set_defaults(run=extract_cli)

    for command in (ingest, query, export, serve, watch):
        command.register(commands)
    _remember_parsers(parser)
    return parser


def _remember_parsers(parser: argparse.ArgumentParser) -> None:
    """Each subcommand's parser keeps itself as a default, so that an argument it does not
    know is reported with its own usage, not the top-level one."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                sub.set_defaults(parser=sub)
                _remember_parsers(sub)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line; exits with code 2 and the subcommand's usage when it is
    wrong."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        getattr(args, "parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def extract_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique extract`; returns the exit code."""
    from .commands._util import Skips, vocabulary_from
    from .commands.progress import article_progress, counted, make_console
    from .ingest import read
    from .ingest.count import count_items
    from .scale import extractor

    skips = Skips()
    try:
        items = read(
            args.paths, published=args.published, source=args.source, stdin=stdin, on_skip=skips
        )
        vocabulary = vocabulary_from(args)
    except ValueError as error:
        print(f"communique: {error}", file=sys.stderr)
        return EXIT_USAGE
    console = make_console()
    # A bar beside the JSON on the same terminal would garble both: only when stdout goes
    # to a file or a pipe and stderr is a terminal.
    live = console.is_terminal and not args.quiet and not stdout.isatty()
    with (
        extractor(
            workers=args.workers,
            dask=args.dask,
            min_confidence=args.min_confidence,
            vocabulary=vocabulary,
        ) as extract,
        article_progress(console, enabled=live) as progress,
    ):
        total = count_items(args.paths) if live else None
        task = progress.add_task("extract", total=total, counts="")
        results = counted(extract(items), progress, task)
        code, count = _print_results(results, pretty=args.pretty, stdout=stdout)
    skips.report(sys.stderr, verbose=args.verbose)
    if not count:
        print("communique: no articles read", file=sys.stderr)
    return code


def _print_results(results: Iterable[Result], *, pretty: bool, stdout: TextIO) -> tuple[int, int]:
    """Print each result; the exit code and how many results there were."""
    failed = False
    count = 0
    for result in results:
        count += 1
        if result.errors:
            failed = True
        for message in (*result.errors, *result.warnings):  # a warning fails nothing
            print(f"communique: {message}", file=sys.stderr)
        data = result.to_dict()
        text = json.dumps(data, ensure_ascii=False, indent=2 if pretty else None)
        stdout.write(text + "\n")
        stdout.flush()
    return (EXIT_ARTICLE_ERRORS if failed else EXIT_OK), count


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    return int(args.run(args, stdin=sys.stdin, stdout=sys.stdout))


if __name__ == "__main__":
    sys.exit(main())
