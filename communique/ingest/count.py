"""How many items `read` will yield, counted ahead cheaply, for a progress bar's total.

Counting reads each file once more (lines of JSON Lines, entries of a feed, the list of a
JSON file); it parses no article. Standard input cannot be counted ahead: the total is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .base import IngestError, open_binary
from .jsonl import load_json, not_articles
from .sources import STDIN, Skipped, Source, expand

_ENTRY = re.compile(rb"<(?:item|entry)[\s>]")


def count_items(paths: Iterable[str]) -> int | None:
    """The number of articles and errors `read(paths)` yields (feeds approximately), or
    None when a path is "-"."""
    targets = (paths,) if isinstance(paths, str) else paths
    total = 0
    for path in targets:
        for found in expand(path):
            if isinstance(found, Source) and found.path == STDIN:
                return None
            if not isinstance(found, Skipped):
                total += 1 if isinstance(found, IngestError) else _count(found)
    return total


def _count(source: Source) -> int:
    """Items in one file; 1 when it cannot be read (it then gives one error)."""
    file = open_binary(source.path)
    if isinstance(file, IngestError):
        return 1
    with file:
        try:
            if source.kind == "jsonl":
                return max(1, sum(1 for line in file if line.strip()))
            data = file.read()
        except OSError:
            return 1
    if source.kind == "feed":
        return max(1, len(_ENTRY.findall(data)))
    if source.kind == "json":
        return _json_count(data, source)
    return 1


def _json_count(data: bytes, source: Source) -> int:
    try:
        document = load_json(data.decode("utf-8-sig"), source.path)
    except UnicodeDecodeError:
        return 1
    if isinstance(document, IngestError):
        return 1
    if source.in_folder and not_articles(document) is not None:
        return 0
    return len(document) if isinstance(document, list) and document else 1
