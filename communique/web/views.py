"""HTML routes of the web page; each page's data is also served as JSON under /api.

| page                | JSON twin                          |
| ------------------- | ---------------------------------- |
| /                   | /api/stats, /api/articles?q=       |
| /articles/{ref}     | /api/articles/{ref}                |
| /actors, /actors/{ref} | /api/actors, /api/actors/{ref}  |
| /dyads/{a}/{b}      | /api/dyads/{a}/{b}                 |
| /contested          | /api/contested                     |
| /network            | /api/network                       |
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import analytics
from ..events.ontology import code_info
from ..store import Store
from ..store.contract import find_article, record
from ..store.filters import EventFilters
from . import templates
from .charts import dyad_svg, network_svg
from .highlight import event_label, highlight, marks

router = APIRouter(include_in_schema=False)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
Text = Annotated[str | None, Query(max_length=200)]


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep, q: Text = None) -> HTMLResponse:
    text = (q or "").strip() or None
    index = request.app.state.search
    if text and index is not None:  # ranked, stemmed (`communique ingest` makes the index)
        found = analytics.ranked_articles(store, index, text, limit=30)
    else:
        found = analytics.articles(store, text=text, limit=30)
    quotes = analytics.quotes(store, text=text, limit=10, index=index) if text else None
    actors = analytics.actors(store, text=text, limit=12)
    edges = analytics.network(store, limit=8)["edges"]
    return page(
        request,
        "index.html",
        q=text or "",
        stats=analytics.stats(store),
        articles=found,
        quotes=quotes,
        actors=actors,
        edges=edges,
        json_url="/api/articles" + (f"?{urlencode({'q': text})}" if text else ""),
    )


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, ref: str) -> HTMLResponse:
    row = find_article(store, ref)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no article with id or hash {ref!r}")
    result = record(store, row["uid"])
    if result is None:
        raise HTTPException(status_code=404, detail=f"no article with id or hash {ref!r}")
    actors = {a["id"]: a for a in result["actors"]}
    keys = {
        r["id"]: r["key"]
        for r in store.query("SELECT id, key FROM actors WHERE article_uid = ?", [row["uid"]])
    }
    events = [
        event | {"label": event_label(event, actors), "name": code_info(event["cameo"]).name}
        for event in result["events"]
    ]
    return page(
        request,
        "article.html",
        article=result["article"],
        uid=row["uid"],
        text=highlight(result["article"]["text"], marks(result)),
        actors=actors,
        keys=keys,
        quotes=result["quotes"],
        events=events,
        duplicates=analytics.duplicates(store, row["uid"]),
        json_url=f"/api/articles/{row['uid']}",
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    store: StoreDep,
    q: Text = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    found = analytics.actors(store, text=q, limit=100, offset=offset)
    hints = analytics.suggestions(store, [q]) if not found.total else {}
    return page(
        request, "actors.html", q=q or "", actors=found, hints=hints, json_url="/api/actors"
    )


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor(request: Request, store: StoreDep, ref: str) -> HTMLResponse:
    found = analytics.actor(store, ref)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no actor matches {ref!r}")
    quotes = analytics.quotes(store, speaker=found["key"], limit=50)
    events = analytics.events(store, EventFilters(actor=found["key"]), limit=50)
    return page(
        request,
        "actor.html",
        actor=found,
        quotes=quotes,
        events=events,
        json_url=f"/api/actors/{quote(found['key'], safe='')}",
    )


@router.get("/dyads", response_model=None)
def dyad_form(a: Text = None, b: Text = None) -> Response:
    if a and b:
        return RedirectResponse(f"/dyads/{quote(a.strip(), safe='')}/{quote(b.strip(), safe='')}")
    return RedirectResponse("/network")


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    store: StoreDep,
    a: str,
    b: str,
    interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
) -> HTMLResponse:
    filters = EventFilters(mode="asserted", include_negated=False)
    series = analytics.dyad(store, a, b, interval=interval, filters=filters)
    events = analytics.events(store, EventFilters(dyad=(a, b)), limit=100)
    return page(
        request,
        "dyad.html",
        a=a,
        b=b,
        interval=interval,
        series=series,
        hints=analytics.suggestions(store, [a, b]) if not series else {},
        undated=analytics.dyad_undated(store, a, b, filters=filters),
        chart=dyad_svg(series, interval),
        events=events,
        json_url=f"/api/dyads/{quote(a, safe='')}/{quote(b, safe='')}?interval={interval}",
    )


@router.get("/contested", response_class=HTMLResponse)
def contested(
    request: Request,
    store: StoreDep,
    a: Text = None,
    b: Text = None,
    denied: bool = False,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    """Alleged acts, each with the claim and the denials side by side."""
    dyad = (a.strip(), b.strip()) if a and b and a.strip() and b.strip() else None
    found = analytics.contested(
        store, EventFilters(dyad=dyad), denied_only=denied, limit=50, offset=offset
    )
    query = urlencode({k: v for k, v in {"a": a, "b": b, "denied": denied}.items() if v})
    return page(
        request,
        "contested.html",
        a=a or "",
        b=b or "",
        denied=denied,
        acts=found,
        hints=analytics.suggestions(store, [a, b]) if dyad and not found.total else {},
        json_url="/api/contested" + (f"?{query}" if query else ""),
    )


@router.get("/sources", response_class=HTMLResponse)
def watched_sources(request: Request, store: StoreDep) -> HTMLResponse:
    """What `communique watch` fetched: each source's last fetch and failure, and the
    items that failed last, with why."""
    return page(request, "sources.html", found=analytics.watched(store), json_url="/api/sources")


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request, store: StoreDep, limit: Annotated[int, Query(ge=1, le=200)] = 40
) -> HTMLResponse:
    found = analytics.network(store, limit=limit)
    return page(
        request,
        "network.html",
        network=found,
        chart=network_svg(found),
        json_url=f"/api/network?limit={limit}",
    )
