"""Crash safety: `kill -9` at any point of `communique ingest`, rerun, and nothing is lost.

The real CLI runs in a subprocess over a generated corpus (templated articles about
invented disputes between real country names, no real news, plus two bad lines),
with small batches so that many transactions commit. It is killed with SIGKILL after
the first committed batch, in the middle and near the end;
a rerun must then leave every table exactly as one clean ingest does: the same row
counts and the same content, no duplicates, no half-written article. About 30-80 s
(eight runs that each load spaCy); marked slow, and `.ci/run` runs every test.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

N_ARTICLES = 36
BATCH = 4
TABLES = (
    "articles",
    "actors",
    "mentions",
    "quotes",
    "events",
    "errors",
    "minhash_bands",
    "article_links",
)
# Columns that record when a row was written, which differs between runs by design.
CLOCK_COLUMNS = {"ingested_at", "applied_at"}
COUNTRIES = [
    ("Armenia", "Azerbaijan"),
    ("Turkey", "Greece"),
    ("India", "Pakistan"),
    ("Serbia", "Kosovo"),
    ("Ethiopia", "Egypt"),
    ("Peru", "Chile"),
    ("Japan", "China"),
    ("Morocco", "Algeria"),
]
TEMPLATES = [
    "{a} accused {b} on Monday of moving troops towards the border near {town}. "
    "“This is a dangerous provocation,” the foreign minister of {a} said at a news "
    "conference. Officials in {b} rejected the claim and called for talks.",
    "The president of {a} met the prime minister of {b} in {town} on Tuesday to discuss "
    "trade and water. “We agreed to meet again next month,” the spokesman said. "
    "Both governments promised to reopen the railway line.",
    "{b} threatened to impose sanctions on {a} after a dispute over fishing rights near "
    "{town}. The ministry of {a} said it would not accept any ultimatum and demanded an "
    "apology from the ambassador.",
    "Police in {town} arrested twelve protesters who marched against the government of "
    "{a}. “We will keep protesting until they listen,” one organiser told reporters. "
    "{b} urged restraint and offered humanitarian aid.",
    "{a} and {b} signed an agreement on energy cooperation in {town} on Friday. The deal "
    "covers gas pipelines and power lines, the energy minister of {a} said, adding that "
    "investors from {b} would fund half of the cost.",
    "The army of {a} shelled positions held by rebels near {town}, killing four people, "
    "according to local officials. {b} condemned the attack and asked the United Nations "
    "to investigate.",
]
TOWNS = ["Riverton", "Hallbrook", "Eastfield", "Kingsport", "Lowmoor", "Northgate"]
SECONDS = 90
LAST = 8  # of 10 batches: 38 lines in batches of 4


def write_corpus(path: Path) -> None:
    lines = []
    for n in range(N_ARTICLES):
        a, b = COUNTRIES[n % len(COUNTRIES)]
        template = TEMPLATES[(n // len(COUNTRIES)) % len(TEMPLATES)]
        text = template.format(a=a, b=b, town=TOWNS[n % len(TOWNS)])
        day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        lines.append(json.dumps({"id": f"art-{n:03d}", "text": text, "published": day}))
        if n == 10:
            lines.append(json.dumps({"id": "bad-type", "text": 42}))
        if n == 30:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "communique.cli",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        str(BATCH),
        "--workers",
        "1",
    ]


def run_to_end(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command(corpus, db), capture_output=True, text=True, timeout=SECONDS, check=False
    )
    assert done.returncode == 1, done.stderr  # the two bad lines are article errors
    return done


def kill_after(corpus: Path, db: Path, batches: int, delay: float) -> int:
    """Start an ingest and SIGKILL it `delay` seconds after batch `batches` commits."""
    process = subprocess.Popen(
        command(corpus, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert process.stderr is not None
    committed = 0
    deadline = time.monotonic() + SECONDS
    while committed < batches and time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        if line.startswith(f"communique: batch {committed + 1} committed"):
            committed += 1
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=SECONDS)
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it was killed"
    return committed


def snapshot(db: Path) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its sorted rows (clock columns left out)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = {}
        for table in TABLES:
            columns = [
                row[0]
                for row in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if row[0] not in CLOCK_COLUMNS
            ]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            lines = sorted(json.dumps(row, default=str) for row in rows)
            found[table] = (len(rows), hashlib.sha256("\n".join(lines).encode()).hexdigest())
        dupes = con.execute(
            "SELECT count(*) FROM (SELECT uid FROM articles GROUP BY uid HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == (0,)
    finally:
        con.close()
    return found


def assert_whole_articles(db: Path) -> None:
    """Every stored article has all of its rows: what a killed run left is whole batches."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        broken = con.execute(
            """
            SELECT a.uid FROM articles a
            WHERE a.n_events <> (SELECT count(*) FROM events e WHERE e.article_uid = a.uid)
               OR a.n_quotes <> (SELECT count(*) FROM quotes q WHERE q.article_uid = a.uid)
               OR NOT EXISTS (SELECT 1 FROM minhash_bands m WHERE m.article_uid = a.uid)
            """
        ).fetchall()
        orphans = con.execute(
            "SELECT count(*) FROM events WHERE article_uid NOT IN (SELECT uid FROM articles)"
        ).fetchone()
    finally:
        con.close()
    assert broken == [] and orphans == (0,)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    write_corpus(path)
    return path


@pytest.fixture(scope="module")
def clean(corpus: Path) -> dict[str, tuple[int, str]]:
    db = corpus.parent / "clean.duckdb"
    done = run_to_end(corpus, db)
    assert "2 articles failed" in done.stderr
    found = snapshot(db)
    assert found["articles"][0] == N_ARTICLES and found["errors"][0] == 2
    assert found["events"][0] > N_ARTICLES and found["quotes"][0] > 0
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    "batches,delay",
    [(1, 0.0), (5, 0.05), (LAST, 0.0)],
    ids=["after-first-batch", "middle", "near-end"],
)
def test_crash_safety_kill_9_then_rerun_equals_clean_ingest(
    corpus: Path,
    clean: dict[str, tuple[int, str]],
    tmp_path: Path,
    batches: int,
    delay: float,
) -> None:
    db = tmp_path / "killed.duckdb"
    committed = kill_after(corpus, db, batches, delay)
    assert committed == batches
    if db.exists():
        assert_whole_articles(db)
    run_to_end(corpus, db)
    assert snapshot(db) == clean
    if batches == LAST:
        rerun = run_to_end(corpus, db)  # a third run changes nothing
        assert f"{N_ARTICLES} unchanged" in rerun.stderr
        assert snapshot(db) == clean
