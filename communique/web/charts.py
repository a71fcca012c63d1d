"""Charts as inline SVG, drawn on the server: the dyad timeline and the actor network.

No JavaScript library: bars, lines and labels are SVG elements with `<title>`
tooltips, styled by `static/app.css` (classes `q1`..`q4`, `goldstein`).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..plots import QUAD_NAMES, circle_layout, goldstein_colour

WIDTH, HEIGHT = 860, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 16, 56


def dyad_svg(series: list[dict[str, Any]]) -> Markup:
    """Stacked bars of distinct events per period by QuadClass, mean Goldstein as a line."""
    if not series:
        return Markup('<p class="empty">No events between these actors.</p>')
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    most = max(row["events"] for row in series) or 1
    step = plot_w / len(series)
    bar = max(min(step * 0.7, 48), 2)
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
    for i, row in enumerate(series):
        x = LEFT + step * i + (step - bar) / 2
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
        if len(series) <= 16 or i % max(len(series) // 12, 1) == 0:
            parts.append(
                f'<text class="axis" x="{x + bar / 2:.1f}" y="{TOP + plot_h + 16}" '
                f'text-anchor="middle">{escape(str(row["period"]))}</text>'
            )
    if points:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f'<polyline class="goldstein" points="{path}"/>')
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
        parts.append(
            f'<a href="{href}"><circle class="node" cx="{cx:.1f}" cy="{cy:.1f}" '
            f'r="{5 + min(node["events"], 12)}"><title>{name} {code}: {node["events"]} '
            f'events</title></circle><text class="node-label" x="{lx:.1f}" y="{ly:.1f}" '
            f'text-anchor="{anchor}">{name}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
