"""Issue 16: the security headers on every kind of answer (pages, JSON, static files,
redirects, errors the middleware or the 500 handler writes) and HEAD wherever GET is."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.api.headers import SECURITY_HEADERS
from communique.store import Store

pytestmark = pytest.mark.issue(16)


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = create_app(Store())

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("a bug")

    return TestClient(app, raise_server_exceptions=False)


def has_headers(response: object) -> bool:
    headers = response.headers  # type: ignore[attr-defined]
    return all(headers.get(name) == value for name, value in SECURITY_HEADERS.items())


@pytest.mark.parametrize(
    "url,status",
    [
        ("/", 200),
        ("/network", 200),
        ("/api/health", 200),
        ("/static/app.css", 200),
        ("/dyads?a=TUR&b=GRC", 307),
        ("/no-such-page", 404),
        ("/api/events?quad_class=9", 422),
        ("/api/events?q=" + "x" * 9000, 414),
        ("/boom", 500),
    ],
)
def test_security_headers_on_every_kind_of_answer(
    client: TestClient, url: str, status: int
) -> None:
    response = client.get(url, follow_redirects=False)
    assert response.status_code == status and has_headers(response)


def test_security_headers_on_a_refused_large_body(client: TestClient) -> None:
    response = client.post("/api/health", content=b"x" * 3_000_000)
    assert response.status_code == 413 and has_headers(response)


@pytest.mark.parametrize("url", ["/", "/actors", "/api/docs", "/api/stats", "/static/app.js"])
def test_security_head_is_answered_wherever_get_is(client: TestClient, url: str) -> None:
    """`HEAD /` answered 405 before issue 16; now HEAD is GET without a body."""
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(get.content)) and has_headers(head)


def test_security_head_on_a_write_only_route_is_still_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(tmp_path / "news.duckdb", read_only=False, token="t")
    try:
        response = TestClient(app).head("/api/ingest")
        assert response.status_code == 405 and has_headers(response)
    finally:
        app.state.store.close()
