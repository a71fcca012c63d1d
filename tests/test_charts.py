"""Charts (issue 13, item 10): the dyad chart has a true time axis (a gap in time is a gap on
the page, the Goldstein line breaks there, labels never overlap); network labels wrap and
keep the whole name as a tooltip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.plots import plot_dyad, runs, time_axis
from communique.web.charts import LABEL_CHARS, LABEL_GAP, dyad_svg, label_lines, network_svg


def row(period: str, events: int = 2, goldstein: float = 3.0) -> dict:
    return {"period": period, "events": events, "q1": events, "q2": 0, "q3": 0, "q4": 0,
            "goldstein": goldstein, "reports": events}  # fmt: skip


def centres(svg: str) -> list[float]:
    """The x of each bar's centre, in order."""
    bars = re.findall(r'<rect class="bar q\d" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    return [float(x) + float(w) / 2 for x, w in bars]


@pytest.mark.parametrize(
    "periods,interval,gap_months",
    [
        (["2018-01-01", "2018-02-01", "2019-09-01"], "month", 19),
        (["2024-01-01", "2024-01-08", "2024-06-03"], "week", 21),
        (["2016-01-01", "2017-01-01", "2023-01-01"], "year", 6),
    ],
)
def test_dyad_chart_spaces_periods_by_time(
    periods: list[str], interval: str, gap_months: int
) -> None:
    x = centres(dyad_svg([row(p) for p in periods], interval))
    assert len(x) == 3
    assert (x[2] - x[1]) / (x[1] - x[0]) == pytest.approx(gap_months, rel=0.15)


@pytest.mark.parametrize(
    "interval,periods,lines",
    [("month", ["2018-01-01", "2018-02-01", "2019-09-01", "2019-10-01"], 2)],
)
def test_goldstein_line_breaks_at_gaps(interval: str, periods: list[str], lines: int) -> None:
    svg = dyad_svg([row(p) for p in periods], interval)
    assert svg.count('<polyline class="goldstein"') == lines
    assert runs([row(p) for p in periods], interval) == [[0, 1], [2, 3]]


@pytest.mark.parametrize("weeks", [60, 150])
def test_dyad_period_labels_never_overlap(weeks: int) -> None:
    import datetime as dt

    start = dt.date(2023, 1, 2)
    series = [row((start + dt.timedelta(weeks=i)).isoformat()) for i in range(weeks)]
    svg = dyad_svg(series, "week")
    xs = [
        float(x)
        for x in re.findall(r'<text class="axis" x="([\d.]+)" y="\d+" text-anchor="middle">', svg)
    ]
    assert len(xs) >= 5
    assert all(b - a >= LABEL_GAP for a, b in zip(xs, xs[1:], strict=False))


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_time_axis_covers_the_span_once(interval: str) -> None:
    axis = time_axis([row("2024-01-01"), row("2024-03-04")], interval)
    assert axis[0][0] == 0 and axis[-1][0] + axis[-1][1] == pytest.approx(1)


@pytest.mark.parametrize(
    "name",
    [
        "Balochistan Liberation Army",
        "United Nations High Commissioner for Refugees",
        "Supercalifragilisticexpialidocious",
    ],
)
def test_network_labels_wrap_and_keep_the_whole_name_as_tooltip(name: str) -> None:
    network = {
        "nodes": [{"key": "k1", "name": name, "code": "PAKREB", "events": 3},
                  {"key": "k2", "name": "Pakistan", "code": "PAK", "events": 3}],
        "edges": [{"source": "k1", "target": "k2", "source_name": name, "target_name": "Pakistan",
                   "events": 3, "goldstein": -5.0}],
    }  # fmt: skip
    svg = str(network_svg(network))
    shown = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert all(len(line) <= LABEL_CHARS for line in shown)
    assert f"<title>{name} PAKREB: 3 events</title>" in svg
    assert all(f">{line}</tspan>" in svg for line in label_lines(name))


@pytest.mark.parametrize(
    "name,lines",
    [
        ("Pakistan", ["Pakistan"]),
        ("Balochistan Liberation Army", ["Balochistan", "Liberation Army"]),
        ("a b c d e f g h i j k l m n o p q r s t u v w x y z " * 3, None),
    ],
)
def test_label_lines(name: str, lines: list[str] | None) -> None:
    got = label_lines(name)
    if lines is not None:
        assert got == lines
    else:
        assert len(got) == 3 and got[-1].endswith("…")


@pytest.mark.parametrize("interval", ["month"])
def test_png_dyad_plot_draws_a_gap(tmp_path: Path, interval: str) -> None:
    out = plot_dyad(
        [row("2018-01-01"), row("2019-09-01")], "A", "B", tmp_path / "d.png", interval=interval
    )
    assert out.read_bytes().startswith(b"\x89PNG")
