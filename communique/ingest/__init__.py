"""Reading articles: plain text, HTML, JSON Lines, JSON, RSS/Atom, folders, globs and stdin.

`read` yields an `Article` for each article and an `IngestError` for each input
that cannot be one, in input order; bad input never stops the batch. The text is
normalised here, once (see `normalize_text`): offsets in all later output point
into `Article.text` exactly as it is yielded.

Example:
    >>> from communique import ingest
    >>> [item.origin for item in ingest.read(["examples/ministry-statement.txt"])]
    ['examples/ministry-statement.txt']
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from ..errors import Errors
from .base import (
    SNIFF_BYTES,
    Defaults,
    IngestError,
    Item,
    binary_reason,
    load_text,
    open_binary,
    read_bytes,
)
from .feeds import read_feed
from .html import read_html
from .jsonl import json_articles, load_json, not_articles, read_jsonl
from .normalize import normalize_date, normalize_text
from .sources import STDIN, Skipped, Source, expand
from .text import guess_title, read_text

OnSkip = Callable[[Skipped], None]

__all__ = [
    "IngestError",
    "Item",
    "OnSkip",
    "Skipped",
    "guess_title",
    "normalize_date",
    "normalize_text",
    "read",
]


def read(
    paths: Iterable[str],
    *,
    published: str | None = None,
    source: str | None = None,
    stdin: TextIO | None = None,
    on_skip: OnSkip | None = None,
) -> Iterator[Item]:
    """Articles and errors from files, folders, globs and "-" (JSON Lines on stdin).

    Args:
        paths: what to read; a single string is taken as one path.
        published: the publication date (YYYY-MM-DD or ISO datetime) for articles
            whose input has none.
        source: the source name for articles whose input has none.
        stdin: the stream "-" reads; defaults to `sys.stdin`.
        on_skip: called with each file a folder holds that is not read, and why (an
            unknown type, a hidden file, a `.json` that holds no article).

    Returns:
        An iterator of `Article` and `IngestError`, in input order.

    Raises:
        ValueError: `published` is not an ISO date (checked at once, not lazily).
    """
    defaults = Defaults(published=_default_date(published), source=source or None)
    # A bare string is an iterable of characters: reading "news.txt" letter by
    # letter is never what the caller meant.
    targets: Iterable[str] = (paths,) if isinstance(paths, str) else paths
    return _read_all(targets, defaults=defaults, stdin=stdin, on_skip=on_skip or _ignore)


def _ignore(skipped: Skipped) -> None:
    return None


def _default_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalize_date(value)
    except ValueError as e:
        raise ValueError(Errors.E107.format(value=value)) from e


def _read_all(
    paths: Iterable[str], *, defaults: Defaults, stdin: TextIO | None, on_skip: OnSkip
) -> Iterator[Item]:
    for path in paths:
        for found in expand(path):
            if isinstance(found, IngestError):
                yield found
            elif isinstance(found, Skipped):
                on_skip(found)
            else:
                yield from _read_source(found, defaults=defaults, stdin=stdin, on_skip=on_skip)


def _read_source(
    source: Source, *, defaults: Defaults, stdin: TextIO | None, on_skip: OnSkip
) -> Iterator[Item]:
    if source.path == STDIN:
        yield from _read_stdin(stdin, defaults=defaults)
        return
    if source.kind == "jsonl":
        yield from _read_jsonl_file(source.path, defaults=defaults)
        return
    data = read_bytes(source.path)
    if isinstance(data, IngestError):
        yield data
    elif source.kind == "feed":
        yield from read_feed(data, origin=source.path, defaults=defaults)
    elif source.kind == "html":
        yield read_html(data, origin=source.path, defaults=defaults)
    elif source.kind == "json":
        yield from _read_json_file(data, source, defaults=defaults, on_skip=on_skip)
    else:
        yield read_text(data, origin=source.path, defaults=defaults)


def _read_jsonl_file(path: str, *, defaults: Defaults) -> Iterator[Item]:
    """Streams the file line by line, so a large corpus is never held in memory at once."""
    file = open_binary(path)
    if isinstance(file, IngestError):
        yield file
        return
    with file:
        try:
            reason = binary_reason(file.read(SNIFF_BYTES))
            file.seek(0)
        except OSError as e:
            yield IngestError.of(Errors.E102, path, reason=e.strerror or type(e).__name__)
            return
        if reason is not None:
            yield IngestError.of(Errors.E104, path, reason=reason)
            return
        yield from read_jsonl(file, origin=path, defaults=defaults)


def _read_json_file(
    data: bytes, source: Source, *, defaults: Defaults, on_skip: OnSkip
) -> Iterator[Item]:
    """A `.json` file's articles; one found in a folder that holds none is skipped (a file
    named on the command line gives an error instead: it was asked for)."""
    text = load_text(data, source.path)
    document = text if isinstance(text, IngestError) else load_json(text, source.path)
    if isinstance(document, IngestError):
        yield document
        return
    reason = not_articles(document) if source.in_folder else None
    if reason is not None:
        on_skip(Skipped(source.path, reason))
    else:
        yield from json_articles(document, origin=source.path, defaults=defaults)


def _read_stdin(stream: TextIO | None, *, defaults: Defaults) -> Iterator[Item]:
    """JSON Lines from stdin: raw bytes where there are any, for byte offsets in errors."""
    stream = stream if stream is not None else sys.stdin
    lines = getattr(stream, "buffer", stream)
    try:
        yield from read_jsonl(lines, origin="<stdin>", defaults=defaults)
    except UnicodeDecodeError as e:
        # A text stream decodes as it goes: the byte position in the stream is not known.
        yield IngestError.of(Errors.E105, "<stdin>", offset="unknown", reason=e.reason)
