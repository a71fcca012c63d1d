"""The news_gold table of `bench/quotes.py`, on a tiny gold file written here.

The article and its quote were written for this test; nothing comes from a benchmark. The
scoring itself is the shared news_gold folder's `score.py`, so the tests that score are
skipped where that folder is absent.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.bench_helpers import load_bench

TEXT = (
    "Harbour officials in Velmora reopened the eastern pier on Thursday after a week of "
    "repairs.\n\n"
    "\u201cThe pier is safe again and the ferries will run on time,\u201d Ilsa Marchetti, "
    "the harbour master, told reporters."
)
QUOTE = "The pier is safe again and the ferries will run on time,"


bench = load_bench("quotes")


def _gold(path: Path, speaker: str) -> Path:
    record = {
        "id": "test-pier",
        "title": "Pier reopens",
        "text": TEXT,
        "published": "2024-05-02",
        "quotes": [{"speaker": speaker, "content": QUOTE, "kind": "direct"}],
        "events": [],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _scored(tmp_path: Path, speaker: str) -> dict[str, Any]:
    if bench.load_scorer() is None:
        pytest.skip(f"{bench.NEWS_GOLD} is not there")
    scores = bench.news_gold_table(
        gold=_gold(tmp_path / "gold.jsonl", speaker), json_out=tmp_path / "out.jsonl"
    )
    assert scores is not None
    return scores


def test_right_speaker_scores_full_marks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores = _scored(tmp_path, "Ilsa Marchetti")
    assert scores["articles_out"] == 1
    assert scores["quote_found"] == 1.0
    assert scores["quote_r"] == 1.0
    assert scores["speaker_acc"] == 1.0
    assert scores["speaker_acc_matched"] == 1.0
    table = capsys.readouterr().out
    assert "| speaker right on found quotes |  |  |  | 1.000 | 1/1 |" in table
    assert "| speaker right on matched quotes |  |  |  | 1.000 | 1/1 |" in table
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["test-pier"]


def test_wrong_speaker_lowers_the_figure(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    scores = _scored(tmp_path, "Tomas Ferreira")
    assert scores["quote_found"] == 1.0
    assert scores["speaker_acc"] == 0.0
    assert scores["speaker_acc_matched"] == 0.0
    assert "| speaker right on found quotes |  |  |  | 0.000 | 0/1 |" in capsys.readouterr().out


def test_rows_show_the_scorer_counts() -> None:
    scores = {
        "quote_char_p": 0.5,
        "quote_char_r": 0.25,
        "quote_char_f1": 0.333,
        "quote_found": 0.5,
        "quote_found_by_kind": {"direct": 1.0, "indirect": 0.0},
        "speaker_acc": 1.0,
        "quote_p": 1.0,
        "quote_r": 0.5,
        "quote_f1": 0.667,
        "speaker_acc_matched": 1.0,
        "event_p": 0.0,
        "event_r": 0.0,
        "event_f1": 0.0,
        "dyad_f1": 0.0,
        "event_date_acc": 0.0,
        "counts": {
            "quotes": dict(
                gold=2, pred=1, match=1, spk=1, spk_n=1, found=1, found_spk=1, found_spk_n=1
            ),
            "chars": dict(gold=40, pred=20, both=10),
            "events": dict(gold=0, pred=0, match=0, date_ok=0, date_n=0),
        },
    }
    rows = bench.news_gold_rows(scores, Counter(direct=1, indirect=1))
    assert "| quotes one-to-one | 1.000 | 0.500 | 0.667 |  | match 1, pred 1, gold 2 |" in rows
    assert "| quotes found: indirect |  |  |  | 0.000 | 1 gold |" in rows
    assert not any("mixed" in row for row in rows)


def test_missing_folder_is_skipped_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert bench.news_gold_table(tmp_path / "news_gold") is None
    assert "skipped:" in capsys.readouterr().out
