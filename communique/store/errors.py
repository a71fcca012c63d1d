"""Store error messages with codes (E3xx), searchable like those in `communique.errors`."""

from __future__ import annotations

from enum import Enum


class StoreErrors(Enum):
    E301 = "no database at {path}; create it with `communique ingest PATH... --db {path}`"
    E302 = (
        "the database {path} has schema version {version} but this communique needs "
        "{expected}; open it once without read-only to migrate it"
    )
    E303 = "the database {path} cannot be opened ({reason})"
    E304 = "unknown export format {value!r}; choose one of {choices}"
    E305 = "unknown table {value!r}; choose one of {choices}"
    E306 = "{field} must be {expected}, got {value!r}"

    def format(self, **fields: object) -> str:
        return f"[{self.name}] " + self.value.format(**fields)


class StoreError(Exception):
    """A database that cannot be used as asked; the message carries an E3xx code."""
