"""Checks an article must pass before it is parsed, so bad input fails clearly and cheaply.

- Size: spaCy's parser needs about 1 GB of memory per 100,000 words, so an article
  longer than `MAX_CHARS` (1,000,000 characters, spaCy's own default limit) is
  refused with E202 instead of exhausting memory; split such a text into articles.
  `COMMUNIQUE_MAX_CHARS` changes the limit.
- Language: communique's models and dictionaries are English. A text whose words
  are almost never English function words is refused with E203 rather than coded
  into nonsense events.
- Content: a text with no letters at all (only digits, punctuation or quote marks)
  is refused with E204.
"""

from __future__ import annotations

import os
import re

from .errors import Errors
from .model import Article

MAX_CHARS = 1_000_000
# Enough words to judge the language; shorter texts are given the benefit of the doubt.
MIN_WORDS_FOR_LANGUAGE = 25
MIN_ENGLISH_SHARE = 0.12
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "his",
        "her",
        "their",
        "our",
        "not",
        "who",
        "which",
        "what",
        "when",
        "where",
        "after",
        "before",
        "over",
        "into",
        "than",
        "also",
        "about",
        "against",
        "between",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def max_chars() -> int:
    value = os.environ.get("COMMUNIQUE_MAX_CHARS")
    return int(value) if value and value.isdigit() else MAX_CHARS


def article_problem(article: Article) -> str | None:
    """The error message for an article that must not be parsed, or None when it may."""
    origin = article.origin or article.id
    limit = max_chars()
    if len(article.text) > limit:
        return Errors.E202.format(origin=origin, length=len(article.text), limit=limit)
    words = [w.lower() for w in _WORD.findall(article.text[:20_000])]
    if not words:
        return Errors.E204.format(origin=origin)
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        share = sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if share < MIN_ENGLISH_SHARE:
            return Errors.E203.format(origin=origin, share=f"{share:.0%}")
    return None
