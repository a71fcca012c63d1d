"""A bounded load test of `communique serve` on loopback: throughput, latency, errors, memory.

    python bench/load.py                         # 200 clients for 30 s
    python bench/load.py --seconds 10 --clients 50 --db news.duckdb
    python bench/load.py --no-cache             # every answer made afresh, for a paired run

Builds a store from synthetic articles (`bench/corpus.py`; or uses `--db`), starts
`communique serve` on 127.0.0.1 in a subprocess, and lets `--clients` concurrent clients
(httpx, one asyncio loop, each client with its own keep-alive connection) request, in turn,
`/api/events` pages, the article view `/articles/{id}` and its JSON twin
`/api/articles/{id}` until `--seconds` have passed. Prints requests per second, p50/p99
latency, the errors (any non-200 answer or failed request) and the server's peak RSS, then
stops the server; `--timeline` adds the latency by the second in which requests were sent.

One httpx pool shared by all clients (`--shared-pool`, how this bench ran before) costs the
client work in proportion to its connections on every request (httpcore scans them all to
place each queued request): at 200 clients the client's own loop, not the server, set the tail.
Nothing listens beyond loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from corpus import synthetic_articles  # noqa: E402

from communique.store import Store, ingest  # noqa: E402

HOST = "127.0.0.1"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    started: list[float] = field(default_factory=list)  # seconds after the run began
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def build_store(path: Path, articles: int) -> None:
    with Store(path) as store:
        summary = ingest(synthetic_articles(articles), store, batch_size=32)
    print(f"store: {summary.stored} articles, {summary.events} events -> {path}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def peak_rss_mib(pid: int) -> float | None:
    """The process's peak resident memory (Linux VmHWM), in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(300):
            if server.poll() is not None:
                raise SystemExit("the server exited before it was ready")
            try:
                if (await client.get("/api/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not answer /api/health in 30 s")


async def client_loop(
    client: httpx.AsyncClient,
    urls: list[str],
    span: tuple[float, float],
    tally: Tally,
    seed: int,
) -> None:
    rng = random.Random(seed)
    begun, deadline = span
    while time.perf_counter() < deadline:
        url = rng.choice(urls)
        started = time.perf_counter()
        try:
            response = await client.get(url)
            await response.aread()
        except httpx.HTTPError as error:
            tally.error(type(error).__name__)
            continue
        tally.latencies.append(time.perf_counter() - started)
        tally.started.append(started - begun)
        if response.status_code != 200:
            tally.error(f"HTTP {response.status_code}")


async def load(
    base: str, urls: list[str], *, clients: int, seconds: float, shared_pool: bool = False
) -> Tally:
    """`clients` clients, each with its own keep-alive connection (as `clients` browsers
    would have), or with `shared_pool` one httpx pool of `clients` connections for all."""
    tally = Tally()
    timeout = httpx.Timeout(30.0)
    async with AsyncExitStack() as stack:
        if shared_pool:
            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            one = httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout)
            pool = [await stack.enter_async_context(one)] * clients
        else:
            limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
            pool = [
                await stack.enter_async_context(
                    httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout)
                )
                for _ in range(clients)
            ]
        begun = time.perf_counter()
        span = (begun, begun + seconds)
        await asyncio.gather(
            *(client_loop(pool[seed], urls, span, tally, seed) for seed in range(clients))
        )
    return tally


def target_urls(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        ids = [row["id"] for row in store.query("SELECT id FROM articles ORDER BY id LIMIT 50")]
        total = int(store.scalar("SELECT count(*) FROM events"))
    pages = [f"/api/events?limit=50&offset={o}" for o in range(0, max(total, 1), 50)][:20]
    views = [f"/articles/{i}" for i in ids] + [f"/api/articles/{i}" for i in ids]
    return pages * max(1, len(views) // max(len(pages), 1)) + views


def percentiles(latencies: list[float]) -> tuple[float, float, float]:
    """p50, p99 and max of `latencies` (seconds), in milliseconds."""
    ms = sorted(x * 1000 for x in latencies) or [0.0]
    return statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))], ms[-1]


def timeline(tally: Tally) -> None:
    """Latency by the second in which requests were sent: where the tail comes from."""
    by_second: dict[int, list[float]] = {}
    for begun, latency in zip(tally.started, tally.latencies, strict=True):
        by_second.setdefault(int(begun), []).append(latency)
    print("| second | requests | p50 (ms) | p99 (ms) | max (ms) |\n| --- | --- | --- | --- | --- |")
    for second, latencies in sorted(by_second.items()):
        p50, p99, top = percentiles(latencies)
        print(f"| {second} | {len(latencies)} | {p50:.0f} | {p99:.0f} | {top:.0f} |")


def report(tally: Tally, seconds: float, rss: float | None, clients: int) -> None:
    done = len(tally.latencies)
    p50, p99, top = percentiles(tally.latencies)
    errors = sum(tally.errors.values())
    print(f"clients {clients}, {seconds:.0f} s: {done} requests, {done / seconds:.0f} req/s")
    print(f"latency p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {top:.1f} ms")
    print(f"errors {errors}" + (f" {tally.errors}" if errors else ""))
    print(f"server peak RSS {rss:.0f} MiB" if rss is not None else "server peak RSS n/a")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--articles", type=int, default=60, help="synthetic articles to store")
    parser.add_argument("--db", type=Path, help="serve this store instead of building one")
    parser.add_argument(
        "--no-cache", action="store_true", help="serve with --no-cache (for a paired run)"
    )
    parser.add_argument(
        "--shared-pool",
        action="store_true",
        help="all clients share one httpx pool (the bench before issue 13's second round; its "
        "pool, not the server, then sets the tail)",
    )
    parser.add_argument(
        "--timeline", action="store_true", help="also latency by the second requests were sent"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if args.db is None:
            build_store(db, args.articles)
        urls = target_urls(db)
        port = free_port()
        base = f"http://{HOST}:{port}"
        command = [sys.executable, "-m", "communique.cli", "serve", "--db", str(db)]
        command += ["--no-cache"] if args.no_cache else []
        server = subprocess.Popen([*command, "--host", HOST, "--port", str(port)])
        try:
            asyncio.run(wait_ready(base, server))
            tally = asyncio.run(
                load(
                    base,
                    urls,
                    clients=args.clients,
                    seconds=args.seconds,
                    shared_pool=args.shared_pool,
                )
            )
            rss = peak_rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report(tally, args.seconds, rss, args.clients)
    if args.timeline:
        timeline(tally)
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
