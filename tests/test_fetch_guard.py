"""Issue 16: the guarded fetch that `watch` will use, against a loopback server the test
starts. Nothing here reaches beyond loopback: name lookups are replaced where a test
needs a name, and refused addresses are refused before any connection is made."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.ingest import fetch as fetch_module
from communique.ingest.fetch import FetchError, FetchLimits, address_problem, fetch

PAGE = b"<html><body><p>Ministers met in Nairobi.</p></body></html>"
BOMB = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros in about 20 KB


class Handler(BaseHTTPRequestHandler):
    seen: list[tuple[str, str]] = []  # (path, Host header) of every request

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        return None

    def do_GET(self) -> None:
        Handler.seen.append((self.path, self.headers.get("Host", "")))
        route = ROUTES.get(self.path.split("?")[0])
        try:
            if route is None:
                self._send(404, b"no such page")
            else:
                route(self)
        except OSError:  # the client hung up before the end, as a guarded fetch should
            return

    def _send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


def _redirect(to: str):  # type: ignore[no-untyped-def]
    return lambda h: h._send(302, b"", Location=to)


def _unsized(h: Handler) -> None:
    """3 MB with no Content-Length: only reading can find out it is too big."""
    h.send_response(200)
    h.send_header("Connection", "close")
    h.end_headers()
    for _ in range(300):
        h.wfile.write(b"x" * 10_000)


def _drip(h: Handler) -> None:
    """A byte every 0.05 s for ever: each read is quick, the whole never ends."""
    h.send_response(200)
    h.send_header("Connection", "close")
    h.end_headers()
    for _ in range(2000):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.05)


ROUTES = {
    "/ok": lambda h: h._send(200, PAGE, Content_Type="text/html; charset=utf-8"),
    "/gzip": lambda h: h._send(200, gzip.compress(PAGE), Content_Encoding="gzip"),
    "/bomb": lambda h: h._send(200, BOMB, Content_Encoding="gzip"),
    "/brotli": lambda h: h._send(200, b"\x0b\x02\x80", Content_Encoding="br"),
    "/big": lambda h: h._send(200, b"x" * 3_000_000),
    "/unsized": _unsized,
    "/slow": lambda h: (time.sleep(1.5), h._send(200, PAGE)),
    "/drip": _drip,
    "/hop1": _redirect("/hop2"),
    "/hop2": _redirect("/ok"),
    "/loop": _redirect("/loop"),
    "/to-javascript": _redirect("javascript:alert(1)"),
    "/to-file": _redirect("file:///etc/passwd"),
    "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-loopback": _redirect("/ok"),  # a relative hop back to the same (loopback) host
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_guard_gets_a_page_from_an_allowed_private_server(server: str) -> None:
    found = fetch(server + "/ok", allow_private=True)
    assert (found.status, found.body, found.redirects) == (200, PAGE, ())
    assert found.content_type == "text/html; charset=utf-8"


@pytest.mark.parametrize("path", ["/ok", "/hop1"])
def test_fetch_guard_refuses_loopback_by_default(server: str, path: str) -> None:
    before = len(Handler.seen)
    with pytest.raises(FetchError, match="loopback") as refused:
        fetch(server + path)
    assert refused.value.url == server + path and "127.0.0.1" in refused.value.reason
    assert len(Handler.seen) == before  # refused before connecting


@pytest.mark.parametrize(
    "url,reason",
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fd00:ec2::254]/", "private"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://100.64.0.1/", "not a globally routable"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.251/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[64:ff9b::a00:1]/", "private"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 as one decimal number
    ],
)
def test_fetch_guard_refuses_internal_addresses(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch(url)


@pytest.mark.parametrize(
    "url,shown",
    [
        ("file:///etc/passwd", "'file'"),
        ("ftp://example.org/feed.xml", "'ftp'"),
        ("javascript:alert(1)", "'javascript'"),
        ("data:text/html,<script>alert(1)</script>", "'data'"),
        ("http:/example.org", "no host"),
        ("//example.org/feed", "no host"),
    ],
)
def test_fetch_guard_fetches_only_http_and_https(url: str, shown: str) -> None:
    with pytest.raises(FetchError, match="only absolute http and https") as refused:
        fetch(url, allow_private=True)
    assert shown in str(refused.value) and repr(url) in str(refused.value)


@pytest.mark.parametrize(
    "addresses", [["93.184.216.34", "127.0.0.1"], ["10.0.0.7"], ["2606:4700::1", "fe80::1"]]
)
def test_fetch_guard_checks_every_address_a_name_resolves_to(
    monkeypatch: pytest.MonkeyPatch, addresses: list[str]
) -> None:
    """One internal address among public ones is enough to refuse: the connection could
    go to any of them."""

    def lookup(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        family = {4: socket.AF_INET, 6: socket.AF_INET6}
        return [
            (family[ipaddress.ip_address(a).version], socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lookup)
    with pytest.raises(FetchError, match="feeds.example resolves to"):
        fetch("http://feeds.example/rss")


def test_fetch_guard_connects_to_the_address_it_checked(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is looked up once; the request goes to that address with the name as Host,
    so a second lookup that answers otherwise (DNS rebinding) is never made."""
    port = int(server.rsplit(":", 1)[1])
    lookups: list[str] = []

    def lookup(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lookup)
    found = fetch(f"http://news.example:{port}/ok", allow_private=True)
    assert found.body == PAGE and lookups == ["news.example"]
    assert Handler.seen[-1] == ("/ok", f"news.example:{port}")


