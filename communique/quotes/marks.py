"""Quotation-mark regions: where the text is inside quotation marks.

Regions are found one paragraph (line) at a time, so a missing closing mark cannot swallow
the rest of the article. An unclosed double quote runs to the end of its paragraph, and it
continues into the next paragraph when that one opens with a quotation mark (the newspaper
convention for quotes over several paragraphs). Single quotes count only at top level and
only with a plausible closing mark, so apostrophes (`Aliyev’s`, `parents’`) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = frozenset("“„«")
CLOSE_DOUBLE = frozenset("”»")
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = frozenset("‘'")
CLOSE_SINGLE = frozenset("’'")
ANY_DOUBLE = OPEN_DOUBLE | CLOSE_DOUBLE | {STRAIGHT_DOUBLE}
_MARKS = re.compile("[“”„«»\"‘’'\n]")
# a transcript turn: "PENCE: Well, ..." (an upper-case speaker label and a colon)
SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}):[ \t]+(?=\S)")


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of text inside quotation marks.

    `start`/`end` bound the words inside the marks (whitespace trimmed); `outer_start`/
    `outer_end` include the marks. `closed` is False when no closing mark was found.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    single: bool = False

    def __contains__(self, offset: int) -> bool:
        return self.outer_start <= offset < self.outer_end


def find_regions(text: str) -> list[Region]:
    """Top-level quotation regions of `text`, in text order, merged across paragraphs."""
    regions: list[Region] = []
    line_start = 0
    marks: list[int] = []
    for match in _MARKS.finditer(text):
        if match.group() == "\n":
            regions.extend(_line_regions(text, line_start, match.start(), marks))
            line_start = match.end()
            marks = []
        else:
            marks.append(match.start())
    regions.extend(_line_regions(text, line_start, len(text), marks))
    return _merge_paragraphs(text, regions)


def _line_regions(text: str, start: int, end: int, marks: list[int]) -> list[Region]:
    regions: list[Region] = []
    open_at: int | None = None
    skip_until = -1
    for pos in marks:
        if pos < skip_until:
            continue
        char = text[pos]
        if open_at is None:
            if char in OPEN_DOUBLE or char == STRAIGHT_DOUBLE:
                open_at = pos
            elif char in CLOSE_DOUBLE and _looks_like_opener(text, pos, end):
                open_at = pos  # a closing mark typed where an opening one belongs
            elif char in OPEN_SINGLE and _looks_like_opener(text, pos, end):
                close = _single_close(text, pos, end, marks)
                if close is not None:
                    regions.append(_region(text, pos, close + 1, closed=True, single=True))
                    skip_until = close + 1
        elif char in CLOSE_DOUBLE or char == STRAIGHT_DOUBLE:
            regions.append(_region(text, open_at, pos + 1, closed=True))
            open_at = None
        elif char in OPEN_DOUBLE:
            # a new opening mark before the last one closed: close it where the new one starts
            regions.append(_region(text, open_at, pos, closed=False))
            open_at = pos
    if open_at is not None:
        regions.append(_region(text, open_at, end, closed=False))
    return [r for r in regions if r.end > r.start]


def _looks_like_opener(text: str, pos: int, end: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return not before.isalnum() and (after.isalnum() or after in '“"[(')


def _single_close(text: str, pos: int, end: int, marks: list[int]) -> int | None:
    """The closing single mark for an opening one at `pos`, or None (then it is no quote)."""
    for other in marks:
        if other <= pos + 1 or other >= end:
            continue
        char = text[other]
        if char in ANY_DOUBLE:
            return None
        if char not in CLOSE_SINGLE:
            continue
        after = text[other + 1] if other + 1 < end else " "
        if text[other - 1].isspace() or after.isalnum():
            continue  # an apostrophe inside a word, or a new opening mark
        if text[other - 1] == "s" and after == " " and other - pos > 40:
            continue  # most likely a plural possessive ("the parents’ rights")
        return other
    return None


def _region(
    text: str, outer_start: int, outer_end: int, *, closed: bool, single: bool = False
) -> Region:
    start = outer_start + 1
    end = outer_end - 1 if closed else outer_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Region(start, end, outer_start, outer_end if closed else end, closed, single)


def _merge_paragraphs(text: str, regions: list[Region]) -> list[Region]:
    """Join an unclosed region with the region that opens the next paragraph."""
    merged: list[Region] = []
    for region in regions:
        if merged and _continues(text, merged[-1], region):
            last = merged[-1]
            merged[-1] = Region(
                last.start,
                region.end,
                last.outer_start,
                region.outer_end,
                region.closed,
                last.single,
            )
        else:
            merged.append(region)
    return merged


def _continues(text: str, previous: Region, region: Region) -> bool:
    if previous.closed or previous.single or region.single:
        return False
    gap = text[previous.outer_end : region.outer_start]
    if SPEAKER_LABEL.match(text, region.start):
        return False  # a new speaker's turn, not the same quote going on
    return "\n" in gap and not gap.strip()
