"""`communique serve --db news.duckdb --port 8000`: the REST API and the web page.

    communique serve --db news.duckdb            # http://127.0.0.1:8000/ and /api/docs
    COMMUNIQUE_API_TOKEN=... communique serve --db news.duckdb --writable

The database is opened read-only and no endpoint writes, unless `--writable` is given
with a token in $COMMUNIQUE_API_TOKEN: then `POST /api/ingest` stores articles for
requests that carry `Authorization: Bearer <token>`. CORS is off unless
`--cors-origin` names an origin. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from ..store import StoreError
from ._util import EXIT_OK, EXIT_USAGE, add_db, fail, number


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="serve the REST API and the web page")
    add_db(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=number(int, 1, 65535), default=8000, help="port to listen on"
    )
    parser.add_argument(
        "--writable",
        action="store_true",
        help="open the database for writing and offer POST /api/ingest, for requests with "
        "the token in $COMMUNIQUE_API_TOKEN",
    )
    parser.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let browsers on ORIGIN call the API (repeatable; default: none)",
    )
    parser.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="make every answer afresh (by default a read-only server keeps repeated GETs)",
    )
    parser.set_defaults(run=serve_cli)


def serve_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique serve` until interrupted."""
    import uvicorn

    from ..api import create_app
    from ..api.security import TOKEN_ENV

    token = os.environ.get(TOKEN_ENV, "").strip() or None
    if args.writable and (token is None or len(token) < 16):
        print(
            f"communique: --writable needs a token of 16+ characters in ${TOKEN_ENV}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        app = create_app(
            args.db,
            read_only=not args.writable,
            token=token if args.writable else None,
            cors_origins=args.cors_origin,
            cache=args.cache,
        )
    except StoreError as error:
        return fail(error, sys.stderr)
    print(f"communique: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
