"""The batch paths: worker processes and a Dask LocalCluster give the same results as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest import read
from communique.model import Article
from communique.pipeline import extract
from communique.scale import extract_parallel

EXAMPLES = Path(__file__).parents[1] / "examples"


def _articles(copies: int) -> list[Article]:
    base = [a for a in read([str(EXAMPLES)]) if isinstance(a, Article)]
    return [
        Article(id=f"{a.id}-{i}", text=a.text, published=a.published or "2024-03-01")
        for i in range(copies)
        for a in base
    ]


def _summary(results: list) -> list[tuple]:
    return [(r.article.id, len(r.quotes), len(r.events), r.errors) for r in results]


@pytest.fixture(scope="module")
def serial() -> list:
    return list(extract(_articles(3)))


@pytest.mark.parametrize("workers", [2])
def test_scale_workers_match_one_process_in_order(serial: list, workers: int) -> None:
    parallel = list(extract_parallel(_articles(3), workers=workers, chunk_size=2))
    assert _summary(parallel) == _summary(serial)
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]


def test_scale_small_input_runs_in_process() -> None:
    results = list(extract_parallel(_articles(1)[:1], workers=2, chunk_size=4))
    assert len(results) == 1 and results[0].errors == ()


def test_scale_dask_local_cluster_matches_one_process(serial: list) -> None:
    pytest.importorskip("dask.distributed")
    from communique.distributed import WorkerStats, dask_client, extract_dask

    stats = WorkerStats()
    with dask_client("local", workers=2) as client:
        results = list(extract_dask(_articles(3), client=client, partition_size=3, stats=stats))
    assert _summary(results) == _summary(serial)
    assert sum(stats.partitions.values()) == -(-len(serial) // 3)  # partitions of 3
    assert stats.wall > 0 and all(0 < e <= 1.5 for e in stats.efficiency().values())


def test_scale_dask_failed_partition_is_reported_not_lost() -> None:
    pytest.importorskip("dask.distributed")
    from communique.distributed import WorkerStats, _gather

    class Broken:
        def result(self) -> None:
            raise RuntimeError("worker lost")

    partition = _articles(1)[:2]
    results = _gather(5, partition, Broken(), WorkerStats())
    assert [r.article.id for r in results] == [a.id for a in partition]
    assert all("partition 5 failed" in r.errors[0] and "E205" in r.errors[0] for r in results)
