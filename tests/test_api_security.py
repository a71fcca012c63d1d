"""API hardening: read-only by default, writes behind a token, bounded requests, no CORS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from communique.api import create_app
from communique.store import Store

TOKEN = "t0ken-for-the-tests-only"
ARTICLE = {
    "id": "w1",
    "text": "Turkey criticised Greece on Monday over the new coastal patrols. "
    "“We will not accept this,” the Turkish foreign minister said.",
    "published": "2024-02-05",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("sec") / "news.duckdb"
    Store(path).close()
    return TestClient(create_app(path))


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "news.duckdb", read_only=False, token=TOKEN)
    yield TestClient(app)
    app.state.store.close()


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/api/events", "/api/articles", "/api/ingest"])
def test_api_security_read_only_app_refuses_writes(
    client: TestClient, method: str, url: str
) -> None:
    response = client.request(method, url, json={"articles": [ARTICLE]})
    assert response.status_code in (404, 405)
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/ingest"])
def test_api_security_read_only_schema_has_no_write_operation(
    client: TestClient, path: str
) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert path not in paths
    assert all(set(ops) == {"get"} for ops in paths.values())


@pytest.mark.parametrize("origin", ["http://evil.example"])
def test_api_security_cors_is_off_by_default(client: TestClient, origin: str) -> None:
    response = client.get("/api/health", headers={"Origin": origin})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/events", headers={"Origin": origin, "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize("origin", ["http://localhost:3000"])
def test_api_security_cors_allows_only_given_origins(origin: str) -> None:
    client = TestClient(create_app(Store(), cors_origins=[origin]))
    assert (
        client.get("/api/health", headers={"Origin": origin}).headers["access-control-allow-origin"]
        == origin
    )
    other = client.get("/api/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("size", [10_000])
def test_api_security_long_url_is_414(client: TestClient, size: int) -> None:
    response = client.get("/api/events", params={"q": "x" * size})
    assert response.status_code == 414 and "limit" in response.json()["detail"]


@pytest.mark.parametrize("chunked", [False, True])
def test_api_security_large_body_is_413(writable: TestClient, chunked: bool) -> None:
    body = b'{"articles": [' + b" " * 3_000_000 + b"]}"
    content = iter([body[i : i + 65536] for i in range(0, len(body), 65536)]) if chunked else body
    response = writable.post(
        "/api/ingest",
        content=content,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413 and "limit" in response.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_api_security_write_needs_the_token(writable: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=headers)
    assert response.status_code == 401 and response.json()["detail"]
    assert writable.get("/api/stats").json()["articles"] == 0


@pytest.mark.parametrize("bad", [{"id": "w2"}, {"id": "w3", "text": 42}])
def test_api_security_write_with_token_stores_and_names_bad_articles(
    writable: TestClient, nlp: Language, bad: dict
) -> None:
    response = writable.post(
        "/api/ingest",
        json={"articles": [ARTICLE, bad]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["summary"]["stored"] == 1 and data["summary"]["errors"] == 1
    assert [e["article_id"] for e in data["errors"]] == [bad["id"]]
    assert writable.get("/api/articles/w1").status_code == 200


@pytest.mark.parametrize("body", [{}, {"articles": []}, {"articles": "x"}, [1, 2]])
def test_api_security_bad_write_body_is_422(writable: TestClient, body: object) -> None:
    response = writable.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and response.json()["detail"]


@pytest.mark.parametrize(
    "url,status",
    [
        ("/actors?offset=-1", 422),
        ("/actors?offset=99999999999999999999999", 422),
        ("/network?limit=0", 422),
        ("/dyads/GEO/ARM?interval=hour", 422),
        ("/api/events?offset=99999999999999999999999", 422),
        ("/api/events?start=2024-02-30", 422),
        ("/api/articles/" + "x" * 300, 422),
    ],
)
def test_api_security_bad_values_are_4xx_with_detail(
    client: TestClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status and response.json()["detail"]


@pytest.mark.parametrize("a,b", [("x/../../admin", "y?z=1")])
def test_api_security_dyad_form_redirect_stays_on_the_dyad_page(
    client: TestClient, a: str, b: str
) -> None:
    response = client.get("/dyads", params={"a": a, "b": b}, follow_redirects=False)
    location = response.headers["location"]
    assert location.startswith("/dyads/") and location.count("/") == 3 and "?" not in location
