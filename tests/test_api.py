"""The REST API and the web page, in process: every endpoint, filters, pagination, 4xx errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from communique.api import create_app
from communique.ingest import read
from communique.store import Store, ingest

EXAMPLES = Path(__file__).parents[1] / "examples"
ARTICLE = "example-georgia-armenia-trade"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> TestClient:
    path = tmp_path_factory.mktemp("api") / "news.duckdb"
    with Store(path) as store:
        ingest(read([str(EXAMPLES)], published="2024-03-08"), store)
    return TestClient(create_app(path))


@pytest.mark.parametrize(
    "url",
    [
        "/api/health",
        "/api/stats",
        "/api/articles",
        f"/api/articles/{ARTICLE}",
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/actors/ARM",
        "/api/dyads/GEO/ARM",
        "/api/contested",
        "/api/network",
        "/api/errors",
        "/api/openapi.json",
        "/api/docs",
        "/",
        "/?q=trade",
        f"/articles/{ARTICLE}",
        "/actors",
        "/actors/ARM",
        "/dyads/GEO/ARM?interval=day",
        "/network",
        "/contested",
        "/contested?a=Turkey&b=Greece&denied=true",
        "/static/app.css",
        "/static/app.js",
    ],
)
def test_api_every_endpoint_answers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("read_only", [True])
def test_api_health_reports_a_read_only_store(client: TestClient, read_only: bool) -> None:
    assert client.get("/api/health").json()["read_only"] is read_only


@pytest.mark.parametrize("limit", [2])
def test_api_lists_are_paginated(client: TestClient, limit: int) -> None:
    first = client.get("/api/events", params={"limit": limit}).json()
    assert len(first["items"]) == limit and first["next_offset"] == limit
    second = client.get("/api/events", params={"limit": limit, "offset": limit}).json()
    assert first["total"] == second["total"] > limit
    assert first["items"][0] != second["items"][0]


@pytest.mark.parametrize(
    "params,check",
    [
        ({"actor": "GEO"}, lambda e: "GEO" in (e["source_country"], e["target_country"])),
        ({"quad_class": 1}, lambda e: e["quad_class"] == 1),
        ({"cameo": "05"}, lambda e: e["cameo"].startswith("05")),
        (
            {"start": "2024-05-01", "end": "2024-06-30"},
            lambda e: "2024-05-01" <= e["day"] <= "2024-06-30",
        ),
    ],
)
def test_api_event_filters_select_matching_events(client: TestClient, params: dict, check) -> None:
    items = client.get("/api/events", params=params).json()["items"]
    assert items and all(check(e) for e in items)


@pytest.mark.parametrize(
    "url,status",
    [
        ("/api/events?limit=501", 422),
        ("/api/events?quad_class=9", 422),
        ("/api/events?start=someday", 422),
        ("/api/events?cameo=abc", 422),
        ("/api/articles/nope", 404),
        ("/api/actors/nobody", 404),
        ("/api/dyads/GEO/ARM?interval=hour", 422),
        ("/articles/nope", 404),
    ],
)
def test_api_bad_requests_get_clear_4xx(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["detail"]


@pytest.mark.parametrize("ref", [ARTICLE])
def test_api_article_is_the_output_contract(client: TestClient, ref: str) -> None:
    data = client.get(f"/api/articles/{ref}").json()
    assert set(data["result"]) == {"article", "actors", "quotes", "events", "errors", "warnings"}
    assert data["result"]["article"]["id"] == ref


@pytest.mark.parametrize("pair", [("GEO", "ARM")])
def test_api_dyad_series_counts_by_quad_class(client: TestClient, pair: tuple[str, str]) -> None:
    series = client.get(f"/api/dyads/{pair[0]}/{pair[1]}", params={"interval": "day"}).json()[
        "series"
    ]
    assert series and all(r["events"] == r["q1"] + r["q2"] + r["q3"] + r["q4"] for r in series)


@pytest.mark.parametrize("page", ["/api/docs", "/", f"/articles/{ARTICLE}", "/dyads/GEO/ARM"])
def test_api_pages_load_nothing_from_outside(client: TestClient, page: str) -> None:
    html = client.get(page).text
    assert "cdn" not in html.lower() and 'src="http' not in html and 'href="http' not in html


@pytest.mark.parametrize("ref", [ARTICLE])
def test_api_article_page_marks_quotes_and_events(client: TestClient, ref: str) -> None:
    html = client.get(f"/articles/{ref}").text
    assert 'class="hl hl-quote' in html and "hl-trigger" in html and 'data-refs="' in html


@pytest.mark.parametrize("path", ["/api/health", "/api/events", "/api/dyads/{a}/{b}"])
def test_api_openapi_lists_endpoints(client: TestClient, path: str) -> None:
    assert path in client.get("/api/openapi.json").json()["paths"]
