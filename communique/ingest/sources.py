"""From what the user typed (files, folders, globs, "-") to readable inputs, in order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import Errors
from .base import IngestError

Kind = Literal["text", "jsonl", "json", "html", "feed"]
STDIN = "-"

KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path (or "-" for stdin) and how to read it."""

    path: str
    kind: Kind


def kind_of(path: str) -> Kind:
    """The reader for a file named on the command line; unknown extensions are text."""
    return KINDS.get(Path(path).suffix.lower(), "text")


def expand(path: str) -> Iterator[Source | IngestError]:
    """The inputs behind one argument: itself, a folder's files or a glob's matches.

    Folders are read recursively in sorted order, skipping hidden files and files
    whose extension no reader knows (a README or an image beside the articles).
    """
    if path == STDIN:
        yield Source(STDIN, "jsonl")
    elif os.path.isdir(path):
        yield from _folder(path)
    elif os.path.lexists(path):
        yield Source(path, kind_of(path))
    elif _GLOB_CHARS.intersection(path):
        yield from _glob(path)
    else:
        yield IngestError.of(Errors.E101, path)


def _folder(folder: str) -> Iterator[Source]:
    root = Path(folder)
    files = (p for p in root.rglob("*") if not p.is_dir())
    for file in sorted(files, key=lambda p: p.relative_to(root).parts):
        parts = file.relative_to(root).parts
        if any(part.startswith(".") for part in parts) or file.suffix.lower() not in KINDS:
            continue
        yield Source(str(file), KINDS[file.suffix.lower()])


def _glob(pattern: str) -> Iterator[Source | IngestError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield IngestError.of(Errors.E106, pattern)
    for match in matches:
        if os.path.isdir(match):
            yield from _folder(match)
        else:
            yield Source(match, kind_of(match))
