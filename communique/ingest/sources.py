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
    """One input to read: a file path (or "-" for stdin) and how to read it; `in_folder`
    when it was found by reading a folder rather than named (a `.json` found in a folder is
    read only when it holds articles)."""

    path: str
    kind: Kind
    in_folder: bool = False


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found in a folder and left out on purpose, and why (not an error: the batch
    holds no article for it)."""

    origin: str
    reason: str


def kind_of(path: str) -> Kind:
    """The reader for a file named on the command line; unknown extensions are text."""
    return KINDS.get(Path(path).suffix.lower(), "text")


def expand(path: str) -> Iterator[Source | IngestError | Skipped]:
    """The inputs behind one argument: itself, a folder's files or a glob's matches.

    Folders are read recursively in sorted order; hidden files and folders and files
    whose extension no reader knows (a README or an image beside the articles) are
    `Skipped`, with the reason.
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


def _folder(folder: str) -> Iterator[Source | Skipped]:
    root = Path(folder)
    for file in sorted(_walk(root), key=lambda p: p.relative_to(root).parts):
        suffix = file.suffix.lower()
        if file.name.startswith("."):
            kind = "folder" if file.is_dir() else "file"
            yield Skipped(str(file), f"hidden {kind}")
        elif file.is_dir():
            yield Skipped(str(file), "a link to a folder (not followed)")
        elif suffix not in KINDS:
            what = f"'{suffix}'" if suffix else "no extension"
            yield Skipped(str(file), f"unknown file type ({what}; read: {_known()})")
        else:
            yield Source(str(file), KINDS[suffix], in_folder=True)


def _walk(root: Path) -> Iterator[Path]:
    """Files under `root`; hidden folders and links to folders are not entered."""
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink() and not entry.name.startswith("."):
            yield from _walk(entry)
        else:
            yield entry


def _known() -> str:
    return " ".join(sorted(KINDS))


def _glob(pattern: str) -> Iterator[Source | IngestError | Skipped]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield IngestError.of(Errors.E106, pattern)
    for match in matches:
        if os.path.isdir(match):
            yield from _folder(match)
        else:
            yield Source(match, kind_of(match))
