"""`POST /api/ingest`: the one endpoint that writes, offered only by a writable app with a token.

    COMMUNIQUE_API_TOKEN=... communique serve --db news.duckdb --writable
    curl -H "Authorization: Bearer $COMMUNIQUE_API_TOKEN" -d @batch.json \\
        http://127.0.0.1:8000/api/ingest

The body is `{"articles": [{"id", "text", "title", "published", "source", "url"}, ...]}`
(at most `MAX_ARTICLES`, within the body size limit); each article is checked like a
JSON Lines line, so a bad one is reported by id and stored as an error while the
others are stored. Storing is the same `communique.store.ingest` as the CLI's: one
transaction per batch, idempotent by content hash, and the search index kept in line.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from ..ingest import IngestError
from ..ingest.base import Defaults
from ..ingest.jsonl import parse_record
from ..model import Article
from ..store import Store, ingest, search
from ..store.rows import is_warning
from .security import WRITE_RESPONSES, require_token

MAX_ARTICLES = 100

router = APIRouter(prefix="/api", tags=["write"], responses=WRITE_RESPONSES)


class IngestRequest(BaseModel):
    """Articles as JSON objects, each with at least `id` and `text`."""

    articles: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_ARTICLES)


@router.post(
    "/ingest",
    summary="Extract and store articles (needs the server's token)",
    dependencies=[Depends(require_token)],
)
def ingest_articles(request: Request, body: IngestRequest) -> dict[str, Any]:
    store: Store = request.app.state.store
    items: list[Article | IngestError] = [
        parse_record(record, origin=f"request#{n}", defaults=Defaults())
        for n, record in enumerate(body.articles, start=1)
    ]
    summary = ingest(items, store, batch_size=len(items))  # also brings the search index in line
    if request.app.state.search is None:  # the first ingest made it
        request.app.state.search = search.open_index(store.path)
    ids = sorted({item.article_id if isinstance(item, IngestError) else item.id for item in items})
    notes = store.query(
        "SELECT article_id, code, message FROM errors WHERE article_id IN "
        "(SELECT unnest(?::VARCHAR[])) ORDER BY article_id, code",
        [ids],
    )
    return {
        "summary": summary.to_dict(),
        "errors": [row for row in notes if not is_warning(row)],
        "warnings": [row for row in notes if is_warning(row)],  # stored all the same
    }
