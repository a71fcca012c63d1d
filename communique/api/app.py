"""Building the FastAPI app: routes in one place, a read-only store, clear 4xx errors.

Every page of the web UI has a JSON twin under /api; /api/docs renders the
OpenAPI schema with the package's own template (no CDN), and /static serves the
page's CSS and JS from `communique/web/static`. Limits, the write token and CORS
are in `security.py`; the Content-Security-Policy and other headers on every
response, and HEAD, in `headers.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store, StoreError, search
from ..web import STATIC_DIR
from ..web.views import router as web_router
from .cache import ResponseCache
from .docs import router as docs_router
from .headers import SECURITY_HEADERS, SecurityHeaders
from .routes import router as api_router
from .security import MAX_BODY_BYTES, RequestLimits
from .write import router as write_router

log = logging.getLogger(__name__)


def create_app(
    db: Store | str | Path,
    *,
    read_only: bool = True,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    max_body: int = MAX_BODY_BYTES,
    cache: bool = True,
) -> FastAPI:
    """The app over the database `db` (a Store, or a path opened read-only by default).

    Args:
        db: a `Store`, or the path of a DuckDB file.
        read_only: open the file read-only (the default); a writable app with a
            `token` also offers `POST /api/ingest`.
        token: the bearer token that writes need; without one nothing can write.
        cors_origins: origins allowed to call the API from a browser (none by default).
        max_body: the largest request body, in bytes.
        cache: keep answers to repeated GETs (read-only stores only: `cache.py`).
    """
    store = db if isinstance(db, Store) else Store(db, read_only=read_only)
    app = FastAPI(
        title="communique",
        version=__version__,
        description="Quotes and CAMEO/PLOVER events extracted from news, stored in DuckDB.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.search = search.open_index(store.path)  # None until ingest has made one
    app.state.token = token or None
    app.include_router(api_router)
    if not store.read_only and token:
        app.include_router(write_router)
    app.include_router(docs_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(error)})

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()]
        return JSONResponse(status_code=422, content={"detail": "; ".join(problems)})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        # This handler answers outside every middleware: it sets the headers itself.
        return JSONResponse(
            status_code=500, content={"detail": "internal error"}, headers=SECURITY_HEADERS
        )

    if store.read_only and cache:
        app.add_middleware(ResponseCache)  # a read-only store gives the same answer each time
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])
    app.add_middleware(RequestLimits, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # outermost: also on RequestLimits' 413 and 414

    return app
