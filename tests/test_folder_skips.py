"""Reading folders (issue 13, item 3): what is left out is reported with the reason, and a
`.json` found in a folder is read only when it holds articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique import ingest
from communique.ingest import IngestError, Skipped
from communique.model import Article

STORY = "Veloria and Dastan signed a fishing accord on Monday, officials said."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / ".cache" / "a.txt").write_text(STORY)
    (root / "story.txt").write_text(STORY)
    (root / "story.gold.json").write_text(json.dumps({"quotes": [{"speaker": "officials"}]}))
    (root / "sub" / "list.json").write_text(json.dumps([{"id": "l1", "text": STORY}]))
    (root / "sub" / "labels.json").write_text(json.dumps([{"label": "x"}, 3]))
    (root / "sub" / "count.json").write_text("42")
    (root / "notes.md").write_text("# notes")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n")
    (root / ".DS_Store").write_bytes(b"\x00")
    return root


def read_folder(folder: Path) -> tuple[list[Article | IngestError], dict[str, str]]:
    skipped: list[Skipped] = []
    items = list(ingest.read([str(folder)], on_skip=skipped.append))
    return items, {Path(s.origin).name: s.reason for s in skipped}


@pytest.mark.parametrize(
    "name,reason",
    [
        ("notes.md", "unknown file type ('.md'"),
        ("photo.png", "unknown file type ('.png'"),
        (".DS_Store", "hidden file"),
        (".cache", "hidden folder"),
        ("story.gold.json", "JSON object with no 'text' field"),
        ("labels.json", "JSON list with no object that has a 'text' field"),
        ("count.json", "JSON a number, not an article"),
    ],
)
def test_folder_reports_each_file_it_leaves_out_with_the_reason(
    folder: Path, name: str, reason: str
) -> None:
    _, skipped = read_folder(folder)
    assert skipped[name].startswith(reason)


@pytest.mark.parametrize("expected", [["l1", "story.txt"]])
def test_folder_reads_articles_and_article_lists_only(folder: Path, expected: list[str]) -> None:
    items, _ = read_folder(folder)
    assert all(isinstance(item, Article) for item in items)
    assert (
        sorted(Path(item.origin).name if item.id != "l1" else item.id for item in items) == expected
    )


@pytest.mark.parametrize("content", [{"quotes": []}, [1, 2]])
def test_a_json_file_named_on_the_command_line_is_still_an_error(
    tmp_path: Path, content: object
) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(content))
    skipped: list[Skipped] = []
    items = list(ingest.read([str(path)], on_skip=skipped.append))
    assert items and all(isinstance(i, IngestError) for i in items) and not skipped


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communique.cli", *argv], capture_output=True, text=True
    )


@pytest.mark.parametrize("command", ["extract"])
def test_cli_summary_counts_skipped_files_and_verbose_names_them(
    folder: Path, command: str
) -> None:
    done = run_cli(command, str(folder), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert "communique: 7 files skipped (" in done.stderr and "-v names them" in done.stderr
    assert "2 unknown file type" in done.stderr and "1 hidden folder" in done.stderr
    assert "notes.md" not in done.stderr
    verbose = run_cli(command, str(folder), "--workers", "1", "-v")
    assert f"skipped {folder / 'notes.md'}: unknown file type" in verbose.stderr
    assert (
        f"skipped {folder / 'story.gold.json'}: JSON object with no 'text' field" in verbose.stderr
    )
    assert len(verbose.stdout.splitlines()) == 2  # story.txt and sub/list.json


@pytest.mark.parametrize("name", ["README.md"])
def test_cli_a_folder_with_nothing_to_read_says_so(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("# read me")
    done = run_cli("extract", str(tmp_path))
    assert "1 file skipped (1 unknown file type)" in done.stderr
    assert "no articles read" in done.stderr and done.stdout == ""


@pytest.mark.parametrize("name", ["notes.md"])
def test_ingest_summary_counts_skipped_files(folder: Path, tmp_path: Path, name: str) -> None:
    done = run_cli(
        "ingest", str(folder), "--db", str(tmp_path / "n.duckdb"), "--workers", "1", "-v"
    )
    assert done.returncode == 0, done.stderr
    assert "2 articles read" in done.stderr and "7 files skipped" in done.stderr
    assert f"skipped {folder / name}" in done.stderr
