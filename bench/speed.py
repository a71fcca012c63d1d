"""Speed of communique against the bare spaCy parse of the same texts, in the same run.

    python bench/speed.py                 # 1,000 synthetic articles, one worker per core
    python bench/speed.py --workers 1 --rounds 5 --breakdown 0   # the issue's figure
    python bench/speed.py --n 200 --workers 1
    python bench/speed.py --n 10000 --memory-only   # is memory flat as the corpus grows?
    python bench/speed.py --corpus ../shared/corpora --memory-only   # peaks on real articles

Absolute times on shared machines are noise; the ratios are the figures to read, each the
median of `--rounds` rounds that run the bare parse and the extract in turn:
`extract / bare parse` is communique's throughput as a share of spaCy's own parse
with the same model, loaded as spaCy loads it, and the same number of processes (1.0 =
communique adds nothing). communique's own parse of the same texts is printed beside it:
it is faster than the stock one (`communique.ruler` finds the attribute ruler's matches
without spaCy's Matcher), which pays for part of the analysis.
Both runs start from their one-off loads done (the model; communique's dictionaries and
gazetteer), which are timed and printed apart.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

sys.path.insert(0, str(Path(__file__).parent))

from corpus import synthetic_articles  # noqa: E402

from communique import nlp as nlp_module  # noqa: E402
from communique import pipeline  # noqa: E402
from communique.ingest import read  # noqa: E402
from communique.model import Article  # noqa: E402
from communique.scale import default_workers, extract_parallel, warm_up  # noqa: E402

STAGES = {
    "quotes": "find_quotes",
    "actors": "find_mentions",
    "entities": "link_entities",
    "events": "find_events",
    "dates": "date_events",
    "places": "event_location",
}


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def timed(label: str, run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


@functools.lru_cache(maxsize=1)
def stock_pipeline() -> Language:
    """The model as spaCy loads it, without what communique adds or changes (its paragraph
    component, `communique.ruler`): the yardstick is spaCy as a user would run it."""
    return spacy.load(nlp_module.model_name())


def bare_parse(texts: list[str], workers: int, nlp: Language | None = None) -> int:
    nlp = nlp or stock_pipeline()
    return sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=32))


def stage_breakdown(n: int) -> dict[str, float]:
    """Seconds per stage over `n` articles, in this process, by wrapping each stage."""
    spent: Counter[str] = Counter()
    originals = {name: getattr(pipeline, attr) for name, attr in STAGES.items()}

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return timed_call

    articles = list(synthetic_articles(n, seed=99))
    nlp = nlp_module.load()
    # One-off loads (dictionaries, gazetteer, matchers) happen once per process; keep them
    # out of the per-stage shares and report them on their own.
    start = time.perf_counter()
    pipeline.analyse(articles[0], nlp(articles[0].text))
    spent["one-off loads"] = time.perf_counter() - start
    start = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles]))
    spent["parse"] = time.perf_counter() - start
    for name, function in originals.items():
        setattr(pipeline, STAGES[name], wrap(name, function))
    try:
        start = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            pipeline.analyse(article, doc)
        spent["analysis, all"] = time.perf_counter() - start
    finally:
        for name, function in originals.items():
            setattr(pipeline, STAGES[name], function)
    return dict(spent)


def ingest_run(articles: list[Any], workers: int) -> tuple[float, int]:
    """Seconds for `ingest` (extract with `workers` processes and store) into a fresh DuckDB."""
    from communique.store import Store, ingest

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with Store(os.path.join(folder, "bench.duckdb")) as store:
            summary = ingest(
                articles,
                store,
                batch_size=128,
                extractor=lambda items: extract_parallel(items, workers=workers),
            )
        return time.perf_counter() - start, summary.stored


def table_rows(path: str) -> dict[str, int]:
    """Row counts of the content tables of a store, to compare two ingests."""
    from communique.store import Store

    tables = ("articles", "actors", "mentions", "quotes", "events", "errors")
    with Store(path, read_only=True) as store:
        return {t: int(store.scalar(f"SELECT count(*) FROM {t}")) for t in tables}


def dask_comparison(articles: list[Any], workers: int) -> None:
    """Ingest through a Dask LocalCluster and through local workers; same rows in both?"""
    from communique.distributed import WorkerStats, dask_client, extract_dask
    from communique.store import Store, ingest

    stats = WorkerStats()
    with tempfile.TemporaryDirectory() as folder:
        local_db, dask_db = (
            os.path.join(folder, "local.duckdb"),
            os.path.join(folder, "dask.duckdb"),
        )
        with Store(local_db) as store:
            ingest(
                articles, store, extractor=lambda items: extract_parallel(items, workers=workers)
            )
        start = time.perf_counter()
        with dask_client("local", workers=workers) as client, Store(dask_db) as store:
            ingest(
                articles,
                store,
                extractor=lambda items: extract_dask(items, client=client, stats=stats),
            )
        seconds = time.perf_counter() - start
        local, distributed = table_rows(local_db), table_rows(dask_db)
    print(
        f"\ndask LocalCluster, {workers} workers: {len(articles) / seconds:.1f} articles/s "
        f"(cluster start included)"
    )
    print(f"  rows, local path: {local}")
    print(
        f"  rows, dask path:  {distributed}  -> {'same' if local == distributed else 'DIFFERENT'}"
    )
    for worker, share in sorted(stats.efficiency().items()):
        print(
            f"  worker {worker}: busy {share:.0%} of the run, {stats.partitions[worker]} partitions"
        )


def live_children_mb() -> list[float]:
    """Current resident memory of each live child process, in MB (Linux /proc)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(os.getpid()) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def memory_only(articles: Iterable[Any], n: int, workers: int) -> None:
    """Memory of this process and of each live worker every 10% of a streamed run, then the
    peaks: this process and its largest worker (only this run's workers have run)."""
    step = max(1, n // 10)
    for i, _ in enumerate(extract_parallel(articles, workers=workers), start=1):
        if i % step == 0:
            own, _ = peak_rss_mb()
            children = ", ".join(f"{mb:.0f}" for mb in sorted(live_children_mb()))
            print(
                f"{i:>7} articles  parent peak {own:6.0f} MB  workers now [{children}] MB",
                flush=True,
            )
    own, child = peak_rss_mb()
    print(f"peak RSS: parent {own:.0f} MB, largest worker {child:.0f} MB")


def corpus_articles(path: str) -> list[Any]:
    """The articles of a real corpus (a folder or file `communique` reads)."""
    return [item for item in read([path]) if isinstance(item, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument(
        "--breakdown", type=int, default=100, help="articles for the stages (0: none)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="bare parse and extract in turn, this many times"
    )
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--dask", type=int, default=0, help="also compare a Dask run on N articles")
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        help="real articles instead of the synthetic corpus (e.g. ../shared/corpora)",
    )
    args = parser.parse_args()
    if args.corpus and not Path(args.corpus).exists():
        print(f"skipped: {args.corpus} not found")
        return
    if args.memory_only:
        if args.corpus:
            found = corpus_articles(args.corpus)
            print(f"corpus: {len(found)} articles from {args.corpus}; workers {args.workers}")
            memory_only(found, len(found), args.workers)
        else:
            memory_only(synthetic_articles(args.n), args.n, args.workers)
        return
    articles = corpus_articles(args.corpus) if args.corpus else list(synthetic_articles(args.n))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    kind = args.corpus or "synthetic articles"
    print(f"corpus: {len(articles)} articles ({kind}), {words:,} words; workers {args.workers}")
    # Both runs start from what each loads once per process: the bare parse from the loaded
    # model, communique also from its dictionaries, matchers and gazetteer (seconds of their
    # own, printed apart: a start-up cost, not throughput).
    model_s, _ = timed("model", nlp_module.load)
    stock_pipeline()
    loads_s, _ = timed("loads", warm_up)
    print(f"one-off loads: model {model_s:.1f} s, communique's data {loads_s:.1f} s")
    # Bare parse and extract in turn, `--rounds` times: the machine's speed drifts within a
    # run, so each round's ratio compares two neighbouring runs, and the median is reported.
    bare_runs, extract_runs = [], []
    for _ in range(args.rounds):
        bare_runs.append(timed("bare", lambda: bare_parse(texts, args.workers))[0])
        extract_s, results = timed(
            "extract", lambda: list(extract_parallel(articles, workers=args.workers))
        )
        extract_runs.append(extract_s)
    ratios = [b / e for b, e in zip(bare_runs, extract_runs, strict=True)]
    if args.rounds > 1:
        print("extract / bare parse, round by round: " + ", ".join(f"{r:.2f}" for r in ratios))
    # the table's extract row is the median paired ratio, on the median bare parse
    bare_s = statistics.median(bare_runs)
    extract_s = bare_s / statistics.median(ratios)
    ingest_s, stored = ingest_run(articles, args.workers)
    # communique's own parse (the model with its paragraph component and faster ruler), once
    parse_s, _ = timed("parse", lambda: bare_parse(texts, args.workers, nlp_module.load()))
    rows = [  # medians over the rounds; ingest and communique's parse run once
        ("bare spaCy parse (the stock pipeline)", bare_s),
        ("communique's parse alone", parse_s),
        ("communique extract", extract_s),
        ("communique ingest (into DuckDB)", ingest_s),
    ]
    print(f"\n{'run':<40}{'articles/s':>12}{'words/s':>12}{'x bare':>9}")
    for label, seconds in rows:
        print(
            f"{label:<40}{len(texts) / seconds:>12.1f}{words / seconds:>12,.0f}"
            f"{bare_s / seconds:>9.2f}"
        )
    own, child = peak_rss_mb()
    print(f"\npeak RSS: parent {own:.0f} MB, largest child process {child:.0f} MB")
    events = sum(len(r.events) for r in results)
    quotes = sum(len(r.quotes) for r in results)
    errors = sum(bool(r.errors) for r in results)
    print(f"output: {quotes} quotes, {events} events, {errors} errors; {stored} articles stored")
    if args.dask:
        dask_comparison(articles[: args.dask], args.workers)
    if args.breakdown <= 0:
        return  # no per-stage table asked for
    spent = stage_breakdown(args.breakdown)
    total = spent["parse"] + spent["analysis, all"]
    print(f"\nper-stage time over {args.breakdown} articles, one process:")
    print(f"  (one-off loads per process, not counted: {spent.pop('one-off loads'):.2f} s)")
    for name in ["parse", *STAGES, "analysis, all"]:
        seconds = spent.get(name, 0.0)
        print(f"  {name:<16}{seconds:8.2f} s {100 * seconds / total:6.1f}%")


if __name__ == "__main__":
    main()
