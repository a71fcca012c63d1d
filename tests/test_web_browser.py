"""End to end in headless Chromium: search, open an article, see highlights and the dyad chart.

Needs Debian's chromium at /usr/bin/chromium and the playwright package (never
`playwright install`); skips with a message naming what is missing. `.ci/run` installs it.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

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
    from communique.ingest import read
    from communique.store import Store, ingest

    path = tmp_path_factory.mktemp("web") / "news.duckdb"
    with Store(path) as store:
        ingest(read([str(EXAMPLES)], published="2024-03-08"), store)
    yield from _serve(path)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[str]:
    """The app over the hostile corpus of issue 16 (`hostile_corpus.py`)."""
    import hostile_corpus as corpus

    from communique.ingest import read
    from communique.store import Store, ingest

    folder = tmp_path_factory.mktemp("hostile-web")
    with Store(folder / "news.duckdb") as store:
        ingest(read([str(corpus.write(folder / "hostile.jsonl"))]), store)
        ingest([corpus.coded_result()], store)
    yield from _serve(folder / "news.duckdb")


def _serve(path: Path) -> Iterator[str]:
    """`communique serve` over `path` in a thread, on a free loopback port."""
    import uvicorn

    from communique.api import create_app

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


# Issue 16: under the Content-Security-Policy, pages still look and work, and hostile
# articles run nothing. A listener added before any page script records every
# `securitypolicyviolation`; dialogs (alert, confirm, prompt) are recorded and dismissed.
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile);
});
"""

# Links and sources as the browser itself reads them (it drops tabs, folds case): any
# scheme but http(s) is a problem.
OTHER_SCHEMES = """
Array.from(document.querySelectorAll("[href], [src], [action]"))
  .map(e => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action"))
  .filter(v => !["http:", "https:"].includes(new URL(v, location.href).protocol))
"""


def _visit_all(base: str, paths: list[str], act=None) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Open each page in one headless browser; what went wrong on each (dialogs, policy
    violations, console errors), by path."""
    problems: dict[str, list[str]] = {}
    with playwright.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            context = browser.new_context()
            context.add_init_script(WATCH_CSP)
            for path in paths:
                page = context.new_page()
                found: list[str] = []
                page.on(
                    "dialog",
                    lambda d, found=found: (found.append(f"dialog {d.message}"), d.dismiss()),
                )
                page.on(
                    "console",
                    lambda m, found=found: (
                        found.append(f"console {m.text}") if m.type == "error" else None
                    ),
                )
                page.goto(base + path, wait_until="load")
                if act is not None:
                    act(page)
                found += [f"policy {v}" for v in page.evaluate("window.__violations")]
                found += [f"link {u}" for u in page.evaluate(OTHER_SCHEMES)]
                if found:
                    problems[path] = found
                page.close()
        finally:
            browser.close()
    return problems


def _json(url: str) -> dict:  # type: ignore[type-arg]
    with urlopen(url, timeout=10) as response:  # the test's own loopback server
        return json.loads(response.read())  # type: ignore[no-any-return]


def _pages(base: str, most: int = 500) -> list[str]:
    """Every kind of HTML page, with up to `most` articles, actors and dyads of the store."""
    articles = _json(f"{base}/api/articles?limit={most}")["items"]
    actors = _json(f"{base}/api/actors?limit={most}")["items"]
    edges = _json(f"{base}/api/network?limit={most}")["edges"]
    return (
        ["/", "/?q=patrols", "/actors", "/actors?q=zzz", "/network", "/api/docs"]
        + [f"/articles/{a['uid']}" for a in articles]
        + [f"/actors/{a['key']}" for a in actors]
        + [f"/dyads/{e['source']}/{e['target']}?interval=day" for e in edges]
        + [f"/dyads/{quote('<img src=x onerror=alert(1)>', safe='')}/x"]
    )


def test_web_browser_pages_keep_their_style_and_script_under_the_policy(server: str) -> None:
    """The stylesheet applies (the header has its colour), app.js runs (a click pins a
    card), and no page of the examples breaks the policy."""
    with _page(server + "/") as page:
        assert (
            page.evaluate("getComputedStyle(document.querySelector('header.top')).display")
            == "flex"
        )
        page.click("#results li a.title >> nth=0")
        page.wait_for_selector("#article-text")
        page.locator("#article-text .hl-quote").first.click()
        assert page.locator(".card.active").count() == 1
    assert _visit_all(server, _pages(server, most=8)) == {}


def test_web_browser_hostile_pages_run_nothing_and_break_no_policy(hostile_server: str) -> None:
    """Issue 16: each page over the hostile corpus opens with no dialog, no policy
    violation and no script error; the article text still reacts to a click."""

    def click_text(page) -> None:  # type: ignore[no-untyped-def]
        spans = page.locator("#article-text .hl[data-refs]")
        if spans.count():
            spans.first.click()

    pages = _pages(hostile_server)
    assert len(pages) > 20
    assert _visit_all(hostile_server, pages, act=click_text) == {}


def test_web_browser_policy_listener_sees_an_inline_script(hostile_server: str) -> None:
    """The check above can fail: an inline script put into a page is blocked and reported."""
    with playwright.sync_playwright() as pw:
        browser = _browser(pw)
        try:
            context = browser.new_context()
            context.add_init_script(WATCH_CSP)
            page = context.new_page()
            page.goto(hostile_server + "/")
            page.evaluate(
                "() => { const s = document.createElement('script');"
                " s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }"
            )
            page.wait_for_function("window.__violations.length > 0")
            assert page.evaluate("window.__ran") is None
            assert "script-src" in page.evaluate("window.__violations")[0]
        finally:
            browser.close()


@pytest.mark.parametrize(("a", "b", "denier"), [("Turkey", "Greece", "Greek government")])
def test_web_browser_contested_shows_claim_and_denial_side_by_side(
    server: str, a: str, b: str, denier: str
) -> None:
    """Issue 14: a contested act, the claim and the denial each in its own column, and the
    article they come from one click away."""
    with _page(server + "/") as page:
        page.click("nav a:text-is('Contested')")
        page.fill("input[name=a]", a)
        page.fill("input[name=b]", b)
        page.check("input[name=denied]")
        page.click("form.inline button")
        page.wait_for_selector("article.contested")
        act = page.locator("article.contested").first
        claim, denial = act.locator(".side.claim"), act.locator(".side.denial")
        assert f"Claimed by {a}" in claim.inner_text()
        assert f"Denied by {denier}" in denial.inner_text()
        left, right = claim.bounding_box(), denial.bounding_box()
        assert left is not None and right is not None and left["x"] < right["x"]
        act.locator("h2 a").click()
        page.wait_for_selector("#article-text")
        assert "arming" in page.inner_text("h1").lower()
