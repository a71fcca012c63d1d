"""Building the FastAPI app: routes in one place, a read-only store, clear 4xx errors.

Every page of the web UI has a JSON twin under /api; /api/docs renders the
OpenAPI schema with the package's own template (no CDN), and /static serves the
page's CSS and JS from `communique/web/static`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import Store, StoreError
from ..web import STATIC_DIR
from ..web.views import router as web_router
from .docs import router as docs_router
from .routes import router as api_router


def create_app(db: Store | str | Path, *, read_only: bool = True) -> FastAPI:
    """The app over the database `db` (a Store, or a path opened read-only by default)."""
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
    app.include_router(api_router)
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

    return app
