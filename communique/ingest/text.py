"""Plain text: the whole file is the article; a short first line may be its title, and a
line under it that holds only a date (YYYY-MM-DD) its publication date."""

from __future__ import annotations

import re

from .base import Defaults, Item, load_text, make_article
from .normalize import normalize_date, normalize_title

_DATE_LINE = re.compile(r"\n[ \t]*\n[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*\n")

# A title is a short line: longer first lines are the opening paragraph.
MAX_TITLE_CHARS = 200
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb)"


def read_text(data: bytes, *, origin: str, defaults: Defaults) -> Item:
    """One article from a text file's bytes, or the error that stops it.

    The title and date lines stay in `text` as well, so offsets are offsets into the file.
    """
    text = load_text(data, origin)
    if not isinstance(text, str):
        return text
    title = guess_title(text)
    published = guess_date(text) if title else None
    return make_article(text, origin=origin, defaults=defaults, title=title, published=published)


def guess_date(text: str) -> str | None:
    """The date alone in the paragraph right after the title line, as press releases print
    it; None when there is none or it is not a real day.

    Example:
        >>> guess_date("Talks resume\\n\\n2024-03-08\\n\\nDiplomats met on Friday.")
        '2024-03-08'
    """
    body = text.lstrip()
    first_break = body.find("\n")
    match = _DATE_LINE.match(body, first_break) if first_break >= 0 else None
    if match is None:
        return None
    try:
        return normalize_date(match.group(1))
    except ValueError:
        return None


def guess_title(text: str) -> str | None:
    """The first line if it looks like a headline: short, no final period, then a blank line.

    Example:
        >>> guess_title("Talks resume in Geneva\\n\\nDiplomats met on Monday.")
        'Talks resume in Geneva'
    """
    lines = text.lstrip().split("\n", 2)
    if len(lines) < 3:
        return None
    first, second, rest = lines
    first = first.strip()
    if second.strip() or not rest.strip() or not first or len(first) >= MAX_TITLE_CHARS:
        return None
    # `He said "no."` ends a sentence too, so look behind closing quotes.
    if first.rstrip(_CLOSING_QUOTES).endswith("."):
        return None
    return normalize_title(first)
