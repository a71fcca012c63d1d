"""What spaCy rebuilds on every access to a Doc, built once per Doc and shared by the stages.

`doc.text` joins every token's text, `doc.sents` and `doc.ents` walk the whole Doc, and
`for token in doc` / `doc[i]` make a new `Token` object each time. The quote, actor and
event stages read these many times per article; `view(doc)` gives them one copy.

The view is kept for the latest Doc only (each stage of `pipeline.analyse` works on one
article at a time) and assumes, like the rest of the analysis, that a Doc is not changed
after it is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .datelines import dateline_spans


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: token range [start, end), character range and text."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str


class DocView:
    """Cached `text`, `tokens`, `ents` and `sentences` of one Doc (each built on first use)."""

    __slots__ = ("doc", "_text", "_tokens", "_ents", "_sentences", "_children", "_datelines")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._text: str | None = None
        self._tokens: tuple[Token, ...] | None = None
        self._ents: tuple[SpacySpan, ...] | None = None
        self._sentences: tuple[Sentence, ...] | None = None
        self._children: tuple[tuple[Token, ...], ...] | None = None
        self._datelines: list[tuple[int, int]] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            # `doc.text` itself, joined from the Tokens made once for `tokens`
            self._text = "".join([token.text_with_ws for token in self.tokens])
        return self._text

    @property
    def tokens(self) -> tuple[Token, ...]:
        """`tuple(doc)`: index it instead of `doc[i]`, which makes a new Token each time."""
        if self._tokens is None:
            self._tokens = tuple(self.doc)
        return self._tokens

    @property
    def ents(self) -> tuple[SpacySpan, ...]:
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """`doc.sents` as plain records; raises like `doc.sents` on a Doc without
        sentence boundaries."""
        if self._sentences is None:
            text = self.text
            self._sentences = tuple(
                Sentence(s.start, s.end, s.start_char, s.end_char, text[s.start_char : s.end_char])
                for s in self.doc.sents
            )
        return self._sentences

    @property
    def datelines(self) -> list[tuple[int, int]]:
        """Character ranges of the datelines that open paragraphs ("KHARTOUM, June 12 -")."""
        if self._datelines is None:
            self._datelines = dateline_spans(self.text)
        return self._datelines

    def children(self, token: Token) -> tuple[Token, ...]:
        """`tuple(token.children)`, kept: the rules ask for a verb's children many times."""
        return self.all_children[token.i]

    @property
    def all_children(self) -> tuple[tuple[Token, ...], ...]:
        """Every token's children in one pass over the heads (`token.children` walks the
        Doc's arrays and makes new Tokens on each call), in the order spaCy yields them."""
        if self._children is None:
            tokens = self.tokens
            found: list[list[Token]] = [[] for _ in tokens]
            # HEAD is stored as an offset from the token (as unsigned: -1 wraps round)
            offsets = self.doc.to_array(HEAD).astype("int64").tolist()
            for i, offset in enumerate(offsets):
                if offset:
                    found[i + offset].append(tokens[i])
            self._children = tuple(map(tuple, found))
        return self._children


# The views of the latest two Docs: an article and the re-parse of its headline
# (`quotes/headline.py`) are read in turn. Replaced as a whole, never changed in place, so
# that threads sharing the module only ever lose a cached view, never see a wrong one.
_latest: tuple[DocView, ...] = ()


def view(doc: Doc) -> DocView:
    """The view of `doc`, shared with the other stages working on the same Doc."""
    global _latest
    latest = _latest
    for current in latest:
        if current.doc is doc:
            return current
    current = DocView(doc)
    _latest = (current, *latest[:1])
    return current


def same_line(a: Token, b: Token) -> bool:
    """No line break between two tokens, from the first up to the other (read from the
    text: slicing the Doc makes a Token for every word in between)."""
    first, last = (a, b) if a.i <= b.i else (b, a)
    return "\n" not in view(a.doc).text[first.idx : last.idx]


def children_of(token: Token) -> tuple[Token, ...]:
    """The children of `token`, as `token.children` yields them, built once per token.

    Called tens of thousands of times per hundred articles: `view` and `DocView.children`
    are inlined here for the common case (the token's Doc is the latest one)."""
    doc = token.doc
    latest = _latest
    current = latest[0] if latest and latest[0].doc is doc else view(doc)
    found = current._children
    if found is None:
        found = current.all_children
    return found[token.i]
