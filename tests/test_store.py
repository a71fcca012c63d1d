"""The store: idempotent ingest by content hash, replacement, errors, near-duplicates, exports."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from communique import analytics
from communique.model import Actor, Article, Event, Quote, Result, Span
from communique.store import SCHEMA_VERSION, Store, StoreError, ingest, write_results
from communique.store.contract import record
from communique.store.exports import export
from communique.store.filters import EventFilters
from communique.store.schema import MIGRATIONS

TEXT = (
    "Armenia accused Azerbaijan on Monday of shelling border villages near Jermuk. "
    "“This is a provocation,” said Armenian Foreign Minister Ararat Mirzoyan at a news "
    "conference in Yerevan, adding that talks would continue."
)


def make_result(
    article_id: str = "a-1", text: str = TEXT, published: str = "2024-05-06", source: str = "Wire"
) -> Result:
    def span(words: str) -> Span:
        start = text.index(words)
        return Span(words, start, start + len(words))

    actors = (
        Actor("a1", "Armenia", "country", "ARM", None, "ARM", mentions=(span("Armenia"),)),
        Actor("a2", "Azerbaijan", "country", "AZE", None, "AZE", mentions=(span("Azerbaijan"),)),
        Actor(
            "a3",
            "Ararat Mirzoyan",
            "person",
            "ARM",
            "GOV",
            "ARMGOV",
            role="Foreign Minister",
            mentions=(span("Ararat Mirzoyan"),),
        ),
    )
    quote = Quote(
        "q1",
        span("This is a provocation,"),
        "direct",
        cue=span("said"),
        speaker_mention=span("Ararat Mirzoyan"),
        speaker="a3",
        confidence=0.9,
    )
    event = Event(
        "e1",
        "a1",
        "a2",
        "112",
        "11",
        "ACCUSE",
        3,
        -2.0,
        evidence=span(text[:78]),
        trigger=span("accused"),
        date="2024-05-06",
        date_text="on Monday",
    )
    article = Article(article_id, text, title="Border", published=published, source=source)
    return Result(article, actors=actors, quotes=(quote,), events=(event,))


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


def counts(store: Store) -> dict:
    return analytics.stats(store)


@pytest.mark.parametrize("times", [2])
def test_store_same_article_twice_is_stored_once(store: Store, times: int) -> None:
    for _ in range(times):
        ingest([make_result()], store)
    stats = counts(store)
    assert (stats["articles"], stats["quotes"], stats["events"], stats["actors"]) == (1, 1, 1, 3)
    summary = ingest([make_result()], store)
    assert (summary.stored, summary.unchanged) == (0, 1)


@pytest.mark.parametrize("new_text", [TEXT.replace("Monday", "Tuesday")])
def test_store_changed_article_replaces_its_rows(store: Store, new_text: str) -> None:
    ingest([make_result()], store)
    summary = ingest([make_result(text=new_text)], store)
    assert (summary.stored, summary.replaced) == (1, 1)
    rows = store.query("SELECT id, text FROM articles")
    assert rows == [{"id": "a-1", "text": new_text}]
    assert store.scalar("SELECT count(*) FROM events") == 1
    assert store.scalar("SELECT count(*) FROM mentions") == 3


@pytest.mark.parametrize(
    "message", ["[E103] bad.txt: no text (the input is empty or only whitespace)"]
)
def test_store_errors_are_stored_once_and_cleared_by_success(store: Store, message: str) -> None:
    failed = Result(Article("a-1", "", origin="bad.txt"), errors=(message,))
    for _ in range(2):
        summary = write_results(store, [failed])
    assert summary.errors == 1
    page = analytics.errors(store)
    assert page.total == 1 and page.items[0]["code"] == "E103"
    ingest([make_result()], store)
    assert analytics.errors(store).total == 0


@pytest.mark.parametrize("source", ["Other Wire"])
def test_store_near_duplicate_is_linked_and_event_counted_once(store: Store, source: str) -> None:
    ingest([make_result()], store)
    copy = TEXT + " The ministry published the statement online."
    summary = ingest([make_result("b-2", copy, source=source)], store)
    assert summary.duplicates == 1
    stats = counts(store)
    assert (stats["articles"], stats["duplicate_articles"]) == (2, 1)
    assert (stats["events"], stats["distinct_events"]) == (2, 1)
    series = analytics.dyad(store, "ARM", "AZE", interval="month")
    assert series == [
        {
            "period": "2024-05-01",
            "events": 1,
            "q1": 0,
            "q2": 0,
            "q3": 1,
            "q4": 0,
            "goldstein": -2.0,
            "reports": 2,
        }
    ]
    listed = analytics.events(store, EventFilters(dyad=("Armenia", "azerbaijan")))
    assert listed.total == 2 and {e["reports"] for e in listed.items} == {2}


@pytest.mark.parametrize("ref", ["a-1"])
def test_store_round_trips_the_output_contract(store: Store, ref: str) -> None:
    result = make_result(ref)
    ingest([result], store)
    assert record(store, ref) == json.loads(json.dumps(result.to_dict()))


@pytest.mark.parametrize("term", ["ARM", "armgov", "Ararat Mirzoyan"])
def test_store_actor_terms_match_code_country_and_name(store: Store, term: str) -> None:
    ingest([make_result()], store)
    assert analytics.quotes(store, speaker=term).total == 1
    assert analytics.actor(store, term) is not None


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt", "plover"])
def test_store_exports_every_format(store: Store, tmp_path: Path, fmt: str) -> None:
    ingest([make_result()], store)
    out = tmp_path / f"out.{fmt}"
    assert export(store, fmt, out) == 1
    if fmt == "parquet":
        assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchall() == [(1,)]
    elif fmt == "gdelt":
        header, row = out.read_text().splitlines()
        fields = dict(zip(header.split("\t"), row.split("\t"), strict=True))
        assert (fields["Actor1Code"], fields["Actor2Code"], fields["EventCode"]) == (
            "ARM",
            "AZE",
            "112",
        )
        assert fields["Day"] == "20240506" and fields["NumArticles"] == "1"
    elif fmt in ("jsonl", "plover"):
        data = json.loads(out.read_text())
        assert data["article"]["id"] == "a-1" if fmt == "jsonl" else data["event_type"] == "ACCUSE"


@pytest.mark.parametrize("name", ["schema_migrations"])
def test_store_migrations_are_registered_and_applied_once(tmp_path: Path, name: str) -> None:
    path = tmp_path / "news.duckdb"
    with Store(path) as first:
        assert first.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    with Store(path) as again:
        assert again.scalar(f"SELECT count(*) FROM {name}") == len(MIGRATIONS)


@pytest.mark.parametrize("missing", ["nowhere.duckdb"])
def test_store_read_only_refuses_missing_file_and_writes(tmp_path: Path, missing: str) -> None:
    with pytest.raises(StoreError, match="E301"):
        Store(tmp_path / missing, read_only=True)
    Store(tmp_path / "news.duckdb").close()
    with Store(tmp_path / "news.duckdb", read_only=True) as store, pytest.raises(StoreError):
        write_results(store, [make_result()])


@pytest.mark.parametrize("bad", [{"start": "yesterday"}, {"cameo": "0x1"}, {"quad_class": 7}])
def test_store_filters_reject_bad_values(store: Store, bad: dict) -> None:
    with pytest.raises(StoreError, match="E306"):
        analytics.events(store, EventFilters(**bad))


@pytest.mark.parametrize("text", ["100%_sure'; DROP TABLE articles; --"])
def test_store_search_text_is_a_parameter(store: Store, text: str) -> None:
    ingest([make_result()], store)
    assert analytics.quotes(store, text=text).total == 0
    assert counts(store)["articles"] == 1


@pytest.mark.parametrize("batch_size", [1, 2, 8])
def test_store_duplicate_ids_give_the_same_store_in_any_batching(batch_size: int) -> None:
    """A later text under the same id replaces the earlier one, within a batch or across."""
    texts = [TEXT, TEXT.replace("Monday", "Tuesday"), TEXT.replace("Monday", "Friday")]
    results = [
        make_result("dup", texts[0]),
        make_result("other", texts[1]),
        make_result("dup", texts[2]),
    ]
    store = Store()
    summary = ingest(results, store, batch_size=batch_size)
    rows = store.query("SELECT id, text FROM articles ORDER BY id")
    assert [(r["id"], r["text"]) for r in rows] == [("dup", texts[2]), ("other", texts[1])]
    assert store.scalar("SELECT count(*) FROM events") == 2
    assert (summary.stored, summary.replaced) == (3, 1)


@pytest.mark.parametrize(
    ("mode", "date", "after"),
    [
        ("asserted", "2024-05-06", 0),  # on the publication day
        ("asserted", "2024-05-09", 1),  # three days after: a dating error
        ("planned", "2024-05-09", 0),  # a plan may lie ahead
    ],
)
def test_store_stats_count_asserted_events_after_publication(
    store: Store, mode: str, date: str, after: int
) -> None:
    result = make_result()
    event = dataclasses.replace(result.events[0], mode=mode, date=date)
    ingest([dataclasses.replace(result, events=(event,))], store)
    stats = counts(store)
    assert stats["asserted_after_publication"] == after
    assert stats["asserted_last_day"] == (date if mode == "asserted" else None)


def test_store_round_trips_an_alleged_act_with_its_claimants_and_deniers(store: Store) -> None:
    result = make_result()
    accusation = result.events[0]
    alleged = dataclasses.replace(
        accusation,
        id="e2",
        source="a2",
        target="a1",
        cameo="194",
        cameo_root="19",
        mode="alleged",
        claimed_by=("a1", "a3"),
        denied_by=("a2",),
        accusation="e1",
        denials=("e1",),
    )
    ingest([dataclasses.replace(result, events=(accusation, alleged))], store)
    events = record(store, "a-1")["events"]  # type: ignore[index]
    assert [
        (e["mode"], e["claimed_by"], e["denied_by"], e["accusation"], e["denials"]) for e in events
    ] == [("asserted", [], [], None, []), ("alleged", ["a1", "a3"], ["a2"], "e1", ["e1"])]
