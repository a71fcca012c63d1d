"""Datelines: "KHARTOUM, June 12 (Wire) -" at the head of a news paragraph.

A dateline says where and when the story was filed; it is not part of the sentence it
precedes. The quote and actor stages skip it, so that "KHARTOUM, June 12 - Four civilians
were killed" reports "Four civilians were killed" and its victims are "Four civilians".
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+){0,3}"  # KHARTOUM, NEW YORK
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"  # , Sudan / , Calif.
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}})?"  # , June 12
    r"\s*(?:\([^()\n]{1,40}\))?"  # (Reuters)
    r"\s*[-–—]{1,2}\s+"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines that open paragraphs of `text`."""
    found = []
    for start in [0, *(m.end() for m in re.finditer(r"\n\s*", text))]:
        match = DATELINE.match(text, start)
        if match is not None:
            found.append((start, match.end()))
    return found


def in_dateline(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether the character at `offset` belongs to one of the dateline `spans`."""
    return any(start <= offset < end for start, end in spans)
