"""The progress bar of `extract` and `ingest`: articles done of the total, elapsed time and
an estimate of the time left, on standard error when it is a terminal; nothing otherwise.

The total is counted before the run (`communique.ingest.count.count_items`); on standard
input it is unknown and the bar shows a count without an estimate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

T = TypeVar("T")


def make_console() -> Console:
    """Standard error, as rich sees it (a terminal or not)."""
    return Console(stderr=True)


def article_progress(console: Console, *, enabled: bool) -> Progress:
    """A bar "articles 96/382, 0:00:41 elapsed, 0:01:52 left" and a line of counts."""
    return Progress(
        SpinnerColumn(),
        TextColumn("articles"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left  {task.fields[counts]}"),
        console=console,
        disable=not enabled,
        transient=False,
    )


def counted(items: Iterable[T], progress: Progress, task: TaskID) -> Iterator[T]:
    """`items`, advancing the bar by one for each."""
    for item in items:
        progress.advance(task)
        yield item
