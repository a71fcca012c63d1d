"""Pictures for people who would rather look than read: a dyad timeline and an actor network.

Matplotlib with its Agg backend: no display, no network. The file type follows
the extension of `out` (.png, .svg, .pdf).

Example:
    >>> plot_dyad(analytics.dyad(store, "ARM", "AZE"), "ARM", "AZE", "dyad.png")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.dates import date2num  # noqa: E402

# QuadClass colours, shared with the web page (communique/web/static/app.css).
QUAD_COLOURS = {1: "#2e7d5b", 2: "#8fc7a6", 3: "#f0a35e", 4: "#c8463d"}
QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}


def period_bounds(period: str, interval: str) -> tuple[dt.date, dt.date]:
    """The first day of a period (as the dyad series gives it) and the first day after it."""
    start = dt.date.fromisoformat(str(period)[:10])
    if interval == "day":
        return start, start + dt.timedelta(days=1)
    if interval == "week":
        return start, start + dt.timedelta(days=7)
    if interval == "month":
        return start, (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start, start.replace(year=start.year + 1)


def time_axis(series: list[dict[str, Any]], interval: str) -> list[tuple[float, float]]:
    """Each period's (left, width) as shares of the time from the first period's start to the
    last one's end: a true time axis, on which a gap of a year looks like one."""
    bounds = [period_bounds(row["period"], interval) for row in series]
    if not bounds:
        return []
    first, last = bounds[0][0], bounds[-1][1]
    span = (last - first).days or 1
    return [((s - first).days / span, (e - s).days / span) for s, e in bounds]


def runs(series: list[dict[str, Any]], interval: str) -> list[list[int]]:
    """Indexes of the series in runs of periods that follow one another (a gap starts a new
    run): the Goldstein line is drawn per run, not across a gap."""
    found: list[list[int]] = []
    end = None
    for i, row in enumerate(series):
        start, after = period_bounds(row["period"], interval)
        if found and start == end:
            found[-1].append(i)
        else:
            found.append([i])
        end = after
    return found


def plot_dyad(
    series: list[dict[str, Any]], a: str, b: str, out: str | Path, *, interval: str = "month"
) -> Path:
    """Stacked bars of events per period by QuadClass on a time axis, with mean Goldstein as
    a line broken at gaps."""
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=120)
    bounds = [period_bounds(row["period"], interval) for row in series]
    # matplotlib's date numbers count days, so a period's width is its length in days
    positions = [float(date2num(start + (end - start) / 2)) for start, end in bounds]
    widths = [(end - start).days * 0.8 for start, end in bounds]
    bottom = [0] * len(series)
    for quad in (1, 2, 3, 4):
        values = [row[f"q{quad}"] for row in series]
        ax.bar(
            positions,
            values,
            bottom=bottom,
            color=QUAD_COLOURS[quad],
            label=QUAD_NAMES[quad],
            width=widths,
        )
        bottom = [x + y for x, y in zip(bottom, values, strict=True)]
    ax.set_ylabel("distinct events")
    ax.xaxis_date()
    fig.autofmt_xdate()
    ax.spines[["top"]].set_visible(False)
    line = ax.twinx()
    for n, run in enumerate(runs(series, interval)):
        line.plot(
            [positions[i] for i in run],
            [series[i]["goldstein"] for i in run],
            color="#1f3b73",
            marker="o",
            linewidth=2,
            label="mean Goldstein" if n == 0 else None,
        )
    line.set_ylim(-10.5, 10.5)
    line.axhline(0, color="#999999", linewidth=0.8, linestyle=":")
    line.set_ylabel("mean Goldstein (-10 conflict, +10 cooperation)")
    handles = ax.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncol=3)
    ax.set_title(f"{a} – {b}: events by QuadClass", loc="left", fontsize=12)
    if not series:
        ax.text(0.5, 0.5, "no events", transform=ax.transAxes, ha="center", color="#777777")
    return _save(fig, out)


def circle_layout(keys: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in the given order (the busiest first), x and y in [-1, 1]."""
    count = max(len(keys), 1)
    return {
        key: (
            math.cos(2 * math.pi * i / count - math.pi / 2),
            math.sin(2 * math.pi * i / count - math.pi / 2),
        )
        for i, key in enumerate(keys)
    }


def goldstein_colour(value: float | None) -> str:
    """Red for conflict, grey for neutral, green for cooperation."""
    if value is None:
        return "#888888"
    if value < -1:
        return QUAD_COLOURS[4]
    if value < 0:
        return QUAD_COLOURS[3]
    return QUAD_COLOURS[1] if value >= 1 else "#888888"


def plot_network(network: dict[str, Any], out: str | Path) -> Path:
    """Actors on a circle; arrows from source to target, width by events, colour by Goldstein."""
    nodes = sorted(network["nodes"], key=lambda n: (-n["events"], n["name"] or ""))
    where = circle_layout([n["key"] for n in nodes])
    fig, ax = plt.subplots(figsize=(8, 8), dpi=120)
    ax.set_axis_off()
    most = max([e["events"] for e in network["edges"]] or [1])
    for edge in network["edges"]:
        (x1, y1), (x2, y2) = where[edge["source"]], where[edge["target"]]
        ax.annotate(
            "",
            xy=(x2 * 0.93, y2 * 0.93),
            xytext=(x1 * 0.93, y1 * 0.93),
            arrowprops={
                "arrowstyle": "-|>",
                "color": goldstein_colour(edge["goldstein"]),
                "lw": 0.8 + 3 * edge["events"] / most,
                "alpha": 0.75,
                "connectionstyle": "arc3,rad=0.12",
            },
        )
    for node in nodes:
        x, y = where[node["key"]]
        ax.scatter([x], [y], s=60 + 25 * node["events"], color="#1f3b73", zorder=3)
        align = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        label = node["name"] or "?"
        if node.get("code") and node["code"] != label:
            label += f"\n{node['code']}"
        ax.text(x * 1.08, y * 1.08, label, ha=align, va="center", fontsize=8)
    ax.set_aspect("equal")
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.3, 1.3)
    ax.set_title("Actor network (arrows: source → target; colour: Goldstein)", fontsize=11)
    return _save(fig, out)


def _save(fig: Any, out: str | Path) -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
