"""Scale-out on Dask: partitions of articles run on cluster workers, results come back in order.

Each worker loads the spaCy pipeline once (on its first partition) and runs the whole
`extract` on each partition it is given. A partition that fails is retried by Dask
(`retries`); one that still fails comes back as one error result per article in it,
naming the partition and the reason, so nothing is ever lost silently. The caller
(e.g. `communique ingest --dask`) stores the results through its single writer.

    from communique.distributed import extract_dask
    for result in extract_dask(items, scheduler="tcp://scheduler:8786"):
        ...

`scheduler="local"` starts a `LocalCluster` of one single-threaded worker process per core.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .errors import Errors
from .model import Article, Result
from .pipeline import Item, extract
from .vocabulary import Vocabulary


@dataclass
class WorkerStats:
    """Busy seconds per worker and the wall time of the run: efficiency = busy / wall."""

    busy: Counter[str] = field(default_factory=Counter)
    partitions: Counter[str] = field(default_factory=Counter)
    wall: float = 0.0

    def efficiency(self) -> dict[str, float]:
        return {w: (s / self.wall if self.wall else 0.0) for w, s in self.busy.items()}


@contextmanager
def dask_client(scheduler: str, *, workers: int | None = None) -> Iterator[Any]:
    """A client for `scheduler` ("local" starts and stops a LocalCluster)."""
    from dask.distributed import Client, LocalCluster

    if scheduler != "local":
        with Client(scheduler) as client:
            yield client
        return
    from .scale import default_workers

    with (
        LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def extract_dask(
    items: Iterable[Item],
    *,
    client: Any,
    partition_size: int = 32,
    retries: int = 2,
    min_confidence: float = 0.0,
    stats: WorkerStats | None = None,
    vocabulary: Vocabulary | None = None,
) -> Iterator[Result]:
    """Results for `items` in input order, computed on the Dask cluster behind `client`."""
    stats = stats if stats is not None else WorkerStats()
    started = time.perf_counter()
    in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[tuple[int, list[Item], Any]] = deque()
    iterator = iter(items)
    number = 0
    while partition := list(islice(iterator, partition_size)):
        future = client.submit(
            _run_partition, partition, min_confidence, vocabulary, retries=retries, pure=False
        )
        pending.append((number, partition, future))
        number += 1
        if len(pending) >= in_flight:
            yield from _gather(*pending.popleft(), stats)
    while pending:
        yield from _gather(*pending.popleft(), stats)
    stats.wall = time.perf_counter() - started


def _run_partition(
    partition: list[Item], min_confidence: float, vocabulary: Vocabulary | None = None
) -> tuple[str, float, list[Result]]:
    """On a worker: the partition's results, with the worker's name and busy time."""
    from dask.distributed import get_worker

    start = time.perf_counter()
    results = list(extract(partition, min_confidence=min_confidence, vocabulary=vocabulary))
    return get_worker().address, time.perf_counter() - start, results


def _gather(number: int, partition: list[Item], future: Any, stats: WorkerStats) -> list[Result]:
    try:
        worker, seconds, results = future.result()
    except Exception as error:  # noqa: BLE001 - retries are spent: report, never drop
        reason = f"partition {number} failed on the cluster: {type(error).__name__}: {error}"
        return [_failed(item, reason) for item in partition]
    stats.busy[worker] += seconds
    stats.partitions[worker] += 1
    return list(results)


def _failed(item: Item, reason: str) -> Result:
    if isinstance(item, Article):
        message = Errors.E205.format(origin=item.origin or item.id, reason=reason)
        return Result(item, errors=(message,))
    article = Article(id=item.article_id, text="", origin=item.origin)
    return Result(article, errors=(item.message,))
