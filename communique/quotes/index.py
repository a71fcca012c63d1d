"""Per-Doc lookups computed once: quote regions per token, paragraphs, sentences, names."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from communique.docview import view
from communique.quotes.gender import guess_genders
from communique.quotes.lexicon import ORG_NOUNS
from communique.quotes.marks import Region, find_regions

SENT_END = frozenset({".", "!", "?", "…", "..."})
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = PERSON_LABELS | ORG_LABELS | PLACE_LABELS


@dataclass(frozen=True, slots=True)
class Name:
    """A named mention: tokens [start, end), its head token index and a kind guess."""

    start: int
    end: int
    head: int
    kind: str  # "person", "org", "place" or "other"
    subject: bool


@dataclass(frozen=True, slots=True)
class DocIndex:
    doc: Doc
    text: str  # doc.text, which spaCy rebuilds on every access
    regions: tuple[Region, ...]
    token_region: tuple[int, ...]  # region index per token, -1 outside quotes
    token_para: tuple[int, ...]  # paragraph (line) number per token
    sent_starts: tuple[int, ...]  # token index where each sentence starts
    names: tuple[Name, ...]  # named mentions outside quotes, in text order
    genders: dict[str, str]  # surname -> "m"/"f" where the article says (`gender.py`)
    tokens: tuple[Token, ...]  # tuple(doc): `doc[i]` makes a new Token on every call

    def region_of(self, token: Token) -> Region | None:
        index = self.token_region[token.i]
        return self.regions[index] if index >= 0 else None

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token `i`."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    def sent_number(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1


def build_index(doc: Doc) -> DocIndex:
    """Everything the rules look up more than once."""
    shared = view(doc)
    text = shared.text
    regions = tuple(find_regions(text))
    starts = [r.outer_start for r in regions]
    line_starts = _line_starts(text)
    token_region: list[int] = []
    token_para: list[int] = []
    for token in shared.tokens:
        idx = token.idx
        k = bisect.bisect_right(starts, idx) - 1
        token_region.append(k if k >= 0 and idx in regions[k] else -1)
        token_para.append(bisect.bisect_right(line_starts, idx) - 1)
    sent_starts = (
        tuple(sent.start for sent in shared.sentences)
        if doc.has_annotation("SENT_START")
        else (0,)
    )
    names = tuple(_names(doc, token_region))
    people = [(n.start, n.end) for n in names if n.kind == "person"]
    return DocIndex(
        doc,
        text,
        regions,
        tuple(token_region),
        tuple(token_para),
        sent_starts or (0,),
        names,
        guess_genders(doc, people),
        shared.tokens,
    )


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts (str.find, not a Python loop over every character)."""
    starts = [0]
    newline = text.find("\n")
    while newline >= 0:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    return starts


def is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _names(doc: Doc, token_region: list[int]) -> list[Name]:
    """Named mentions: entities and runs of capitalised proper nouns outside quotes."""
    names: list[Name] = []
    covered: set[int] = set()
    tokens = view(doc).tokens
    for ent in view(doc).ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if token_region[ent.start] >= 0:
            continue
        start = ent.start + (1 if tokens[ent.start].lower_ == "the" else 0)
        if start >= ent.end:
            continue
        head = ent.root
        kind = _kind(tokens, start, ent.end, ent.label_)
        names.append(Name(start, ent.end, head.i, kind, head.dep_.startswith("nsubj")))
        covered.update(range(ent.start, ent.end))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in covered or token_region[i] >= 0 or not is_name_token(token):
            i += 1
            continue
        j = i
        while j < len(tokens) and j not in covered and is_name_token(tokens[j]):
            j += 1
        head = tokens[j - 1]
        names.append(Name(i, j, head.i, _kind(tokens, i, j, ""), head.dep_.startswith("nsubj")))
        i = j
    names.sort(key=lambda n: n.start)
    return names


def _kind(tokens: Sequence[Token], start: int, end: int, label: str) -> str:
    last = tokens[end - 1].lower_
    if last in ORG_NOUNS:
        return "org"
    if label in PERSON_LABELS:
        return "person"
    if label in ORG_LABELS:
        return "org"
    if label in PLACE_LABELS:
        return "place"
    return "other"
