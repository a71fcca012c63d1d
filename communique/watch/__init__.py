"""Live monitoring: watch feeds, sitemaps and folders, keep the store current, alert.

    >>> from communique.store import Store
    >>> from communique.watch import Watcher
    >>> Watcher(Store("news.duckdb"), ["https://example.org/rss.xml"]).round()  # doctest: +SKIP

Modules, in the order data flows: `sources` (what a feed, sitemap or folder lists),
`polite` (robots.txt, a pause per host, retries), `runner` (a round: poll, fetch, store,
mark), `state` (what is remembered in the store), `alerts` (rules and where alerts go).
`communique watch` is the command; `communique serve` shows the sources (`/api/sources`).

DOCS: README.md, "Watching feeds and folders"
"""

from __future__ import annotations

from .alerts import Rule, Sinks, parse_rule, read_rules
from .polite import Disallowed, Polite
from .runner import RoundSummary, Watcher

__all__ = [
    "Disallowed",
    "Polite",
    "RoundSummary",
    "Rule",
    "Sinks",
    "Watcher",
    "parse_rule",
    "read_rules",
]
