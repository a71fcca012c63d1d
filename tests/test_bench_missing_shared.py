"""`python bench/events.py` without `../shared` (issue 13, item 9): a line saying what is
missing and exit code 0, as bench/quotes.py does, not a FileNotFoundError."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.bench_helpers import load_bench


@pytest.mark.parametrize("argv", [[], ["--show", "3"], ["--news-gold-only"]])
def test_bench_events_without_shared_says_so_and_ends_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv
) -> None:
    bench = load_bench("events")
    gone = tmp_path / "shared"
    monkeypatch.setattr(bench, "SHARED", gone)
    for name, rest in [
        ("GSR", "benchmarks/plover_gsr_cameo/plover_gsr_cameo.normalized.jsonl"),
        ("PETR", "benchmarks/petrarch2_unittests"),
        ("SEED", "seed/seed-gold.json"),
        ("NEWS_GOLD", "benchmarks/news_gold"),
    ]:
        monkeypatch.setattr(bench, name, gone / rest)
    if "--news-gold-only" in argv:
        monkeypatch.setattr(bench, "news_gold_section", _news_gold_default(bench, gone))
    monkeypatch.setattr(sys, "argv", ["events.py", *argv])
    assert bench.main() is None
    out = capsys.readouterr().out
    assert "skipped: ../shared/" in out and "not found" in out


def _news_gold_default(bench, gone: Path):
    """news_gold_section with its folder default pointed at the missing folder (the default
    argument was bound when the module loaded)."""
    section = bench.news_gold_section

    def run(**kwargs):
        return section(gone / "benchmarks" / "news_gold", **kwargs)

    return run


@pytest.mark.parametrize("path", ["../shared-missing/corpora"])
def test_bench_speed_on_a_missing_corpus_says_so(path: str) -> None:
    import subprocess

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "bench/speed.py", "--corpus", path, "--memory-only"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and f"skipped: {path} not found" in done.stdout


@pytest.mark.parametrize("argv", [[], ["--show", "3"]])
def test_bench_claims_without_shared_says_so_and_ends_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv
) -> None:
    bench = load_bench("claims")
    gone = tmp_path / "shared"
    monkeypatch.setattr(bench, "NEWS_GOLD", gone / "benchmarks" / "news_gold")
    monkeypatch.setattr(bench, "SEED", gone / "seed" / "seed-gold.json")
    monkeypatch.setattr(sys, "argv", ["claims.py", *argv])
    assert bench.main() is None
    out = capsys.readouterr().out
    assert out.count("not found") == 2
