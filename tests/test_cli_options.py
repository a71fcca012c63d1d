"""Command-line options (issue 13, item 7): numbers and days are checked with a clear message,
dates are --start/--end as in the API, and a wrong option shows the subcommand's usage."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.cli import parse
from communique.model import EventMode
from communique.store import Store


def fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Parse `argv`, expecting exit code 2; what was printed on standard error."""
    with pytest.raises(SystemExit) as stop:
        parse(argv)
    assert stop.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    "argv,message",
    [
        (
            ["extract", "x", "--workers", "0"],
            "--workers: expected an integer from 1 to 256, got '0'",
        ),
        (
            ["extract", "x", "--workers", "-3"],
            "--workers: expected an integer from 1 to 256, got '-3'",
        ),
        (
            ["ingest", "x", "--workers", "two"],
            "--workers: expected an integer from 1 to 256, got 'two'",
        ),
        (
            ["extract", "x", "--min-confidence", "5"],
            "--min-confidence: expected a number from 0 to 1, got '5'",
        ),
        (
            ["ingest", "x", "--min-confidence", "-0.1"],
            "--min-confidence: expected a number from 0 to 1",
        ),
        (
            ["ingest", "x", "--batch-size", "0"],
            "--batch-size: expected an integer from 1 to 100000",
        ),
        (["quotes", "--limit", "0"], "--limit: expected an integer from 1 to 1000, got '0'"),
        (["events", "--limit", "5000"], "--limit: expected an integer from 1 to 1000, got '5000'"),
        (["actors", "--offset", "-1"], "--offset: expected an integer at least 0, got '-1'"),
        (["serve", "--port", "70000"], "--port: expected an integer from 1 to 65535"),
        (
            ["plot", "network", "--out", "n.svg", "--limit", "0"],
            "--limit: expected an integer from 1 to 500",
        ),
        (
            ["events", "--start", "2024-13-01"],
            "--start: expected a day YYYY-MM-DD, got '2024-13-01'",
        ),
        (["dyad", "A", "B", "--end", "soon"], "--end: expected a day YYYY-MM-DD, got 'soon'"),
        (["extract", "x", "--published", "05/03/2024"], "--published: expected a day YYYY-MM-DD"),
        (["dyad", "A", "B", "--interval", "hour"], "--interval: invalid choice: 'hour'"),
        (["events", "--mode", "maybe"], "--mode: invalid choice: 'maybe'"),
    ],
)
def test_cli_rejects_numbers_and_days_out_of_range_with_a_clear_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = fails(argv, capsys)
    assert message in err
    assert f"usage: communique {argv[0]}" in err


@pytest.mark.parametrize(
    "argv,value",
    [
        (["extract", "x", "--workers", "1"], ("workers", 1)),
        (["extract", "x", "--min-confidence", "0.6"], ("min_confidence", 0.6)),
        (["quotes", "--limit", "1000"], ("limit", 1000)),
        (["events", "--start", "2024-03-01"], ("start", "2024-03-01")),
        (["events", "--end", "2024-03-31"], ("end", "2024-03-31")),
        (["export", "--format", "gdelt", "--start", "2024-03-01"], ("start", "2024-03-01")),
        (["dyad", "A", "B", "--start", "2024-03-01", "--end", "2024-04-01"], ("end", "2024-04-01")),
    ],
)
def test_cli_accepts_values_in_range(argv: list[str], value: tuple[str, object]) -> None:
    name, expected = value
    assert getattr(parse(argv), name) == expected


@pytest.mark.parametrize("old,new", [("--since", "start"), ("--until", "end")])
def test_cli_date_range_is_start_and_end_and_old_names_still_work(
    old: str, new: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert getattr(parse(["events", old, "2024-03-01"]), new) == "2024-03-01"
    with pytest.raises(SystemExit):
        parse(["events", "--help"])
    shown = capsys.readouterr().out
    assert f"--{new}" in shown and old not in shown


@pytest.mark.parametrize(
    "argv,usage",
    [
        (["quotes", "--bogus"], "usage: communique quotes"),
        (["extract", "x", "--db", "news.duckdb"], "usage: communique extract"),
        (["plot", "dyad", "A", "B", "--out", "d.png", "--wat"], "usage: communique plot dyad"),
    ],
)
def test_cli_unknown_option_shows_the_subcommands_usage(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = fails(argv, capsys)
    assert usage in err and "unrecognized arguments" in err
    assert "{extract,ingest" not in err  # not the top-level usage


@pytest.mark.parametrize("argv", [["quotes", "--bogus"]])
def test_cli_installed_command_exits_2_with_subcommand_usage(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.cli", *argv], capture_output=True, text=True
    )
    assert done.returncode == 2 and "usage: communique quotes" in done.stderr


@pytest.mark.parametrize("mode", get_args(EventMode))
def test_every_contract_mode_is_a_filter_value_in_cli_and_api(mode: str, tmp_path) -> None:
    assert parse(["events", "--mode", mode]).mode == mode
    assert parse(["dyad", "A", "B", "--mode", mode]).mode == mode
    with Store(tmp_path / "n.duckdb"):
        pass
    client = TestClient(create_app(tmp_path / "n.duckdb"))
    assert client.get("/api/events", params={"mode": mode}).status_code == 200
    assert client.get("/api/dyads/A/B", params={"mode": mode}).status_code == 200
