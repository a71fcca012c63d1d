"""Issue 16: the hostile corpus (`hostile_corpus.py`) through `ingest`, then every web page
and every API route: no payload printed as markup, no link to another scheme, the security
headers on every answer, HEAD wherever GET is."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import hostile_corpus as corpus
import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from communique.api import create_app
from communique.api.headers import SECURITY_HEADERS
from communique.ingest import read
from communique.links import web_url
from communique.store import IngestSummary, Store, ingest

pytestmark = pytest.mark.issue(16)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> tuple[Path, IngestSummary]:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "news.duckdb"
    with Store(path) as store:
        summary = ingest(read([str(corpus.write(folder / "hostile.jsonl"))]), store)
        summary.stored += ingest([corpus.coded_result()], store).stored
    return path, summary


@pytest.fixture(scope="module")
def client(stored: tuple[Path, IngestSummary]) -> Iterator[TestClient]:
    app = create_app(stored[0])
    yield TestClient(app, raise_server_exceptions=False)
    app.state.store.close()


def test_hostile_ingest_keeps_each_url_and_warns_without_failing(
    stored: tuple[Path, IngestSummary],
) -> None:
    path, summary = stored
    given = {a["id"]: a["url"].strip() for a in corpus.articles()}
    with Store(path, read_only=True) as store:
        urls = {r["id"]: r["url"] for r in store.query("SELECT id, url FROM articles")}
        warned = {
            r["article_id"] for r in store.query("SELECT article_id FROM errors WHERE code='W101'")
        }
    assert summary.failed == len(corpus.BAD_DATES)  # only the dates that are no dates fail
    assert {k: urls[k] for k in given} == given
    assert warned == {k for k, url in given.items() if web_url(url) is None}
    assert summary.warnings == len(warned) == len(corpus.HOSTILE_URLS)


def test_hostile_corpus_reaches_actor_names_and_quotes(client: TestClient) -> None:
    """The corpus tests what it claims: payloads are in stored names and quotes."""
    names = [a["name"] for a in client.get("/api/actors?limit=500").json()["items"]]
    quotes = [q["content"] for q in client.get("/api/quotes?limit=500").json()["items"]]
    assert any("<script>" in n for n in names) and any(corpus.RLO in n for n in names)
    assert any("<script>" in q for q in quotes) and any("<img" in q for q in quotes)


def routes(app: Any) -> Iterator[Any]:
    """Every route of the app, inside included routers too (FastAPI nests them lately)."""
    for route in app.routes:
        inner = getattr(route, "original_router", None)
        yield from routes(inner) if inner is not None else [route]


def get_paths(client: TestClient) -> set[str]:
    return {r.path for r in routes(client.app) if "GET" in (getattr(r, "methods", None) or ())}


def hostile_urls(client: TestClient) -> list[str]:
    """A URL for each GET route, path parameters filled with what the store holds (uids,
    ids, actor keys and names, dyads) and with payloads; the listings searched for them."""
    articles = client.get("/api/articles?limit=500").json()["items"]
    actors = client.get("/api/actors?limit=500").json()["items"]
    edges = client.get("/api/network?limit=500").json()["edges"]
    refs = [a["uid"] for a in articles] + [quote(a["id"], safe="") for a in articles]
    who = [a["key"] for a in actors] + [quote(a["name"], safe="") for a in actors]
    pairs = [(e["source"], e["target"]) for e in edges] + [
        (quote(corpus.SCRIPT, safe=""), quote(corpus.BREAKOUT, safe=""))
    ]
    q = quote(corpus.SCRIPT, safe="")
    fill = {
        "/": ["/", f"/?q={q}", "/?q=Turkey"],
        "/articles/{ref}": [f"/articles/{r}" for r in refs],
        "/actors": ["/actors", f"/actors?q={q}"],
        "/actors/{ref}": [f"/actors/{r}" for r in who],
        "/dyads": [f"/dyads?a={q}&b=x"],
        "/dyads/{a}/{b}": [f"/dyads/{a}/{b}?interval=day" for a, b in pairs],
        "/network": ["/network"],
        "/contested": ["/contested", f"/contested?a={q}&b=x&denied=true"]
        + [f"/contested?a={a}&b={b}" for a, b in pairs[:3]],
        "/api/docs": ["/api/docs"],
        "/sources": ["/sources"],
        "/api/sources": ["/api/sources"],
        "/api/openapi.json": ["/api/openapi.json"],
        "/api/articles/{ref}": [f"/api/articles/{r}" for r in refs],
        "/api/actors/{ref}": [f"/api/actors/{r}" for r in who],
        "/api/dyads/{a}/{b}": [f"/api/dyads/{a}/{b}" for a, b in pairs],
        "/api/search": [f"/api/search?q={q}", f"/api/search?q={q}&kind=quotes"],
        "/api/contested": ["/api/contested", f"/api/contested?actor={q}&denied=true"]
        + [f"/api/contested?a={a}&b={b}" for a, b in pairs[:3]],
    }
    unknown = get_paths(client) - set(fill) - {"/api/" + p for p in LISTINGS}
    assert not unknown, f"a new route needs values for the hostile test: {unknown}"
    found = [u for urls in fill.values() for u in urls]
    found += [f"/api/{p}?limit=500" for p in LISTINGS] + [f"/api/{p}?q={q}" for p in SEARCHED]
    return found + ["/static/app.css", "/static/app.js", "/no-such-page"]


LISTINGS = ["health", "stats", "articles", "events", "quotes", "actors", "network", "errors"]
SEARCHED = ["articles", "events", "quotes", "actors"]


def test_hostile_every_openapi_route_is_visited(client: TestClient) -> None:
    schema_paths = set(client.get("/api/openapi.json").json()["paths"])
    assert schema_paths <= get_paths(client)
    visited = {u.split("?")[0] for u in hostile_urls(client)}
    for path in schema_paths:
        prefix = path.split("{")[0]
        assert any(v == path or (("{" in path) and v.startswith(prefix)) for v in visited), path


class Page(HTMLParser):
    """Tags and attributes of an HTML page, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inline: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._open = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def markup_problems(html: str) -> list[str]:
    """What in `html` could run or load something the app did not write itself."""
    problems = [f"unescaped {what}" for marker, what in corpus.MARKERS.items() if marker in html]
    page = Page()
    page.feed(html)
    problems += [f"inline script or style {text[:40]!r}" for text in page.inline]
    for tag, attrs in page.tags:
        if tag in ("iframe", "img", "object", "embed", "base", "style"):
            problems.append(f"a <{tag}> element")
        if tag == "script" and attrs.get("src") != "/static/app.js":
            problems.append(f"a script from {attrs.get('src')!r}")
        problems += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        problems += [f"<{tag} style=...>" for name in attrs if name == "style"]
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            link = attrs.get(name)
            if link is not None and not is_allowed_link(link):
                problems.append(f"<{tag} {name}={link[:60]!r}>")
    return problems


