"""`--petrarch-actors/--petrarch-agents/--petrarch-verbs`: coding with a user's own dictionaries.

The PETRARCH-format files and the story below were written for these tests (made-up places).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.cli import EXIT_OK, EXIT_USAGE
from communique.model import Article
from communique.scale import extract_parallel
from communique.vocabulary import Vocabulary
from tests.test_cli import run_extract

ACTORS = "ESKARON [ESK]\n+ESKARONI\nDUNMERE [DUN]\nTORVALE [TOR]\n"
AGENTS = "ENVOY {ENVOYS} [~GOV]\n"
VERBS = "--- UPBRAID  [111] ---\nUPBRAID\n- * ENVOY  [1243]\n"
STORY = (
    "Eskaron upbraids Dunmere\n\n"
    "Eskaron upbraided Dunmere on Tuesday, days after Torvale praised the two governments.\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS), ("story", STORY)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    return paths


def _pairs(result: dict) -> set[tuple[str, str, str | None]]:
    codes = {a["id"]: a["code"] for a in result["actors"]}
    return {(e["cameo"], codes[e["source"]], codes.get(e["target"])) for e in result["events"]}


def test_cli_codes_with_petrarch_dictionaries(files: dict[str, str]) -> None:
    argv = [files["story"], "--published", "2024-02-07", "--petrarch-actors", files["actors"]]
    argv += ["--petrarch-agents", files["agents"], "--petrarch-verbs", files["verbs"]]
    code, (result,), _ = run_extract(argv)
    assert code == EXIT_OK
    assert ("111", "ESK", "DUN") in _pairs(result)  # a verb only the user's file knows


def test_cli_without_dictionaries_knows_no_made_up_verb(files: dict[str, str]) -> None:
    code, (result,), _ = run_extract([files["story"], "--published", "2024-02-07"])
    assert code == EXIT_OK
    assert not any(e["trigger"]["text"] == "upbraided" for e in result["events"])


@pytest.mark.parametrize(
    ("option", "message"),
    [("--petrarch-verbs", "verbs file not found"), ("--petrarch-actors", "actors file not found")],
)
def test_cli_missing_dictionary_file_is_a_usage_error(
    files: dict[str, str], option: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, results, _ = run_extract([files["story"], option, "/nowhere/file.txt"])
    assert code == EXIT_USAGE and results == []
    assert message in capsys.readouterr().err


def test_vocabulary_travels_to_worker_processes(files: dict[str, str]) -> None:
    vocabulary = Vocabulary(files["actors"], files["agents"], files["verbs"])
    text = STORY.split("\n\n", 1)[1]
    articles = [Article(id=f"a{i}", text=text, published="2024-02-07") for i in range(40)]
    results = list(extract_parallel(articles, workers=2, chunk_size=8, vocabulary=vocabulary))
    assert len(results) == 40
    assert all(
        ("111", "ESK", "DUN") in _pairs(json.loads(json.dumps(r.to_dict()))) for r in results
    )
