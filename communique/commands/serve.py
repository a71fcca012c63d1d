"""`communique serve --db news.duckdb --port 8000`: the REST API and the web page.

    communique serve --db news.duckdb            # http://127.0.0.1:8000/ and /api/docs

The database is opened read-only; nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ..store import StoreError
from ._util import EXIT_OK, add_db, fail


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="serve the REST API and the web page")
    add_db(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.set_defaults(run=serve_cli)


def serve_cli(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO) -> int:
    """Run `communique serve` until interrupted."""
    import uvicorn

    from ..api import create_app

    try:
        app = create_app(args.db)
    except StoreError as error:
        return fail(error, sys.stderr)
    print(f"communique: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
