"""The embedded store: DuckDB tables for articles, actors, mentions, quotes and events.

    >>> from communique.store import Store, ingest
    >>> store = Store("news.duckdb")                      # doctest: +SKIP
    >>> ingest(read(["examples/"]), store).to_dict()      # doctest: +SKIP

DOCS: docs/store.md
"""

from __future__ import annotations

from .db import MEMORY, Store, open_store
from .errors import StoreError
from .schema import MIGRATIONS
from .writer import IngestSummary, delete_article, ingest, write_results

SCHEMA_VERSION = len(MIGRATIONS)

__all__ = [
    "MEMORY",
    "SCHEMA_VERSION",
    "IngestSummary",
    "Store",
    "StoreError",
    "delete_article",
    "ingest",
    "open_store",
    "write_results",
]
