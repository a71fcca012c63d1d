"""Progress of `extract` and `ingest` (issue 13, item 4): on a terminal, a bar with the
articles done of a total counted ahead, elapsed time and time left; nothing when standard
error is not a terminal or with --quiet."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from communique.cli import parse
from communique.commands import progress as progress_module
from communique.ingest import read
from communique.ingest.count import count_items

ROOT = Path(__file__).resolve().parents[1]
STORY = "Chile and Peru signed a fishing accord on Monday, officials said."
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    "<item><title>One</title><description>Chile praised Peru on Monday.</description></item>"
    "<item><title>Two</title><description>Peru thanked Chile on Tuesday.</description></item>"
    "</channel></rss>"
)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "lines.jsonl": "\n".join(json.dumps({"id": f"s{i}", "text": STORY}) for i in range(3))
        + "\n\n",
        "list.json": json.dumps([{"id": "l1", "text": STORY}, {"id": "l2", "text": STORY}]),
        "feed.rss": FEED,
        "story.txt": STORY,
        "gold.json": json.dumps({"labels": []}),
        "notes.md": "# notes",
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {"folder": folder, **{name: folder / name for name in files}}


@pytest.mark.parametrize(
    "names", [["folder"], ["lines.jsonl"], ["list.json"], ["feed.rss"], ["story.txt", "nope.txt"]]
)
def test_count_ahead_equals_what_read_yields(inputs: dict[str, Path], names: list[str]) -> None:
    paths = [str(inputs.get(n, inputs["folder"] / n)) for n in names]
    assert count_items(paths) == len(list(read(paths)))


@pytest.mark.parametrize("paths", [["-"], ["examples/", "-"]])
def test_count_ahead_of_standard_input_is_unknown(paths: list[str]) -> None:
    assert count_items(paths) is None


def run(argv: list[str], console: Console) -> tuple[int, str]:
    """Run a command with `console` as its standard error; exit code and what it showed."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        args = parse(argv)
        code = args.run(args, stdin=io.StringIO(""), stdout=io.StringIO())
    assert isinstance(console.file, io.StringIO)
    shown = console.file.getvalue() + err.getvalue()
    return int(code), re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown)  # colours and cursor moves


def consoles(terminal: bool) -> Console:
    return Console(file=io.StringIO(), force_terminal=terminal, width=200)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_terminal_shows_done_of_total_elapsed_and_time_left(
    inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    console = consoles(terminal=True)
    monkeypatch.setattr(progress_module, "make_console", lambda: console)
    argv = [command, str(inputs["folder"]), "--workers", "1"]
    argv += ["--db", str(tmp_path / "n.duckdb")] if command == "ingest" else []
    code, shown = run(argv, console)
    assert code == 0
    assert "8/8" in shown and "elapsed" in shown and "left" in shown
    if command == "ingest":
        # the same text is stored once: the rest count as unchanged, and as done
        assert re.search(r"8/8 .* stored 3 new, 5 unchanged", shown)


@pytest.mark.parametrize("command,quiet", [("extract", False), ("ingest", False), ("ingest", True)])
def test_no_bar_when_not_a_terminal_or_quiet(
    inputs: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    quiet: bool,
) -> None:
    console = consoles(terminal=quiet)  # --quiet silences even a terminal
    monkeypatch.setattr(progress_module, "make_console", lambda: console)
    argv = [command, str(inputs["story.txt"]), "--workers", "1"] + (["--quiet"] if quiet else [])
    argv += ["--db", str(tmp_path / "n.duckdb")] if command == "ingest" else []
    code, shown = run(argv, console)
    assert code == 0 and "elapsed" not in shown and "━" not in shown
    if command == "ingest":
        assert ("batch 1 committed" in shown) is not quiet
