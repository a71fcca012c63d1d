"""RSS and Atom feeds: one article per entry, through feedparser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from ..errors import Errors
from .base import SNIFF_BYTES, Defaults, IngestError, Item, binary_reason, decode_utf8, make_article
from .html import html_to_text
from .normalize import normalize_date, normalize_text

# An XML declaration names the file's encoding; that is a statement, not a guess.
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8"})


def read_feed(data: bytes, *, origin: str, defaults: Defaults) -> Iterator[Item]:
    """Articles from an RSS or Atom file, with `path#N` (N from 1) as each entry's origin."""
    problem = _undecodable(data, origin)
    if problem is not None:
        yield problem
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf> root element")
        yield IngestError.of(Errors.E121, origin, reason=reason)
        return
    if not parsed.entries:
        yield IngestError.of(Errors.E103, origin)
        return
    source = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, origin=f"{origin}#{number}", source=source, defaults=defaults)


def _undecodable(data: bytes, origin: str) -> IngestError | None:
    """An error if the file is binary, or not UTF-8 without declaring another encoding."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason is not None:
        return IngestError.of(Errors.E104, origin, reason=reason)
    if not data.strip():
        return IngestError.of(Errors.E103, origin)
    declared = _XML_ENCODING.match(data[:200])
    if declared and declared.group(1).decode("ascii").lower() not in _UTF8_NAMES:
        return None
    decoded = decode_utf8(data, origin)
    return decoded if isinstance(decoded, IngestError) else None


def _entry_article(entry: Any, *, origin: str, source: str | None, defaults: Defaults) -> Item:
    text = normalize_text(_entry_text(entry))
    title = entry.get("title")
    if not text.strip():
        return IngestError.of(Errors.E122, origin, title=title or "")
    return make_article(
        text,
        origin=origin,
        defaults=defaults,
        article_id=entry.get("id") or None,
        title=title,
        published=_entry_date(entry),
        source=source,
        url=entry.get("link"),
    )


def _entry_text(entry: Any) -> str:
    """The entry's full content if it has one, else its summary, as plain text."""
    parts = entry.get("content") or []
    if parts:
        part = max(parts, key=lambda p: len(p.get("value", "")))
        value, kind = part.get("value", ""), part.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    return value if kind == "text/plain" else html_to_text(value)


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (ISO or RFC 822), falling back to feedparser's UTC date."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            parsed = _parse_date(raw)
            if parsed:
                return parsed
    for key in ("published_parsed", "updated_parsed"):
        moment = entry.get(key)
        if moment:
            return date(moment.tm_year, moment.tm_mon, moment.tm_mday).isoformat()
    return None


def _parse_date(raw: str) -> str | None:
    try:
        return normalize_date(raw)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
