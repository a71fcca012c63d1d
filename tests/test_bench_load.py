"""bench/load.py's client (issue 13, item 11): each client keeps its own connection (one
shared httpx pool made the client, not the server, set the tail), and `--timeline` groups
latencies by the second in which requests were sent. No timings are checked."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from tests.bench_helpers import load_bench

bench = load_bench("load")


@pytest.mark.parametrize(
    "latencies,expected",
    [([0.001 * n for n in range(1, 101)], (50.5, 100.0, 100.0)), ([0.25], (250.0, 250.0, 250.0))],
)
def test_percentiles_are_p50_p99_and_max_in_ms(
    latencies: list[float], expected: tuple[float, float, float]
) -> None:
    assert bench.percentiles(latencies) == pytest.approx(expected)


@pytest.mark.parametrize(
    "started,latencies,rows",
    [([0.1, 0.9, 1.5, 3.2], [0.2, 0.4, 0.1, 0.3], ["| 0 | 2 |", "| 1 | 1 |", "| 3 | 1 |"])],
)
def test_timeline_groups_latencies_by_the_second_requests_were_sent(
    capsys: pytest.CaptureFixture[str],
    started: list[float],
    latencies: list[float],
    rows: list[str],
) -> None:
    bench.timeline(bench.Tally(latencies=latencies, started=started))
    lines = [line for line in capsys.readouterr().out.splitlines() if line[2:3].isdigit()]
    assert [line[: len(row)] for line, row in zip(lines, rows, strict=True)] == rows


class _Peers:
    """A small ASGI app that answers 200 and notes each connection's client address."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, int]] = set()

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return
        self.seen.add(tuple(scope["client"]))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture()
def served() -> Iterator[tuple[str, _Peers]]:
    app = _Peers()
    port = bench.free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host=bench.HOST, port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"http://{bench.HOST}:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize("clients", [3, 7])
def test_each_bench_client_keeps_its_own_connection(
    served: tuple[str, _Peers], clients: int
) -> None:
    base, app = served
    tally = asyncio.run(bench.load(base, ["/a", "/b"], clients=clients, seconds=0.5))
    assert tally.errors == {} and len(tally.latencies) >= clients
    assert len(tally.started) == len(tally.latencies)
    assert len(app.seen) == clients  # one keep-alive connection per client, never more
