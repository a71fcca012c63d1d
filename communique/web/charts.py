"""Charts as inline SVG, drawn on the server: the dyad timeline and the actor network.

No JavaScript library: bars, lines and labels are SVG elements with `<title>`
tooltips, styled by `static/app.css` (classes `q1`..`q4`, `goldstein`).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..plots import QUAD_NAMES, circle_layout, goldstein_colour, runs, time_axis

WIDTH, HEIGHT = 860, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 16, 56
LABEL_GAP = 84  # pixels between the centres of two period labels (a date is about 70)
LABEL_CHARS = 18  # a network label's line; longer names wrap, the whole name is the tooltip


def dyad_svg(series: list[dict[str, Any]], interval: str = "month") -> Markup:
    """Stacked bars of distinct events per period by QuadClass on a time axis (a gap in
    time is a gap on the page), mean Goldstein as a line broken at gaps."""
    if not series:
        return Markup('<p class="empty">No events between these actors.</p>')
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    most = max(row["events"] for row in series) or 1
    parts = [
        f'<svg class="chart dyad-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-label="events per period by QuadClass and mean Goldstein">'
    ]
    for tick in _ticks(most):
        y = TOP + plot_h - plot_h * tick / most
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
            f'y2="{y:.1f}"/><text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    points = []
    last_label = -1e9
    for row, (left, width) in zip(series, time_axis(series, interval), strict=True):
        bar = min(max(plot_w * width * 0.8, 2), 48)
        x = LEFT + plot_w * (left + width / 2) - bar / 2
        y = TOP + plot_h
        for quad in (1, 2, 3, 4):
            count = row[f"q{quad}"]
            if not count:
                continue
            h = plot_h * count / most
            y -= h
            tip = f"{row['period']}: {count} {QUAD_NAMES[quad].lower()}"
            parts.append(
                f'<rect class="bar q{quad}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}"><title>{escape(tip)}</title></rect>'
            )
        if row["goldstein"] is not None:
            gy = TOP + plot_h / 2 - plot_h / 2 * float(row["goldstein"]) / 10
            points.append((x + bar / 2, gy, row))
        if x + bar / 2 - last_label >= LABEL_GAP:  # labels never overlap
            last_label = x + bar / 2
            parts.append(
                f'<text class="axis" x="{x + bar / 2:.1f}" y="{TOP + plot_h + 16}" '
                f'text-anchor="middle">{escape(str(row["period"]))}</text>'
            )
    by_period = {str(row["period"]): (x, y) for x, y, row in points}
    for run in runs(series, interval):
        line = [by_period[p] for p in (str(series[i]["period"]) for i in run) if p in by_period]
        if len(line) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
            parts.append(f'<polyline class="goldstein" points="{path}"/>')
    if points:
        for x, y, row in points:
            tip = f"{row['period']}: mean Goldstein {row['goldstein']} over {row['events']} events"
            parts.append(
                f'<circle class="goldstein-dot" cx="{x:.1f}" cy="{y:.1f}" r="4">'
                f"<title>{escape(tip)}</title></circle>"
            )
    for value in (10, 0, -10):
        y = TOP + plot_h / 2 - plot_h / 2 * value / 10
        parts.append(
            f'<text class="axis gold-axis" x="{WIDTH - RIGHT + 6}" y="{y + 4:.1f}">'
            f"{value:+d}</text>"
        )
    parts.append(_legend(HEIGHT - 18))
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(y: float) -> str:
    items = [(f"q{q}", QUAD_NAMES[q]) for q in (1, 2, 3, 4)] + [("goldstein", "mean Goldstein")]
    out, x = [], LEFT
    for css, name in items:
        out.append(
            f'<rect class="legend {css}" x="{x}" y="{y - 9}" width="10" height="10"/>'
            f'<text class="axis" x="{x + 14}" y="{y}">{escape(name)}</text>'
        )
        x += 26 + 7 * len(name)
    return "".join(out)


def _ticks(most: int) -> list[int]:
    step = max(1, round(most / 4))
    return list(range(0, most + 1, step))


def network_svg(network: dict[str, Any], *, size: int = 640) -> Markup:
    """Actors on a circle linked source to target; width by events, colour by Goldstein."""
    nodes = sorted(network["nodes"], key=lambda n: (-n["events"], n["name"] or ""))
    if not nodes:
        return Markup('<p class="empty">No events with both a source and a target yet.</p>')
    where = circle_layout([n["key"] for n in nodes])
    half, radius = size / 2, size / 2 - 130
    most = max(e["events"] for e in network["edges"]) or 1
    parts = [
        f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="actor network"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" '
        'refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>'
    ]
    for edge in network["edges"]:
        (x1, y1), (x2, y2) = where[edge["source"]], where[edge["target"]]
        tip = (
            f"{edge['source_name']} → {edge['target_name']}: {edge['events']} events, "
            f"mean Goldstein {edge['goldstein']}"
        )
        parts.append(
            f'<line class="edge" x1="{half + x1 * radius * 0.95:.1f}" '
            f'y1="{half + y1 * radius * 0.95:.1f}" x2="{half + x2 * radius * 0.95:.1f}" '
            f'y2="{half + y2 * radius * 0.95:.1f}" stroke="{goldstein_colour(edge["goldstein"])}" '
            f'stroke-width="{1 + 4 * edge["events"] / most:.1f}" marker-end="url(#arrow)">'
            f"<title>{escape(tip)}</title></line>"
        )
    for node in nodes:
        x, y = where[node["key"]]
        cx, cy = half + x * radius, half + y * radius
        anchor = "start" if x > 0.2 else "end" if x < -0.2 else "middle"
        lx, ly = half + x * (radius + 12), half + y * (radius + 12) + 4
        href = f"/actors/{quote(node['key'])}"
        name = escape(node["name"] or "?")
        code = escape(node.get("code") or "")
        lines = label_lines(node["name"] or "?")
        ly -= 7 * (len(lines) - 1)  # centre the block on the node's radius
        spans = "".join(
            f'<tspan x="{lx:.1f}" dy="{0 if i == 0 else 14}">{escape(text)}</tspan>'
            for i, text in enumerate(lines)
        )
        parts.append(
            f'<a href="{href}"><title>{name} {code}: {node["events"]} events</title>'
            f'<circle class="node" cx="{cx:.1f}" cy="{cy:.1f}" r="{5 + min(node["events"], 12)}"/>'
            f'<text class="node-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">'
            f"{spans}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def label_lines(name: str, width: int = LABEL_CHARS, most: int = 3) -> list[str]:
    """`name` in lines of at most `width` characters, broken between words (a longer word
    alone); past `most` lines the last ends with an ellipsis."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[: most - 1] + [lines[most - 1][: width - 1] + "…"]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines] or ["?"]
