"""Screenshots of the web page for the README, taken in headless Chromium.

    python bench/screenshots.py                       # examples/ -> docs/*.png
    python bench/screenshots.py --db news.duckdb --article ID --dyad ARM AZE

Ingests PATHs into a temporary DuckDB file (unless --db names one), serves it with
`communique serve`'s app on a local port, and saves the article view and a dyad
chart. Needs Debian's chromium (/usr/bin/chromium) and the playwright package.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from communique.api import create_app
from communique.ingest import read
from communique.store import Store, ingest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: str) -> tuple[uvicorn.Server, str]:
    """Start the app on a free local port in a thread; returns the server and its URL."""
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        # The examples, plus a short invented Turkey-Greece series so the dyad has a timeline.
        default=[str(ROOT / "examples"), str(ROOT / "bench" / "data" / "timeline.jsonl")],
    )
    parser.add_argument("--db", help="an existing store to show instead of ingesting PATHs")
    parser.add_argument("--article", default="example-georgia-armenia-trade")
    parser.add_argument("--dyad", nargs=2, default=["Turkey", "Greece"], metavar=("A", "B"))
    parser.add_argument("--interval", default="month")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "news.duckdb")
        if not args.db:
            with Store(db) as store:
                ingest(read(args.paths, published="2024-03-08"), store)
        server, url = serve(db)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        a, b = args.dyad
        shots = {
            "screenshot-article.png": (f"{url}/articles/{args.article}", "#article-text"),
            "screenshot-dyad.png": (f"{url}/dyads/{a}/{b}?interval={args.interval}", "main"),
        }
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, (address, ready) in shots.items():
                page.goto(address)
                page.wait_for_selector(ready)
                page.screenshot(path=str(out / name), full_page=False)
                print(f"wrote {out / name}", file=sys.stderr)
            browser.close()
        server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
