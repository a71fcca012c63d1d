"""REST endpoints under /api: one per resource, filters as in the CLI, pages capped at 500.

Every list answers `{"items", "total", "limit", "offset", "next_offset"}`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from sqlite3 import Connection
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import AfterValidator

from .. import __version__, analytics
from ..store import Store, search
from ..store.contract import find_article, record
from ..store.filters import MODES, EventFilters
from .security import ERROR_RESPONSES

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
MAX_PAGE = 500
Json = dict[str, Any]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_index(request: Request) -> Connection | None:
    """The search index beside the database, or None (text filters are then substrings)."""
    index: Connection | None = request.app.state.search
    return index


IndexDep = Annotated[Connection | None, Depends(get_index)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Text = Annotated[str | None, Query(max_length=200)]
SEARCH_HELP = "stemmed, best match first, through the search index (a substring without one)"
SearchText = Annotated[
    str | None,
    Query(
        max_length=200,
        description="words; " + SEARCH_HELP,
    ),
]
Day = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="a day YYYY-MM-DD",
        json_schema_extra={"format": "date"},
    ),
    AfterValidator(lambda v: v and dt.date.fromisoformat(v).isoformat()),
]
Ref = Annotated[str, Path(max_length=200)]
MODE_PATTERN = f"^({'|'.join(MODES)})$"


def event_filters(
    actor: Text = None,
    source: Text = None,
    target: Text = None,
    country: Text = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$")] = None,
    plover: Text = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    start: Day = None,
    end: Day = None,
    mode: Annotated[str | None, Query(pattern=MODE_PATTERN)] = None,
    article: Text = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="words in the evidence sentence; " + SEARCH_HELP),
    ] = None,
) -> EventFilters:
    return EventFilters(
        actor=actor,
        source=source,
        target=target,
        country=country,
        cameo=cameo,
        plover=plover,
        quad_class=quad_class,
        start=start,
        end=end,
        mode=mode,
        article=article,
        text=q,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


@router.get("/health", summary="Is the service up, and which database does it serve")
def health(store: StoreDep) -> Json:
    return {
        "status": "ok",
        "version": __version__,
        "schema_version": store.schema_version,
        "read_only": store.read_only,
    }


@router.get("/sources", summary="Watched sources: last fetch, last failure, items by state")
def watched_sources(store: StoreDep) -> Json:
    return analytics.watched(store)


@router.get("/stats", summary="Counts of articles, quotes, events, actors and errors")
def stats(store: StoreDep) -> Json:
    return analytics.stats(store)


@router.get(
    "/articles",
    summary="Articles, newest first; q: words in titles and texts, best match first",
)
def articles(
    store: StoreDep,
    index: IndexDep,
    q: SearchText = None,
    source: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    page = analytics.articles(store, text=q, source=source, limit=limit, offset=offset, index=index)
    return page.to_dict()


@router.get("/articles/{ref}", summary="One article (by id or content hash) as the contract")
def article(store: StoreDep, ref: Ref) -> Json:
    row = find_article(store, ref)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no article with id or hash {ref!r}")
    meta = {k: v for k, v in row.items() if k != "text"}
    return {
        "uid": row["uid"],
        "meta": analytics.clean(meta),
        "duplicates": analytics.duplicates(store, row["uid"]),
        "result": record(store, row["uid"]),
    }


@router.get("/events", summary="Event reports, filtered as `communique events`")
def events(
    store: StoreDep, index: IndexDep, filters: Filters, limit: Limit = 50, offset: Offset = 0
) -> Json:
    page = analytics.events(store, filters, limit=limit, offset=offset, index=index).to_dict()
    return with_hints(page, store, analytics.filter_terms(filters))


def with_hints(
    page: Json, store: Store, terms: list[str | None], *, empty: bool | None = None
) -> Json:
    """`page`, and when it is empty, `suggestions`: for each actor term that matched no
    actor, the closest actors (key, name, code)."""
    if not (empty if empty is not None else page["total"] == 0):
        return page
    hints = analytics.suggestions(store, terms)
    return {**page, "suggestions": {t: [_brief(a) for a in c] for t, c in hints.items()}}


def _brief(actor: Json) -> Json:
    return {k: actor[k] for k in ("key", "name", "code")}


@router.get("/quotes", summary="Quotes by speaker, speaker country, words or article")
def quotes(
    store: StoreDep,
    index: IndexDep,
    speaker: Text = None,
    country: Text = None,
    q: SearchText = None,
    article: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    page = analytics.quotes(
        store,
        speaker=speaker,
        country=country,
        text=q,
        article=article,
        limit=limit,
        offset=offset,
        index=index,
    )
    return with_hints(page.to_dict(), store, [speaker])


@router.get("/actors", summary="Actors with article, mention, quote and event counts")
def actors(
    store: StoreDep,
    q: Text = None,
    country: Text = None,
    kind: Annotated[str | None, Query(pattern="^(country|person|organisation|group)$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    page = analytics.actors(store, text=q, country=country, kind=kind, limit=limit, offset=offset)
    return with_hints(page.to_dict(), store, [q])


@router.get("/actors/{ref}", summary="One actor (key, code, country or name) and its partners")
def actor(store: StoreDep, ref: Ref) -> Json:
    found = analytics.actor(store, ref)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no actor matches {ref!r}")
    return found


@router.get("/dyads/{a}/{b}", summary="Time series of the events between two actors")
def dyad(
    store: StoreDep,
    a: Ref,
    b: Ref,
    interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
    start: Day = None,
    end: Day = None,
    directed: bool = False,
    mode: Annotated[str | None, Query(pattern=MODE_PATTERN)] = "asserted",
) -> Json:
    filters = EventFilters(start=start, end=end, mode=mode, include_negated=False)
    series = analytics.dyad(store, a, b, interval=interval, filters=filters, directed=directed)
    undated = analytics.dyad_undated(store, a, b, filters=filters, directed=directed)
    found = {"a": a, "b": b, "interval": interval, "directed": directed, "series": series}
    found["undated"] = undated  # distinct events with no day, left out of the series
    # alleged acts between the two, which the series of asserted events leaves out
    found["claims"] = analytics.dyad_claims(store, a, b, filters=filters, directed=directed)
    return with_hints(found, store, [a, b], empty=not series)


@router.get(
    "/contested",
    summary="Alleged acts with who claims, denies and confirms them, and both sides' evidence",
)
def contested(
    store: StoreDep,
    filters: Filters,
    a: Text = None,
    b: Text = None,
    denied: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    """`a` and `b` together: the acts between those two actors (either way), as
    `communique contested --dyad A B`."""
    if a and b:
        filters = dataclasses.replace(filters, dyad=(a, b))
    page = analytics.contested(store, filters, denied_only=denied, limit=limit, offset=offset)
    return with_hints(page.to_dict(), store, analytics.filter_terms(filters))


@router.get("/search", summary="Ranked full-text search of articles or quotes (BM25, stemmed)")
def search_text(
    index: IndexDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description='words, "phrases"')],
    kind: Annotated[str, Query(pattern="^(articles|quotes)$")] = "articles",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Json:
    if index is None:
        raise HTTPException(status_code=404, detail="no search index: `communique ingest` makes it")
    found: Json = search.search(index, q, kind=kind, limit=limit, offset=offset)
    return found


@router.get("/network", summary="Actor network: nodes and source-to-target edges")
def network(
    store: StoreDep, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 60
) -> Json:
    return analytics.network(store, limit=limit, filters=filters)


@router.get("/errors", summary="Errors stored by ingest")
def errors(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Json:
    return analytics.errors(store, limit=limit, offset=offset).to_dict()
