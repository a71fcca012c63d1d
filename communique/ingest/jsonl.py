"""JSON Lines (one article object per line) and JSON files (an object or a list of them).

Fields: `id, text, title, published, source, url`; only `text` is required.
Each line stands alone: a bad line gives one IngestError and the next line is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import Errors
from .base import Defaults, IngestError, Item, decode_utf8, make_article, origin_id
from .normalize import normalize_date, normalize_text

_OPTIONAL_FIELDS = ("title", "published", "source", "url")
_JSON_KINDS = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def read_jsonl(lines: Iterable[bytes | str], *, origin: str, defaults: Defaults) -> Iterator[Item]:
    """Articles from JSON Lines, one per non-blank line, with `origin:line` as origin.

    `lines` may be bytes (a file: UTF-8 errors then name the file's byte offset)
    or str (an already decoded stream such as stdin). A stream without a single
    non-blank line yields one E103 error.
    """
    offset = 0
    seen = False
    for number, line in enumerate(lines, start=1):
        line_origin = f"{origin}:{number}"
        if isinstance(line, bytes):
            decoded = decode_utf8(line, line_origin, offset=offset)
            offset += len(line)
            if isinstance(decoded, IngestError):
                seen = True
                yield decoded
                continue
            line = decoded
        if number == 1:
            line = line.removeprefix("\ufeff")  # a BOM is not JSON
        if not line.strip():
            continue
        seen = True
        yield parse_line(line, origin=line_origin, defaults=defaults)
    if not seen:
        yield IngestError.of(Errors.E103, origin)


def parse_line(line: str, *, origin: str, defaults: Defaults) -> Item:
    """One JSON Lines line as an Article, or the error that stops it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return IngestError.of(Errors.E110, origin, reason=f"{e.msg} at column {e.colno}")
    return parse_record(record, origin=origin, defaults=defaults)


def load_json(data: str, origin: str) -> Any:
    """The parsed JSON document, or an IngestError saying where it breaks."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as e:
        reason = f"{e.msg} at line {e.lineno}, column {e.colno}"
        return IngestError.of(Errors.E110, origin, reason=reason)


def not_articles(document: Any) -> str | None:
    """Why a JSON document found in a folder is not articles (an object with a 'text', or
    a list with at least one), or None when it is: a gold file or a config beside the
    stories is left out, not read as a bad article."""
    if isinstance(document, dict):
        return None if "text" in document else "JSON object with no 'text' field"
    if isinstance(document, list):
        if any(isinstance(r, dict) and "text" in r for r in document):
            return None
        return "JSON list with no object that has a 'text' field"
    return f"JSON {json_kind(document)}, not an article"


def json_articles(document: Any, *, origin: str, defaults: Defaults) -> Iterator[Item]:
    """Articles from a parsed `.json` document: one article object or a list of them."""
    if isinstance(document, dict):
        yield parse_record(document, origin=origin, defaults=defaults)
    elif isinstance(document, list):
        for index, record in enumerate(document):
            yield parse_record(record, origin=f"{origin}[{index}]", defaults=defaults)
    else:
        yield IngestError.of(Errors.E116, origin, kind=json_kind(document))


def parse_record(record: Any, *, origin: str, defaults: Defaults) -> Item:
    """An article object (already parsed from JSON) as an Article, or its error."""
    if not isinstance(record, dict):
        return IngestError.of(Errors.E111, origin, kind=json_kind(record))
    article_id = _given_id(record.get("id"))
    error_id = article_id or origin_id(origin)
    if not _is_id(record.get("id")):
        return _field_error(record, "id", origin, error_id)
    text = record.get("text")
    if text is None:
        return IngestError.of(Errors.E112, origin, article_id=error_id)
    if not isinstance(text, str):
        return IngestError.of(Errors.E113, origin, article_id=error_id, kind=json_kind(text))
    for name in _OPTIONAL_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return _field_error(record, name, origin, error_id)
    published = record.get("published")
    if published is not None and published.strip():
        try:
            published = normalize_date(published)
        except ValueError:
            return IngestError.of(Errors.E115, origin, article_id=error_id, value=published)
    text = normalize_text(text)
    if not text.strip():
        return IngestError.of(Errors.E103, origin, article_id=error_id)
    return make_article(
        text,
        origin=origin,
        defaults=defaults,
        article_id=article_id,
        title=record.get("title"),
        published=published or None,
        source=record.get("source"),
        url=record.get("url"),
    )


def _is_id(value: Any) -> bool:
    """Strings and integers are ids (many corpora number their articles); null is none."""
    return value is None or isinstance(value, str) or type(value) is int


def _given_id(value: Any) -> str | None:
    """The id as a non-empty string, or None."""
    if not _is_id(value) or value is None:
        return None
    return str(value).strip() or None


def _field_error(record: dict[str, Any], name: str, origin: str, error_id: str) -> IngestError:
    expected = "a string or an integer" if name == "id" else "a string"
    kind = json_kind(record[name])
    return IngestError.of(
        Errors.E114, origin, article_id=error_id, field=name, kind=kind, expected=expected
    )


def json_kind(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    return _JSON_KINDS.get(type(value), type(value).__name__)
