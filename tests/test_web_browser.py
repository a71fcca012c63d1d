"""End to end in headless Chromium: search, open an article, see highlights and the dyad chart.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (never
`playwright install`); skips with a message naming what is missing. `.ci/run` installs it.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EXAMPLES = Path(__file__).parents[1] / "examples"

if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium is missing: apt-get install -y chromium (see .ci/run)", allow_module_level=True
    )
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[str]:
    import uvicorn

    from communique.api import create_app
    from communique.ingest import read
    from communique.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "news.duckdb"
    with Store(path) as store:
        ingest(read([str(EXAMPLES)], published="2024-03-08"), store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if app_server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize("query", ["trade"])
def test_web_browser_search_article_highlights_and_chart(server: str, query: str) -> None:
    with playwright.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.fill("header input[name=q]", query)
            page.press("header input[name=q]", "Enter")
            page.wait_for_selector("#results li a.title")
            page.click("#results li a.title >> nth=0")
            page.wait_for_selector("#article-text")
            assert page.locator("#article-text .hl-quote").count() > 0
            assert page.locator("#article-text .hl-trigger").count() > 0
            page.locator("#article-text .hl-trigger").first.click()
            assert page.locator(".card.active").count() == 1
            page.click(".event-card a:has-text('timeline') >> nth=0")
            page.wait_for_selector("#dyad-chart svg.dyad-chart")
            assert page.locator("#dyad-chart rect.bar").count() > 0
            box = page.locator("#dyad-chart svg").bounding_box()
            assert box is not None and box["width"] > 300
        finally:
            browser.close()


def _browser(pw):  # type: ignore[no-untyped-def]
    return pw.chromium.launch(
        executable_path=CHROMIUM,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


@contextlib.contextmanager
def _page(url: str):  # type: ignore[no-untyped-def]
    """A headless Chromium page at `url`, closed afterwards."""
    with playwright.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            page = browser.new_page()
            page.goto(url)
            yield page
        finally:
            browser.close()


@pytest.mark.parametrize("typo,name", [("Turky", "Turkey")])
def test_web_browser_unknown_actor_suggests_and_links_the_closest(
    server: str, typo: str, name: str
) -> None:
    """Issue 13: an actor filter that matches nothing says so and links the closest actors."""
    with _page(f"{server}/actors?q={typo}") as page:
        page.wait_for_selector("p.suggest")
        assert f"No actor matches “{typo}”" in page.inner_text("p.suggest")
        page.click(f"p.suggest a:text-is('{name}')")
        page.wait_for_selector("h1")
        assert name in page.inner_text("h1")


@pytest.mark.parametrize("a,b", [("Turkey", "Greece")])
def test_web_browser_dyad_chart_has_a_time_axis(server: str, a: str, b: str) -> None:
    """Issue 13: bars stand where their weeks are; a gap of weeks is a gap on the page."""
    with _page(f"{server}/dyads/{a}/{b}?interval=week") as page:
        page.wait_for_selector("#dyad-chart svg.dyad-chart")
        bars = page.locator("#dyad-chart rect.bar")
        boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
        lefts = sorted({round(box["x"]) for box in boxes if box is not None})
        steps = [b - a for a, b in zip(lefts, lefts[1:], strict=False)]
        assert len(lefts) >= 4 and max(steps) >= 2 * min(steps)  # the series has gaps
