"""The REST API and the web page, one FastAPI app: `create_app("news.duckdb")`.

    uvicorn communique.api:app  # with COMMUNIQUE_DB set; or `communique serve --db ...`

DOCS: docs/store.md (endpoints), /api/docs (served offline from the OpenAPI schema).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
