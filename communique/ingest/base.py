"""What every reader shares: the error record, decoding checks and building an Article."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import Errors
from ..links import web_url
from ..model import Article, content_id
from .normalize import normalize_text, normalize_title

# How much of a file the binary check looks at: enough to see a file header.
SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above which
# undecodable data is called binary rather than text in another encoding.
_BINARY_SHARE = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not be read as an article; the batch goes on without it.

    `origin` is where it came from (`path`, `path:line`, `path#entry`), `article_id`
    the id given in the input or else a stable id derived from `origin`, `code` an
    error code from `communique.errors` and `message` the filled-in template.
    """

    origin: str
    article_id: str
    code: str
    message: str

    @classmethod
    def of(
        cls, error: Errors, origin: str, *, article_id: str | None = None, **fields: object
    ) -> IngestError:
        """The error `error` at `origin`, its message filled with `fields`."""
        article_id = article_id or origin_id(origin)
        message = error.format(origin=origin, article_id=article_id, **fields)
        return cls(origin=origin, article_id=article_id, code=error.name, message=message)


Item = Article | IngestError


@dataclass(frozen=True, slots=True)
class Defaults:
    """Metadata that fills in what an input lacks (never overrides what it has)."""

    published: str | None = None
    source: str | None = None


def origin_id(origin: str) -> str:
    """A stable article id for an input that has none and could not be read."""
    return content_id(f"origin:{origin}")


def open_binary(path: str) -> BinaryIO | IngestError:
    """The file opened for reading bytes; only regular files, so a FIFO cannot hang a batch."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return IngestError.of(Errors.E102, path, reason="not a regular file")
        return open(path, "rb")  # noqa: SIM115 (the caller closes it)
    except FileNotFoundError:
        return IngestError.of(Errors.E101, path)
    except OSError as e:
        return IngestError.of(Errors.E102, path, reason=e.strerror or type(e).__name__)


def read_bytes(path: str) -> bytes | IngestError:
    """The whole file's bytes, or why it cannot be read."""
    file = open_binary(path)
    if isinstance(file, IngestError):
        return file
    try:
        with file:
            return file.read()
    except OSError as e:
        return IngestError.of(Errors.E102, path, reason=e.strerror or type(e).__name__)


def binary_reason(head: bytes) -> str | None:
    """Why `head` (the start of a file) looks binary, or None if it may be text."""
    if head.startswith(_UTF16_BOMS):
        return None  # text, but UTF-16: reported as a UTF-8 error with a clearer reason
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > _BINARY_SHARE:
        return f"{controls} of its first {len(head)} bytes are control bytes"
    return None


def decode_utf8(data: bytes, origin: str, *, offset: int = 0) -> str | IngestError:
    """`data` as a str, or an error naming the first byte that is not UTF-8.

    Other encodings are not guessed: a wrong guess would silently corrupt names.
    `offset` is where `data` starts in its file, so the error names a file offset.
    """
    if data.startswith(_UTF16_BOMS):
        return IngestError.of(Errors.E105, origin, offset=offset, reason="a UTF-16 byte order mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return IngestError.of(Errors.E105, origin, offset=offset + e.start, reason=e.reason)


def load_text(data: bytes, origin: str) -> str | IngestError:
    """A whole file's bytes as normalised, non-empty text, or the reason it is not."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason is not None:
        return IngestError.of(Errors.E104, origin, reason=reason)
    raw = decode_utf8(data, origin)
    if isinstance(raw, IngestError):
        return raw
    text = normalize_text(raw)
    if not text.strip():
        return IngestError.of(Errors.E103, origin)
    return text


def make_article(
    text: str,
    *,
    origin: str,
    defaults: Defaults,
    article_id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article from normalised `text`; its id is `article_id` or a hash of the text.

    A `url` that is not http(s) is kept (it is what the input said) with a W101
    warning: the web page shows it as text and nothing fetches it.
    """
    article_id = article_id or content_id(text)
    url = _clean(url)
    warnings: tuple[str, ...] = ()
    if url is not None and web_url(url) is None:
        shown = url if len(url) <= 80 else url[:79] + "…"
        warnings = (Errors.W101.format(origin=origin, article_id=article_id, url=shown),)
    return Article(
        id=article_id,
        text=text,
        title=normalize_title(title),
        published=published or defaults.published,
        source=_clean(source) or defaults.source,
        url=url,
        origin=origin,
        warnings=warnings,
    )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