def test_fetch_guard_follows_redirects_and_reports_each_hop(server: str) -> None:
    found = fetch(server + "/hop1", allow_private=True)
    assert found.body == PAGE and found.url == server + "/ok"
    assert found.redirects == (server + "/hop1", server + "/hop2")


@pytest.mark.parametrize("path,most", [("/hop1", 1), ("/loop", 5)])
def test_fetch_guard_limits_redirects(server: str, path: str, most: int) -> None:
    with pytest.raises(FetchError, match=f"more than {most} redirects"):
        fetch(server + path, allow_private=True, limits=FetchLimits(max_redirects=most))


@pytest.mark.parametrize(
    "path,reason",
    [("/to-javascript", "'javascript'"), ("/to-file", "'file'"), ("/to-metadata", "link-local")],
)
def test_fetch_guard_checks_each_redirect_hop(
    server: str, monkeypatch: pytest.MonkeyPatch, path: str, reason: str
) -> None:
    """The test server stands in for a public one (its address passes); where it redirects
    to is judged by the real rules."""
    real = fetch_module.address_problem
    monkeypatch.setattr(
        fetch_module,
        "address_problem",
        lambda a: None if a == ipaddress.ip_address("127.0.0.1") else real(a),
    )
    with pytest.raises(FetchError, match=reason) as refused:
        fetch(server + path)
    assert refused.value.url != server + path  # the hop is named, not the first URL


def test_fetch_guard_decompresses_gzip(server: str) -> None:
    assert fetch(server + "/gzip", allow_private=True).body == PAGE


@pytest.mark.parametrize(
    "limits,reason",
    [
        (FetchLimits(max_bytes=1_000_000), "over 1000000 bytes"),
        (FetchLimits(max_bytes=50_000_000, max_ratio=100), "expands more than 100 times"),
    ],
)
def test_fetch_guard_stops_a_decompression_bomb(
    server: str, limits: FetchLimits, reason: str
) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch(server + "/bomb", allow_private=True, limits=limits)


@pytest.mark.parametrize("path", ["/big", "/unsized"])
def test_fetch_guard_caps_the_response_size(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="over 1000000"):
        fetch(server + path, allow_private=True, limits=FetchLimits(max_bytes=1_000_000))


def test_fetch_guard_refuses_an_encoding_it_cannot_bound(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetch(server + "/brotli", allow_private=True)


def test_fetch_guard_times_out_on_a_silent_server(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch(server + "/slow", allow_private=True, limits=FetchLimits(timeout=0.3))


def test_fetch_guard_deadline_also_bounds_the_wait_for_headers(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server + "/slow", allow_private=True, limits=FetchLimits(timeout=5, deadline=0.4))
    assert time.monotonic() - started < 1.2


def test_fetch_guard_stops_a_server_that_never_finishes(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s"):
        fetch(server + "/drip", allow_private=True, limits=FetchLimits(timeout=2, deadline=0.5))
    assert time.monotonic() - started < 3


def test_fetch_guard_names_an_http_error(server: str) -> None:
    with pytest.raises(FetchError, match="answered 404"):
        fetch(server + "/missing", allow_private=True)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "8.8.8.8"])
def test_fetch_guard_passes_public_addresses(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None
