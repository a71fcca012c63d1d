"""A loopback HTTP server for the watch tests and bench: feeds, sitemaps, pages and
robots.txt made up by the caller, with a log of every request. Nothing here is real news."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering: a slow host
    etag: str | None = None


@dataclass
class Site:
    """What one host serves, and what it was asked: (path, If-None-Match) per request."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str | None]] = field(default_factory=list)
    posts: list[tuple[str, bytes]] = field(default_factory=list)  # (path, body) of each POST
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def requested(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.log if p == path)

    def conditional(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, tag in self.log if p == path and tag)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            tag = self.headers.get("If-None-Match")
            with site.lock:
                site.log.append((self.path, tag))
                route = site.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and tag == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.send_header("Last-Modified", formatdate(usegmt=True))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up (a timeout test)
                self.wfile.write(route.body)

        def do_POST(self) -> None:  # noqa: N802 (a webhook receiving alerts)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with site.lock:
                site.posts.append((self.path, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """`site` served on 127.0.0.1 on a free port (its `url`), until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article>"
        f"<h1>{escape(title)}</h1>{body}</article></body></html>"
    ).encode()


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, date) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>{escape(d)}</pubDate><description>{escape(t)}</description></item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title>{entries}</channel></rss>"
    ).encode()


def sitemap(links: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{escape(link)}</loc></url>" for link in links)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


# Sentences written for these tests: made-up events between Ghana and Togo in made-up
# towns, varied enough (a slot every few words) that no two stories are near-duplicates.
TOWNS = ["Kessa", "Morvin", "Tallon", "Brevik", "Osterly", "Quillan", "Dunmore", "Pellam",
         "Ravenna", "Sorrel", "Tamsin", "Ulvik", "Varden", "Wexly", "Yarrow", "Zennor"]  # fmt: skip
NAMES = ["Kwame Mensah", "Ama Owusu", "Kofi Boateng", "Efua Asante", "Yaw Darko",
         "Akosua Addo", "Kojo Appiah", "Abena Ofori"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SENTENCES = [
    "The foreign ministry of Ghana said on {day} that talks with Togo over {town} would "
    "resume after {n} weeks.",
    "Officials in Accra accused Togo of detaining {k} farmers near {town} on {day}.",
    "Togo denied the accusation and said its {k} border guards near {other} had acted lawfully.",
    "{name}, a spokesman in Accra, said {m} observers would watch the vote in {other}.",
    "Police in {town} arrested {k} men on {day} after a protest over the price of bread.",
    "Ghana and Togo signed an agreement on {day} to reopen the crossing at {other}.",
    "{name} urged both governments to release the {m} detainees held since {day}.",
    "The president of Togo met {name} in {town} to discuss trade worth {m} million dollars.",
    "Protesters in {other} demanded the return of {k} fishermen seized on {day}.",
]


def story(n: int) -> list[str]:
    """A short made-up story, its own for every `n`."""
    import random

    rng = random.Random(n)
    chosen = rng.sample(SENTENCES, 5)
    return [
        s.format(
            day=rng.choice(DAYS), town=rng.choice(TOWNS), other=rng.choice(TOWNS),
            name=rng.choice(NAMES), n=n, k=rng.randint(2, 40), m=rng.randint(50, 900),
        )
        for s in chosen
    ]
