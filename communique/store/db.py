"""One DuckDB database: reads on per-thread cursors, writes through a single writer.

DuckDB allows one writing process per file, so a `Store` holds the only write
connection and serialises its transactions with a lock; readers take their own
cursor, which is safe across threads. A store opened `read_only=True` (the API's
default) can never change the file.

Example:
    >>> store = Store(":memory:")
    >>> store.query("SELECT count(*) AS n FROM articles")
    [{'n': 0}]
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from .errors import StoreError, StoreErrors
from .schema import MIGRATIONS, applied, migrate

MEMORY = ":memory:"


class Store:
    """A communique database at `path` (a file, created on first use, or ":memory:")."""

    def __init__(self, path: str | Path = MEMORY, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != MEMORY and not Path(self.path).exists():
            raise StoreError(StoreErrors.E301.format(path=self.path))
        if self.path != MEMORY:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only and self.path != MEMORY)
        except duckdb.Error as e:
            raise StoreError(StoreErrors.E303.format(path=self.path, reason=e)) from e
        self._lock = threading.Lock()
        if read_only and self.path != MEMORY:
            version = len(applied(self.con))
            if version != len(MIGRATIONS):
                self.con.close()
                raise StoreError(
                    StoreErrors.E302.format(
                        path=self.path, version=version, expected=len(MIGRATIONS)
                    )
                )
        else:
            migrate(self.con)

    @property
    def schema_version(self) -> int:
        return len(applied(self.con))

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for the calling thread."""
        cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def query(
        self, sql: str, params: Sequence[Any] = (), *, tables: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a parameterised read as dicts; `tables` names Python data (a dict of NumPy
        arrays) the SQL reads as tables, on this query's cursor only."""
        with self._reading(tables) as cur:
            result = cur.execute(sql, list(params))
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def scalar(
        self, sql: str, params: Sequence[Any] = (), *, tables: Mapping[str, Any] | None = None
    ) -> Any:
        with self._reading(tables) as cur:
            row = cur.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    @contextmanager
    def _reading(self, tables: Mapping[str, Any] | None) -> Iterator[duckdb.DuckDBPyConnection]:
        # Many values reach DuckDB far faster as a registered table than as bound parameters.
        with self.cursor() as cur:
            for name, data in (tables or {}).items():
                cur.register(name, data)
            yield cur

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The single writer: one transaction at a time, rolled back on any error."""
        if self.read_only:
            raise StoreError(f"the database {self.path} is open read-only")
        with self._lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: Store | str | Path, *, read_only: bool = False) -> Store:
    """`db` itself when it is a Store, else the store at that path."""
    return db if isinstance(db, Store) else Store(db, read_only=read_only)
