"""The DuckDB schema as named, registered migrations.

Each migration runs once, in order, inside a transaction, and is recorded in
`schema_migrations`; the schema version is the number of migrations applied.
Add a change as a new function decorated with `@migration("NNNN_name")`; never
edit one that has shipped.

Example:
    >>> [m.name for m in MIGRATIONS][:1]
    ['0001_initial']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[Callable[[duckdb.DuckDBPyConnection], None]], Migration]:
    """Register `fn` as the migration `name` (names sort in the order they run)."""

    def register(fn: Callable[[duckdb.DuckDBPyConnection], None]) -> Migration:
        if any(m.name == name for m in MIGRATIONS):
            raise ValueError(f"migration {name!r} is registered twice")
        found = Migration(name, fn)
        MIGRATIONS.append(found)
        return found

    return register


SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name VARCHAR PRIMARY KEY,
    applied_at TIMESTAMP DEFAULT current_timestamp
)
"""


# Articles are keyed by `uid`, the content hash of their text (`communique.model.content_id`);
# `id` is the id the input gave. Actor `key` identifies an actor across articles
# (`communique.store.rows.actor_key`). Spans are stored as text, start and end columns.
_INITIAL = [
    """
    CREATE TABLE articles (
        uid VARCHAR PRIMARY KEY,
        id VARCHAR NOT NULL,
        source VARCHAR, url VARCHAR, published DATE, title VARCHAR, text VARCHAR NOT NULL,
        origin VARCHAR,
        n_actors INTEGER, n_quotes INTEGER, n_events INTEGER,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    )
    """,
    """
    CREATE TABLE actors (
        article_uid VARCHAR NOT NULL, id VARCHAR NOT NULL, key VARCHAR NOT NULL,
        name VARCHAR NOT NULL, kind VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR,
        role VARCHAR, n_mentions INTEGER
    )
    """,
    """
    CREATE TABLE mentions (
        article_uid VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, actor_key VARCHAR NOT NULL,
        text VARCHAR, start_char INTEGER, end_char INTEGER
    )
    """,
    """
    CREATE TABLE quotes (
        article_uid VARCHAR NOT NULL, id VARCHAR NOT NULL,
        speaker VARCHAR, speaker_key VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR,
        content VARCHAR, content_start INTEGER, content_end INTEGER, kind VARCHAR,
        cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
        speaker_mention VARCHAR, speaker_mention_start INTEGER, speaker_mention_end INTEGER,
        evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        clause VARCHAR, clause_start INTEGER, clause_end INTEGER,
        anonymous BOOLEAN, confidence DOUBLE, published DATE
    )
    """,
    """
    CREATE TABLE events (
        article_uid VARCHAR NOT NULL, id VARCHAR NOT NULL, event_key VARCHAR NOT NULL,
        pair_key UBIGINT,
        source VARCHAR, source_key VARCHAR, source_name VARCHAR, source_code VARCHAR,
        source_country VARCHAR,
        target VARCHAR, target_key VARCHAR, target_name VARCHAR, target_code VARCHAR,
        target_country VARCHAR,
        cameo VARCHAR NOT NULL, cameo_root VARCHAR, plover VARCHAR, quad_class TINYINT,
        goldstein DOUBLE, date DATE, date_text VARCHAR, day DATE,
        location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        location_mention VARCHAR, location_mention_start INTEGER, location_mention_end INTEGER,
        mode VARCHAR, negated BOOLEAN, quote VARCHAR, confidence DOUBLE,
        trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER
    )
    """,
    """
    CREATE TABLE errors (
        key VARCHAR PRIMARY KEY, article_id VARCHAR, origin VARCHAR, code VARCHAR,
        message VARCHAR NOT NULL, ingested_at TIMESTAMP DEFAULT current_timestamp
    )
    """,
    # Near-duplicate articles: LSH band keys of each article's MinHash, and the links found.
    "CREATE TABLE minhash_bands (article_uid VARCHAR NOT NULL, band VARCHAR NOT NULL)",
    """
    CREATE TABLE article_links (
        article_uid VARCHAR NOT NULL, duplicate_of VARCHAR NOT NULL, similarity DOUBLE
    )
    """,
    "CREATE INDEX articles_id ON articles (id)",
    "CREATE INDEX minhash_bands_band ON minhash_bands (band)",
]


# The unordered pair of an event's actor keys as one number, so that a dyad query scans one
# integer column (see `communique.store.filters`). md5 is stable across DuckDB versions.
PAIR_KEY_SQL = "md5_number_upper(least({a}, {b}) || '|' || greatest({a}, {b}))"


@migration("0001_initial")
def _initial(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _INITIAL:
        con.execute(statement)


@migration("0002_event_date_precision")
def _event_date_precision(con: duckdb.DuckDBPyConnection) -> None:
    """How precise an event's date is (day, week, month, year) and the period at that
    precision (2024-06-11, 2024-W24, 2024-06, 2024): contract 1.2."""
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS date_precision VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS period VARCHAR")


@migration("0003_event_claims")
def _event_claims(con: duckdb.DuckDBPyConnection) -> None:
    """Alleged acts (contract 1.6): the actor ids that claim, deny and confirm an event,
    and the accusation event that tells it."""
    for column in ("claimed_by", "denied_by", "confirmed_by"):
        con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} VARCHAR[]")
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS accusation VARCHAR")


@migration("0004_event_denials")
def _event_denials(con: duckdb.DuckDBPyConnection) -> None:
    """The ids of the events that deny an alleged act (contract 1.6)."""
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS denials VARCHAR[]")


@migration("0005_event_claim_presumed")
def _event_claim_presumed(con: duckdb.DuckDBPyConnection) -> None:
    """Whether an alleged act's claimants are presumed, not named (contract 1.7)."""
    con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS claim_presumed BOOLEAN DEFAULT false")


@migration("0006_watch")
def _watch(con: duckdb.DuckDBPyConnection) -> None:
    """What `communique watch` keeps so that a restart resumes (issue 15): each source's
    validators and last fetch, each item seen and what became of it, each alert fired."""
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS watch_sources (
            source VARCHAR PRIMARY KEY, kind VARCHAR, etag VARCHAR, last_modified VARCHAR,
            last_fetched TIMESTAMP, last_ok TIMESTAMP, last_status VARCHAR,
            last_error VARCHAR, failures INTEGER DEFAULT 0
        )
        """
    )
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS watch_items (
            source VARCHAR NOT NULL, item VARCHAR NOT NULL, url VARCHAR,
            state VARCHAR NOT NULL, reason VARCHAR, attempts INTEGER DEFAULT 0,
            article_uid VARCHAR, meta VARCHAR,
            first_seen TIMESTAMP DEFAULT current_timestamp,
            updated TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (source, item)
        )
        """
    )
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS watch_alerts (
            rule VARCHAR NOT NULL, article_uid VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
            fired_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (rule, article_uid, event_id)
        )
        """
    )


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations already applied to the database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()
    return [row[0] for row in rows]


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    done = set(applied(con))
    return [m for m in MIGRATIONS if m.name not in done]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; returns their names."""
    con.execute(SCHEMA_VERSION_TABLE)
    names = []
    for step in pending(con):
        con.execute("BEGIN TRANSACTION")
        try:
            step.apply(con)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [step.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        names.append(step.name)
    return names
