"""Plain text: the whole file is the article; a short first line may be its title."""

from __future__ import annotations

from .base import Defaults, Item, load_text, make_article
from .normalize import normalize_title

# A title is a short line: longer first lines are the opening paragraph.
MAX_TITLE_CHARS = 200
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb)"


def read_text(data: bytes, *, origin: str, defaults: Defaults) -> Item:
    """One article from a text file's bytes, or the error that stops it.

    The title line stays in `text` as well, so offsets are offsets into the file.
    """
    text = load_text(data, origin)
    if not isinstance(text, str):
        return text
    return make_article(text, origin=origin, defaults=defaults, title=guess_title(text))


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
