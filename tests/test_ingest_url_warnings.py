"""Issue 16: a `url` that is not http(s) is kept with a W101 warning; the article is not
failed, the warning is stored and listed, and only http(s) URLs pass `web_url`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_cli
from spacy.language import Language

from communique.cli import EXIT_OK
from communique.ingest.base import Defaults
from communique.ingest.jsonl import parse_record
from communique.links import web_url
from communique.model import Article
from communique.store import Store, ingest
from communique.store.contract import record

pytestmark = pytest.mark.issue(16)
TEXT = "Turkey criticised Greece on Monday over the new coastal patrols."


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b=1#c",
        "HTTP://EXAMPLE.ORG/",
        "http://[2001:db8::1]:8080/x",
    ],
)
def test_web_url_accepts_absolute_http_and_https(url: str) -> None:
    assert web_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " https://example.org/",
        "https://example.org/\x00",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//example.org/x",
        "/relative/path",
        "http:example.org",
        "https://",
        "http://[::1",
        "",
    ],
)
def test_web_url_refuses_every_other_scheme_and_shape(url: str) -> None:
    assert web_url(url) is None


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example/"])
def test_ingest_keeps_a_non_http_url_with_a_w101_warning(url: str) -> None:
    item = parse_record(
        {"id": "x", "text": TEXT, "url": url}, origin="a.jsonl:1", defaults=Defaults()
    )
    assert isinstance(item, Article) and item.url == url
    assert len(item.warnings) == 1 and item.warnings[0].startswith("[W101] a.jsonl:1: article 'x'")
    assert repr(url) in item.warnings[0]


@pytest.mark.parametrize("url", ["https://example.org/news/1", None])
def test_ingest_gives_no_warning_for_an_http_url_or_none(url: str | None) -> None:
    item = parse_record(
        {"id": "x", "text": TEXT, "url": url}, origin="a.jsonl:1", defaults=Defaults()
    )
    assert isinstance(item, Article) and item.warnings == ()


def test_ingest_stores_the_article_and_its_warning(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "bad", "text": TEXT, "url": "javascript:alert(1)"},
        {"id": "good", "text": TEXT + " Athens replied."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, _, err = run_cli(["ingest", str(path), "--db", str(tmp_path / "news.duckdb")])
    assert code == EXIT_OK and "1 warnings (W1xx" in err
    with Store(tmp_path / "news.duckdb", read_only=True) as store:
        stored = {r["id"] for r in store.query("SELECT id FROM articles")}
        found = record(store, "bad")
        stats = store.query("SELECT code FROM errors")
    assert stored == {"bad", "good"} and [r["code"] for r in stats] == ["W101"]
    assert found is not None and found["errors"] == [] and found["warnings"][0].startswith("[W101]")


def test_ingest_warning_leaves_the_summary_without_failures(tmp_path: Path, nlp: Language) -> None:
    article = parse_record(
        {"id": "w", "text": TEXT, "url": "javascript:x"}, origin="o", defaults=Defaults()
    )
    assert isinstance(article, Article)
    summary = ingest([article], tmp_path / "news.duckdb")
    assert (summary.stored, summary.failed, summary.errors, summary.warnings) == (1, 0, 0, 1)


def test_extract_prints_the_warning_and_exits_ok(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "w", "text": TEXT, "url": "javascript:x"}) + "\n", encoding="utf-8"
    )
    code, out, err = run_cli(["extract", str(path)])
    data = json.loads(out)
    assert code == EXIT_OK and data["errors"] == [] and data["warnings"][0].startswith("[W101]")
    assert "[W101]" in err


def test_api_ingest_answers_a_warning_apart_from_errors(tmp_path: Path, nlp: Language) -> None:
    from fastapi.testclient import TestClient

    from communique.api import create_app

    app = create_app(tmp_path / "news.duckdb", read_only=False, token="t" * 20)
    try:
        body = {"articles": [{"id": "w", "text": TEXT, "url": "javascript:alert(1)"}]}
        response = TestClient(app).post(
            "/api/ingest", json=body, headers={"Authorization": "Bearer " + "t" * 20}
        )
        data = response.json()
        assert response.status_code == 200 and data["errors"] == []
        assert [w["code"] for w in data["warnings"]] == ["W101"]
        assert data["summary"]["stored"] == 1 and data["summary"]["warnings"] == 1
    finally:
        app.state.store.close()
