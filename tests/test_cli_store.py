"""The store commands: ingest twice changes nothing, a changed article replaces its rows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from communique.cli import build_parser

ARTICLE = "Ministers meet\n\nTurkey criticised Greece on Monday over the new coastal patrols. “We will not accept this,” the Turkish foreign minister said.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    args = build_parser().parse_args(argv)
    out = io.StringIO()
    code = args.run(args, stdin=io.StringIO(""), stdout=out)
    capsys.readouterr()
    return code, out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.jsonl").write_text(
        json.dumps({"id": "t1", "text": ARTICLE, "published": "2024-02-05"}) + "\n"
    )
    (root / "empty.txt").write_text("")
    return root


@pytest.mark.parametrize("times", [2])
def test_cli_store_ingest_twice_leaves_stats_unchanged(
    folder: Path, tmp_path: Path, capsys, times: int
) -> None:
    db = str(tmp_path / "news.duckdb")
    seen = []
    for _ in range(times):
        code, _ = run(["ingest", str(folder), "--db", db, "--quiet"], capsys)
        assert code == 1  # the empty file is an article error, stored and listed
        seen.append(run(["stats", "--db", db, "--json"], capsys)[1])
    assert seen[0] == seen[1]
    stats = json.loads(seen[0])
    assert stats["articles"] == 1 and stats["errors"] == 1
    code, listed = run(["errors", "--db", db, "--format", "json"], capsys)
    assert "empty.txt" in listed


@pytest.mark.parametrize("change", [("Monday", "Tuesday")])
def test_cli_store_changed_article_replaces_rows(
    folder: Path, tmp_path: Path, capsys, change
) -> None:
    db = str(tmp_path / "news.duckdb")
    run(["ingest", str(folder / "a.jsonl"), "--db", db, "--quiet"], capsys)
    changed = ARTICLE.replace(*change)
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "t1", "text": changed, "published": "2024-02-05"}) + "\n"
    )
    run(["ingest", str(folder / "a.jsonl"), "--db", db, "--quiet"], capsys)
    _, out = run(["export", "--db", db, "--format", "jsonl"], capsys)
    lines = out.splitlines()
    assert len(lines) == 1 and change[1] in json.loads(lines[0])["article"]["text"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_store_queries_print_every_format(
    folder: Path, tmp_path: Path, capsys, fmt: str
) -> None:
    db = str(tmp_path / "news.duckdb")
    run(["ingest", str(folder / "a.jsonl"), "--db", db, "--quiet"], capsys)
    for command in (["events"], ["quotes"], ["actors"], ["dyad", "TUR", "GRC"], ["errors"]):
        code, out = run([*command, "--db", db, "--format", fmt], capsys)
        assert code == 0 and out
        if fmt == "json":
            json.loads(out)


@pytest.mark.parametrize("kind", ["dyad", "network"])
def test_cli_store_plot_writes_a_picture(folder: Path, tmp_path: Path, capsys, kind: str) -> None:
    db = str(tmp_path / "news.duckdb")
    run(["ingest", str(folder / "a.jsonl"), "--db", db, "--quiet"], capsys)
    out = tmp_path / f"{kind}.png"
    argv = [
        "plot",
        kind,
        *(["TUR", "GRC"] if kind == "dyad" else []),
        "--db",
        db,
        "--out",
        str(out),
    ]
    assert run(argv, capsys)[0] == 0
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("command", [["stats"], ["events"], ["export", "--format", "csv"]])
def test_cli_store_missing_database_is_a_usage_error(tmp_path: Path, capsys, command) -> None:
    code, _ = run([*command, "--db", str(tmp_path / "none.duckdb")], capsys)
    assert code == 2
