"""Text and date normalisation, done once at ingest.

All character offsets in communique's output point into the text that
`normalize_text` returns (it becomes `Article.text`), so no later stage may
change the text again: later stages index it as it is.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

BOM = "\ufeff"

# Line breaks other than "\n": CRLF and CR from other systems, and the Unicode
# separators, which would otherwise be dropped as controls and glue lines together.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028]")
_PARAGRAPH_BREAK = "\u2029"
_KEPT_CONTROLS = frozenset("\n\t")


def normalize_text(raw: str) -> str:
    """The text as communique stores and indexes it.

    Strips a leading byte order mark, turns every line ending into "\\n",
    removes control characters other than "\\n" and "\\t", applies Unicode NFC
    and trims whitespace at the end of the text. Typographic quotes,
    apostrophes and non-breaking spaces are kept as they are: quote detection
    needs them, and evidence spans must match the source.

    Example:
        >>> normalize_text("\\ufeff\u201cYes,\u201d she said.\\r\\n")
        '\u201cYes,\u201d she said.'
    """
    text = raw[1:] if raw.startswith(BOM) else raw
    text = _LINE_BREAKS.sub("\n", text).replace(_PARAGRAPH_BREAK, "\n\n")
    text = "".join(ch for ch in text if not _is_dropped_control(ch))
    # NFC after dropping controls, so a combining mark that followed a control
    # character still composes with its base letter.
    text = unicodedata.normalize("NFC", text)
    return text.rstrip()


def _is_dropped_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in _KEPT_CONTROLS


def normalize_title(raw: str | None) -> str | None:
    """A title on one line with single spaces, or None when there is none."""
    if raw is None:
        return None
    title = " ".join(normalize_text(raw).split())
    return title or None


def normalize_date(value: str) -> str:
    """An ISO date or datetime as `YYYY-MM-DD`; raises ValueError for anything else.

    A datetime keeps the calendar date it was written with, not its UTC date:
    "on Monday" in the article means Monday where it was published.

    Example:
        >>> normalize_date("2023-05-31T23:30:00-04:00")
        '2023-05-31'
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    return datetime.fromisoformat(text).date().isoformat()
