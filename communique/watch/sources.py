"""What a watched source lists: the items of an RSS/Atom feed, a sitemap or a folder.

A SOURCE of `communique watch` is a URL (a feed or a sitemap, told apart by what it
answers) or a folder. Polling it gives `Item`s, each keyed for `watch_items`:

- a feed entry: its link (or its id), with the entry's title, date and outlet, and its
  own text as a fallback for a page with no main text;
- a sitemap `<url>`: its `<loc>` (a sitemap index's sitemaps are read too, one level);
- a file of a folder (any type `communique ingest` reads, hidden files left out): its
  path with its size and modification time, so a changed file is an item again.

A URL source is fetched with a conditional request (the validators of its last answer);
an answer of 304 lists nothing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest import IngestError, read
from ..ingest.base import Defaults
from ..ingest.feeds import read_feed
from ..ingest.html import read_html
from ..links import web_url
from ..model import Article, content_id
from .polite import Polite
from .state import Validators

FEED, SITEMAP, FOLDER = "feed", "sitemap", "folder"
_SITEMAP = re.compile(rb"<(urlset|sitemapindex)\b", re.IGNORECASE)
_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a source lists: `key` in `watch_items`, the page `url` to fetch or the
    file `path` to read, and what the listing itself says of it."""

    key: str
    url: str | None = None
    path: str | None = None
    listed: Article | None = None  # a feed entry as an article (its own text)


@dataclass(frozen=True, slots=True)
class Listing:
    """What one poll of a source found: its kind, the items, and the validators of the
    answer (None for a folder); `not_modified` when the server said 304."""

    kind: str
    items: tuple[Item, ...] = ()
    found: Validators | None = None
    not_modified: bool = False


def kind_of(source: str) -> str:
    """FOLDER for an existing folder, else a URL source (feed or sitemap: FEED until read)."""
    if web_url(source) is None:
        if not Path(source).is_dir():
            raise ValueError(f"{source!r} is neither an http(s) URL nor a folder")
        return FOLDER
    return FEED


def poll(source: str, polite: Polite, last: Validators) -> Listing:
    """The items `source` lists now (raises `FetchError` or `Disallowed` for a URL)."""
    if kind_of(source) == FOLDER:
        return Listing(FOLDER, tuple(_files(source)))
    answer = polite.get(source, last.headers())
    found = Validators(answer.etag, answer.last_modified)
    if answer.not_modified:
        return Listing(FEED, found=found, not_modified=True)
    if _SITEMAP.search(answer.body[:2048]):
        return Listing(SITEMAP, tuple(_sitemap_items(answer.body, polite)), found)
    return Listing(FEED, tuple(_feed_items(answer.body, source)), found)


def listed_meta(item: Item) -> str | None:
    """What a listing said of an item (a feed entry's title, date, outlet, text), as JSON,
    so that an item tried again in a later round still has it."""
    entry = item.listed
    if entry is None:
        return None
    fields = ("title", "published", "source", "text")
    return json.dumps({f: getattr(entry, f) for f in fields}, ensure_ascii=False)


def pending_item(row: dict[str, Any]) -> Item:
    """An item listed in an earlier round (`state.pending`) as `poll` would give it."""
    meta = json.loads(row["meta"]) if row.get("meta") else None
    listed = Article(id=row["url"], url=row["url"], **meta) if meta else None
    return Item(row["item"], url=row["url"], listed=listed)


def _feed_items(body: bytes, source: str) -> list[Item]:
    items = []
    for entry in read_feed(body, origin=source, defaults=Defaults()):
        if isinstance(entry, IngestError):
            continue  # an entry with no text may still have a page: it has no link here
        link = entry.url if entry.url and web_url(entry.url) else None
        key = link or entry.id
        items.append(Item(key, url=link, listed=entry))
    return items


def _sitemap_items(body: bytes, polite: Polite) -> list[Item]:
    locs = [m.group(1).decode("utf-8", "replace") for m in _LOC.finditer(body)]
    if re.search(rb"<sitemapindex\b", body[:2048], re.IGNORECASE):
        children: list[str] = []
        for child in locs:
            if web_url(child):
                children += [
                    m.group(1).decode("utf-8", "replace")
                    for m in _LOC.finditer(polite.get(child).body)
                ]
        locs = children
    return [Item(loc, url=loc) for loc in dict.fromkeys(locs) if web_url(loc)]


def _files(folder: str) -> list[Item]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:
                continue  # removed while we looked
            found.append(Item(f"{path}|{info.st_size}|{info.st_mtime_ns}", path=path))
    return found


def articles_of(item: Item, polite: Polite) -> list[Article | IngestError]:
    """The articles an item holds: a file's (as `communique ingest` reads it; see
    `_file_id`), or a page's main text with the feed entry's title, date and outlet where
    the page lacks them; the page's URL is its id, so a page that changes replaces its old
    version."""
    if item.path is not None:
        return [_file_id(found, item.path) for found in read([item.path])]
    assert item.url is not None
    page = read_html(polite.get(item.url).body, origin=item.url, defaults=Defaults())
    listed = item.listed
    if isinstance(page, IngestError):  # no main text: the entry's own, if it has one
        return [_as_page(listed, item.url) if listed is not None and listed.text else page]
    if listed is not None:  # the entry's title, date and outlet where the page lacks them
        page = dataclasses.replace(
            page,
            title=page.title or listed.title,
            published=listed.published or page.published,
            source=listed.source or page.source,
        )
    return [_as_page(page, item.url)]


def _file_id(found: Article | IngestError, path: str) -> Article | IngestError:
    """A file's article named by no id of its own (a text or an HTML file) takes the
    file's path, so that a changed file replaces its old version."""
    if isinstance(found, Article) and found.id == content_id(found.text):
        return dataclasses.replace(found, id=path)
    return found


def _as_page(article: Article, url: str) -> Article:
    """The article of the page at `url`: the URL is its id, its link and its origin."""
    return dataclasses.replace(article, id=url, url=url, origin=url)
