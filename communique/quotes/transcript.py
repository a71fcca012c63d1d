"""Transcript turns: a paragraph that opens with an upper-case speaker label and a colon
("PENCE: Well, ...", possibly inside an opening quotation mark). The turn is verbatim, so its
kind is "direct" even without quotation marks."""

from __future__ import annotations

from dataclasses import dataclass

from communique.quotes.index import DocIndex
from communique.quotes.marks import SPEAKER_LABEL

OPENERS = "\"“'‘"
CLOSERS = "\"”'’ \t"


@dataclass(frozen=True, slots=True)
class Turn:
    """Character ranges of the label, the colon and the words spoken."""

    label: tuple[int, int]
    colon: tuple[int, int]
    content: tuple[int, int]


def find_turns(text: str) -> list[Turn]:
    """Transcript turns, one per labelled paragraph."""
    turns: list[Turn] = []
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        pos = line_start
        while pos < line_end and (text[pos].isspace() or text[pos] in OPENERS):
            pos += 1
        match = SPEAKER_LABEL.match(text, pos, line_end)
        if match is not None and sum(ch.isalpha() for ch in match.group(1)) >= 2:
            end = line_end
            while end > match.end() and text[end - 1] in CLOSERS:
                end -= 1
            if end > match.end():
                colon = match.end(1)
                turns.append(
                    Turn((match.start(1), match.end(1)), (colon, colon + 1), (match.end(), end))
                )
        line_start = line_end + 1
    return turns


def label_ref(index: DocIndex, label: str) -> tuple[int, int] | None:
    """The name a label stands for: "PENCE" -> the longest "... Pence" person mention."""
    last = label.split()[-1].upper()
    best: tuple[int, int] | None = None
    for name in index.names:
        if name.kind != "person" or index.tokens[name.end - 1].text.upper() != last:
            continue
        if best is None or name.end - name.start > best[1] - best[0]:
            best = (name.start, name.end)
    return best
