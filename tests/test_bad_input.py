"""Bad input: every input gives one result or one error naming it, and the batch finishes.

The corpus is generated here, never copied from anywhere: each case is a file or a
JSON Lines line that real pipelines meet (empty, binary, wrong encoding, too large,
broken markup, not English, no sentences, only quote marks, unbalanced quotes, very
long sentences), plus property-based texts from hypothesis.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.cli import build_parser
from communique.guards import MAX_CHARS
from communique.ingest import read
from communique.model import Article
from communique.pipeline import extract
from communique.store import Store

ENGLISH = "Turkey criticised Greece on Monday. “We will respond,” the minister said.\n"
LONG_SENTENCE = (
    "The envoy met " + ", ".join(f"the delegate of region {i}" for i in range(3000)) + " in Vienna."
)

FILE_CASES: dict[str, tuple[bytes, bool]] = {
    # name: (content, should fail)
    "empty.txt": (b"", True),
    "spaces.txt": (b"   \n\t \n", True),
    "binary.txt": (bytes(range(256)) * 8, True),
    "utf16.txt": ("Talks resumed on Monday.".encode("utf-16"), True),
    "latin1.txt": ("Caf\u00e9 talks in Z\u00fcrich ended.".encode("latin-1"), True),
    "digits.txt": (b"12345 67890 --- 2024 ... 55", True),
    "quotes-only.txt": ('“ ” " " ‘ ’ “”'.encode(), True),
    "german.txt": (
        (
            "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen. "
            "Der Außenminister sagte, man werde die Lage genau beobachten und gegebenenfalls "
            "weitere Maßnahmen ergreifen, um den Druck auf Moskau deutlich zu erhöhen."
        ).encode(),
        True,
    ),
    "unbalanced.txt": ("“We will never accept this, the minister said.\n".encode(), False),
    "no-sentence.txt": (b"Armenia Azerbaijan Georgia Turkey Iran", False),
    "long-sentence.txt": (LONG_SENTENCE.encode(), False),
    "broken.html": (b"<html><body><div><p>Russia condemned<div><b>Ukraine on", False),
    "no-text.html": (b"<html><head><title></title></head><body><script>x=1</script></body>", True),
    "nested.html": (b"<div>" * 3000 + b"<p>" + ENGLISH.encode() * 3 + b"</p>", False),
    "broken.rss": (b"<?xml version='1.0'?><rss><channel><item><title>x", True),
    "good.txt": (ENGLISH.encode(), False),
}


def _results(paths: list[str]) -> list[dict]:
    return [r.to_dict() for r in extract(read(paths))]


@pytest.fixture(scope="module")
def corpus_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("bad")
    paths = []
    for name, (content, _) in FILE_CASES.items():
        path = folder / name
        path.write_bytes(content)
        paths.append(str(path))
    results = _results(paths)
    assert len(results) == len(FILE_CASES)
    return {Path(paths[i]).name: result for i, result in enumerate(results)}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_bad_input_file_gives_one_result_or_a_named_error(
    corpus_results: dict[str, dict], name: str
) -> None:
    result = corpus_results[name]
    should_fail = FILE_CASES[name][1]
    if should_fail:
        assert result["errors"], name
        assert all(name in error for error in result["errors"])
        assert result["events"] == [] and result["quotes"] == []
    else:
        assert result["errors"] == [], result["errors"]


def test_bad_input_oversized_article_has_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "1000")
    big = Article(id="big", text=ENGLISH * 100, origin="big.txt")
    small = Article(id="small", text=ENGLISH, origin="small.txt")
    results = [r.to_dict() for r in extract([big, small])]
    assert "[E202] big.txt" in results[0]["errors"][0]
    assert results[1]["errors"] == []


def test_bad_input_jsonl_bad_lines_each_named(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": ENGLISH}),
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "wrong-type", "text": 42}),
        json.dumps({"id": "bad-date", "text": ENGLISH, "published": "last Tuesday"}),
        json.dumps({"id": "ok1", "text": ENGLISH}),  # a duplicate id passes through
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _results([str(path)])
    assert [bool(r["errors"]) for r in results] == [False, True, True, True, True, True, False]
    for line_number, result in enumerate(results, start=1):
        if result["errors"]:
            assert f"mixed.jsonl:{line_number}" in result["errors"][0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",), whitelist_categories=("L", "N", "P", "Z", "S")
        ),
        max_size=400,
    )
)
def test_bad_input_any_text_gives_exactly_one_result(text: str) -> None:
    results = list(extract([Article(id="h", text=text, origin="hypothesis")]))
    assert len(results) == 1
    result = results[0].to_dict()
    for quote in result["quotes"]:
        span = quote["content"]
        assert text[span["start"] : span["end"]] == span["text"]
    for event in result["events"]:
        span = event["evidence"]
        assert text[span["start"] : span["end"]] == span["text"]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", " said ", "Russia", ".", "\n\n"])))
def test_bad_input_quote_mark_soup_never_crashes(pieces: list[str]) -> None:
    text = "".join(pieces)
    results = list(extract([Article(id="soup", text=text or " ", origin="soup")]))
    assert len(results) == 1


@pytest.mark.parametrize("megabytes", [5])
def test_bad_input_5mb_article_fails_fast_with_the_default_limit(megabytes: int) -> None:
    big = Article(
        id="huge", text=ENGLISH * (megabytes * 1_000_000 // len(ENGLISH)), origin="huge.txt"
    )
    started = time.perf_counter()
    results = [r.to_dict() for r in extract([big])]
    assert time.perf_counter() - started < 3.0  # refused before parsing
    assert len(big.text) > MAX_CHARS
    assert results[0]["errors"] and "[E202] huge.txt" in results[0]["errors"][0]
    assert str(MAX_CHARS) in results[0]["errors"][0]


def _cli_corpus(folder: Path) -> tuple[int, int]:
    """Every file case, a 5 MB text and a JSON Lines file with bad lines and duplicate ids.

    Returns how many articles must be stored and how many must fail.
    """
    for name, (content, _) in FILE_CASES.items():
        (folder / name).write_bytes(content)
    (folder / "huge.txt").write_text(ENGLISH * (5_000_000 // len(ENGLISH)), encoding="utf-8")
    other = ENGLISH.replace("Greece", "Cyprus")
    lines = [
        json.dumps({"id": "ok1", "text": other}),
        "not json at all",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "wrong-type", "text": 42}),
        json.dumps({"id": "ok1", "text": other}),  # the same article twice: stored once
        json.dumps({"id": "dup", "text": ENGLISH.replace("Monday", "Tuesday")}),
        json.dumps({"id": "dup", "text": ENGLISH.replace("Monday", "Friday")}),  # replaces
    ]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    good_files = sum(not fails for _, fails in FILE_CASES.values())
    failing_files = len(FILE_CASES) - good_files + 1  # + huge.txt
    return good_files + 2, failing_files + 3  # ok1 and dup; three bad lines


@pytest.mark.parametrize("batch_size", [3])
def test_bad_input_cli_ingest_finishes_stores_errors_and_counts_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], batch_size: int
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    stored, failed = _cli_corpus(folder)
    db = str(tmp_path / "news.duckdb")
    argv = ["ingest", str(folder), "--db", db, "--batch-size", str(batch_size), "--workers", "1"]
    args = build_parser().parse_args([*argv, "--quiet"])
    code = args.run(args, stdin=io.StringIO(""), stdout=io.StringIO())
    summary = capsys.readouterr().err
    assert code == 1
    assert f"{failed} articles failed" in summary, summary
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles") == stored
        assert store.scalar("SELECT count(DISTINCT article_id) FROM errors") == failed
        origins = {row["origin"] for row in store.query("SELECT origin FROM errors")}
        assert store.scalar("SELECT count(*) FROM articles WHERE id = 'dup'") == 1
    named = {Path(o.split(":")[0].split("#")[0]).name for o in origins}
    expected = {n for n, (_, fails) in FILE_CASES.items() if fails} | {"huge.txt", "mixed.jsonl"}
    assert named == expected
