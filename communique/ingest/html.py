"""HTML pages: the main text through trafilatura, without navigation and footers."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from ..errors import Errors
from .base import Defaults, IngestError, Item, load_text, make_article
from .normalize import normalize_date, normalize_text

_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "tr", "section", "article", "header", "footer", "figure", "figcaption"}
    | {"dd", "dt", "dl", "aside", "main"}
)
_SPACES = re.compile(r"[ \t\r\n]+")  # ASCII whitespace only: "\u00a0" is kept
_BLANK_LINES = re.compile(r"\n{3,}")


def read_html(data: bytes, *, origin: str, defaults: Defaults) -> Item:
    """One article from an HTML page: main text, title, date, url and site name."""
    page = load_text(data, origin)
    if not isinstance(page, str):
        return page
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    if not isinstance(doc, Document) or not doc.text or not doc.text.strip():
        # Short or odd pages (deep nesting, no article markup) defeat the main-text
        # heuristics; their whole visible text is better than losing the article.
        body_only = _HEAD.sub("", page)
        fallback = html_to_text(body_only) or _strip_tags(body_only)
        if not fallback.strip():
            return IngestError.of(Errors.E120, origin)
        return make_article(normalize_text(fallback), origin=origin, defaults=defaults)
    body = doc.text
    # trafilatura puts one block per line; a blank line between paragraphs matches
    # plain-text articles, so paragraph-aware stages see the same layout everywhere.
    text = normalize_text("\n\n".join(line for line in body.split("\n") if line.strip()))
    return make_article(
        text,
        origin=origin,
        defaults=defaults,
        title=doc.title,
        published=_page_date(doc.date),
        source=doc.sitename,
        url=doc.url,
    )


_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def _strip_tags(page: str) -> str:
    """Text of a page lxml cannot build a tree for (nesting deeper than libxml2 allows)."""
    text = _TAGS.sub("\n", _SCRIPTS.sub("", page))
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _page_date(value: str | None) -> str | None:
    """trafilatura's date if it is a valid ISO date; a page's date is a hint, not a must."""
    if not value:
        return None
    try:
        return normalize_date(value)
    except ValueError:
        return None


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry), one blank line between blocks.

    Example:
        >>> html_to_text("<p>One <b>two</b></p><p>Three</p>")
        'One two\\n\\nThree'
    """
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip(" ") for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