def is_allowed_link(link: str) -> bool:
    """A path on this server (not `//host`), a fragment or query, or an http(s) URL."""
    if link.startswith(("/", "?", "#")) and not link.startswith("//"):
        return True
    return web_url(link) is not None


def test_hostile_link_check_catches_every_bad_url() -> None:
    """The checker the page test relies on refuses each hostile URL as an href."""
    for url in corpus.HOSTILE_URLS:
        assert markup_problems(f'<a href="{url}">x</a>'), url


def test_hostile_pages_print_no_markup_and_link_no_other_scheme(client: TestClient) -> None:
    problems: dict[str, list[str]] = {}
    pages = 0
    for url in hostile_urls(client):
        response = client.get(url)
        if response.headers.get("content-type", "").startswith("text/html"):
            pages += 1
            found = markup_problems(response.text)
            if found:
                problems[url] = found
    assert pages >= 20 and not problems


def test_hostile_article_page_shows_a_bad_url_as_text(client: TestClient) -> None:
    for record in corpus.articles():
        uid = next(
            a["uid"]
            for a in client.get("/api/articles?limit=500").json()["items"]
            if a["id"] == record["id"]
        )
        page = Page()
        page.feed(client.get(f"/articles/{uid}").text)
        links = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
        url = record["url"].strip()
        assert (url in links) is (web_url(url) is not None), url


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_hostile_every_answer_has_the_security_headers(client: TestClient, method: str) -> None:
    missing: dict[str, list[str]] = {}
    statuses = set()
    for url in hostile_urls(client):
        response = client.request(method, url)
        statuses.add(response.status_code)
        wrong = [k for k, v in SECURITY_HEADERS.items() if response.headers.get(k) != v]
        if wrong or response.status_code >= 500 or response.status_code == 405:
            missing[url] = [*wrong, str(response.status_code)]
        if method == "HEAD":
            assert response.content == b"", url
    assert not missing
    assert {200, 404} <= statuses


def test_hostile_csp_forbids_inline_code_plugins_base_and_framing() -> None:
    policy = dict(
        p.strip().split(" ", 1) for p in SECURITY_HEADERS["Content-Security-Policy"].split(";")
    )
    assert policy == {
        "default-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }
