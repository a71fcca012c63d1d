"""Batch runner: every stage of the pipeline in worker processes, results in input order.

spaCy's own `nlp.pipe(n_process=N)` parallelises only the parse; quotes, actors and
events would then run in the parent process alone. Here each worker process loads the
pipeline once and runs the whole `extract` on a chunk of articles, so all stages scale
with the number of cores. Memory stays flat: at most `2 * workers` chunks are in flight.

    from communique.ingest import read
    from communique.scale import extract_parallel
    for result in extract_parallel(read(["corpus/"]), workers=2):
        ...
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Any

from .model import Result
from .pipeline import Item, extract
from .vocabulary import Vocabulary


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_parallel(
    items: Iterable[Item],
    *,
    workers: int | None = None,
    chunk_size: int = 16,
    min_confidence: float = 0.0,
    vocabulary: Vocabulary | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> Iterator[Result]:
    """Results for `items` in order, computed by `workers` processes (those of `pool` when
    given: a caller that extracts many small batches keeps one pool for all of them).

    With one worker, or input that fits in one chunk, everything runs in this
    process: starting workers costs more than it saves.
    """
    workers = workers or default_workers()
    iterator = iter(items)
    first = list(islice(iterator, chunk_size))
    second = list(islice(iterator, chunk_size))
    if workers <= 1 or not second:
        rest = [*first, *second]
        yield from extract(
            _chain(rest, iterator), min_confidence=min_confidence, vocabulary=vocabulary
        )
        return
    chunks = _chunks(_chain([*first, *second], iterator), chunk_size)
    if pool is not None:
        yield from _run_chunks(pool, chunks, workers, min_confidence, vocabulary)
        return
    warm_up()  # forked workers inherit the loaded model, dictionaries and gazetteer
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as own:
        yield from _run_chunks(own, chunks, workers, min_confidence, vocabulary)


def _run_chunks(
    pool: ProcessPoolExecutor,
    chunks: Iterator[list[Item]],
    workers: int,
    min_confidence: float,
    vocabulary: Vocabulary | None,
) -> Iterator[Result]:
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    for chunk in chunks:
        future = pool.submit(_extract_chunk, chunk, min_confidence, vocabulary)
        pending.append((chunk, future))
        if len(pending) >= 2 * workers:
            yield from _collect(*pending.popleft(), min_confidence, vocabulary)
    while pending:
        yield from _collect(*pending.popleft(), min_confidence, vocabulary)


def _collect(
    chunk: list[Item],
    future: Future[list[Result]],
    min_confidence: float,
    vocabulary: Vocabulary | None,
) -> list[Result]:
    """A chunk's results; if its worker died (killed, out of memory), redo it here."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - BrokenProcessPool and whatever killed the worker
        return _extract_chunk(chunk, min_confidence, vocabulary)


Extractor = Callable[[Iterable[Item]], Iterator[Result]]


@contextmanager
def extractor(
    *,
    workers: int | None = None,
    dask: str | None = None,
    min_confidence: float = 0.0,
    stats: Any = None,
    vocabulary: Vocabulary | None = None,
    keep_pool: bool = False,
) -> Iterator[Extractor]:
    """The function that turns items into results for `extract` and `ingest`.

    `dask` is a scheduler address or "local" (a LocalCluster with `workers`
    processes); otherwise `workers` local processes (default: one per core), started
    for each call, or with `keep_pool` once for every call (`communique watch` stores
    many small batches).
    """
    if dask:
        from .distributed import dask_client, extract_dask

        with dask_client(dask, workers=workers) as client:
            yield lambda items: extract_dask(
                items,
                client=client,
                min_confidence=min_confidence,
                stats=stats,
                vocabulary=vocabulary,
            )
        return
    workers = workers or default_workers()
    if keep_pool and workers > 1:
        warm_up()  # forked workers inherit the loaded model, dictionaries and gazetteer
        with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
            yield lambda items: extract_parallel(
                items, workers=workers, min_confidence=min_confidence,
                vocabulary=vocabulary, pool=pool,
            )  # fmt: skip
        return
    yield lambda items: extract_parallel(
        items, workers=workers, min_confidence=min_confidence, vocabulary=vocabulary
    )


def warm_up() -> None:
    """Load the model, dictionaries, matchers and gazetteer once per process.

    Called in the parent before the worker pool forks, so that workers share these
    (copy-on-write) instead of each spending seconds building them again.
    """
    from .model import Article
    from .places import lookup_place

    list(extract([Article(id="warm-up", text="Ministers from Kenya met in Nairobi on Monday.")]))
    lookup_place("Nairobi")


def _extract_chunk(
    chunk: list[Item], min_confidence: float, vocabulary: Vocabulary | None = None
) -> list[Result]:
    return list(extract(chunk, min_confidence=min_confidence, vocabulary=vocabulary))


def _chain(head: list[Item], tail: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from tail


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk
