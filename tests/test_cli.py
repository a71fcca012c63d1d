"""The `communique extract` command: output contract, bad input and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from communique.cli import EXIT_ARTICLE_ERRORS, EXIT_OK, build_parser, extract_cli

EXAMPLES = Path(__file__).parents[1] / "examples"
GOOD_TEXT = (
    "Ministers meet\n\n"
    "Turkey criticised Greece on Monday over the new coastal patrols. "
    "“We will not accept this,” the Turkish foreign minister said.\n"
)


def run_extract(argv: list[str], stdin: str = "") -> tuple[int, list[dict], str]:
    args = build_parser().parse_args(["extract", *argv])
    out = io.StringIO()
    code = extract_cli(args, stdin=io.StringIO(stdin), stdout=out)
    raw = out.getvalue()
    pretty = "--pretty" in argv
    lines = [] if pretty else [json.loads(line) for line in raw.splitlines() if line.strip()]
    return code, lines, raw


@pytest.mark.parametrize(
    "name,content",
    [
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 40),
        ("latin1.txt", "Caf\u00e9 talks in Z\u00fcrich ended.".encode("latin-1")),
    ],
)
def test_cli_bad_file_gives_one_error_object_and_batch_goes_on(
    tmp_path: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    code, results, _ = run_extract([str(bad), str(good), "--published", "2024-02-07"])
    assert code == EXIT_ARTICLE_ERRORS
    assert len(results) == 2
    assert results[0]["errors"] and name in results[0]["errors"][0]
    assert results[1]["errors"] == []
    assert results[1]["article"]["published"] == "2024-02-07"


def test_cli_jsonl_line_that_is_not_json_gives_one_error(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "first", "text": GOOD_TEXT}),
        "{this is not json",
        json.dumps({"id": "third", "text": GOOD_TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, results, _ = run_extract([str(path)])
    assert code == EXIT_ARTICLE_ERRORS
    assert [bool(r["errors"]) for r in results] == [False, True, False]
    assert "batch.jsonl:2" in results[1]["errors"][0]
    assert results[2]["article"]["id"] == "third"


def test_cli_stdin_jsonl_and_exit_ok() -> None:
    stdin = json.dumps({"id": "s1", "text": GOOD_TEXT, "published": "2024-02-07"}) + "\n"
    code, results, _ = run_extract(["-"], stdin=stdin)
    assert code == EXIT_OK
    assert [r["article"]["id"] for r in results] == ["s1"]


@pytest.mark.parametrize("pretty", [True, False])
def test_cli_pretty_changes_layout_not_content(tmp_path: Path, pretty: bool) -> None:
    path = tmp_path / "one.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    argv = [str(path), "--published", "2024-02-07"] + (["--pretty"] if pretty else [])
    _, _, raw = run_extract(argv)
    data = json.loads(raw)
    assert set(data) == {"article", "actors", "quotes", "events", "errors", "warnings"}
    assert ("\n  " in raw) is pretty


def test_cli_examples_folder_yields_every_example_without_errors() -> None:
    code, results, _ = run_extract([str(EXAMPLES)])
    assert code == EXIT_OK
    assert len(results) >= 3
    assert all(r["errors"] == [] for r in results)
    assert sum(len(r["quotes"]) for r in results) >= 6
    assert sum(len(r["events"]) for r in results) >= 4
