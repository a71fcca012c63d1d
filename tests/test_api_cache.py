"""The read-only server's response cache (issue 13, item 11): a repeated GET is answered
from memory with the same body; errors, writable stores and --no-cache are never cached;
concurrent requests for one page make it once; the cache is bounded."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.api.cache import ResponseCache
from communique.cli import parse
from communique.ingest import read
from communique.store import Store, ingest

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cache") / "news.duckdb"
    with Store(path) as store:
        ingest(read([str(EXAMPLES / "articles.jsonl")]), store)
    return path


@pytest.mark.parametrize(
    "url", ["/api/events?limit=5", "/api/articles/example-georgia-armenia-trade", "/actors", "/"]
)
def test_a_repeated_get_is_answered_from_the_cache(db: Path, url: str) -> None:
    client = TestClient(create_app(db))
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert first.headers["content-type"] == second.headers["content-type"]
    assert client.get(url + ("&" if "?" in url else "?") + "x=1").headers["x-cache"] == "miss"


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/events?quad_class=9"])
def test_errors_are_not_cached(db: Path, url: str) -> None:
    client = TestClient(create_app(db))
    answers = [client.get(url) for _ in range(2)]
    assert [a.headers.get("x-cache") for a in answers] == ["miss", "miss"]
    assert all(a.status_code >= 400 for a in answers)


@pytest.mark.parametrize("how", ["writable", "no-cache"])
def test_no_cache_for_a_writable_store_or_when_turned_off(
    db: Path, tmp_path: Path, how: str
) -> None:
    if how == "writable":
        app = create_app(tmp_path / "w.duckdb", read_only=False, token="x" * 16)
    else:
        app = create_app(db, cache=parse(["serve", "--no-cache"]).cache)
    client = TestClient(app)
    assert all("x-cache" not in client.get("/api/stats").headers for _ in range(2))


async def _app_counting(calls: list[str], scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """A small ASGI app: counts its calls, takes a moment, answers the path."""
    calls.append(scope["path"])
    await asyncio.sleep(0.05)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": scope["path"].encode()})


async def _get(app: ResponseCache, path: str) -> bytes:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b""}
    await app(scope, receive, send)
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("clients", [20])
def test_concurrent_requests_for_one_page_make_it_once(clients: int) -> None:
    calls: list[str] = []
    cache = ResponseCache(lambda s, r, w: _app_counting(calls, s, r, w))

    async def run() -> list[bytes]:
        return await asyncio.gather(*(_get(cache, "/page") for _ in range(clients)))

    assert asyncio.run(run()) == [b"/page"] * clients
    assert calls == ["/page"]


@pytest.mark.parametrize("entries", [2])
def test_the_cache_keeps_the_most_recent_pages_only(entries: int) -> None:
    calls: list[str] = []
    cache = ResponseCache(lambda s, r, w: _app_counting(calls, s, r, w), entries=entries)

    async def run() -> None:
        for path in ["/a", "/b", "/a", "/c", "/a", "/b"]:
            await _get(cache, path)

    asyncio.run(run())
    assert calls == ["/a", "/b", "/c", "/b"]  # /b was the least recent when /c came


@pytest.mark.parametrize("max_bytes", [12])
def test_the_cache_holds_at_most_max_bytes_of_bodies(max_bytes: int) -> None:
    calls: list[str] = []
    cache = ResponseCache(lambda s, r, w: _app_counting(calls, s, r, w), max_bytes=max_bytes)

    async def run() -> None:
        for path in ["/aaaaa", "/bbbbb", "/aaaaa", "/ccccc", "/aaaaa"]:
            await _get(cache, path)

    asyncio.run(run())
    assert cache.size <= max_bytes and len(cache.answers) == 2
    assert calls == ["/aaaaa", "/bbbbb", "/ccccc"]
