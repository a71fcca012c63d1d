"""One round of watching, and the loop of rounds.

A round polls every source side by side (a thread each, up to `threads`), fetches the
pages of the items not seen before, host by host (`Polite`: one request at a time per
host, so a slow or failing host holds up only its own items), and stores their articles
in batches as they arrive: each batch is extracted and committed (`communique.store.ingest`),
then its items are marked in `watch_items` and the alerts of its new events are sent.

An item whose URL, text or near-duplicate text (the store's MinHash) is stored already is
marked `duplicate` and not stored again; a failed fetch is marked `failed` with its reason
and tried again next round. A stop request (SIGTERM, SIGINT: `stop` is set) lets the batch
in hand be stored, drops what was not fetched yet, and ends the round; nothing committed is
lost, and a restart finds the rest still to do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field

import duckdb

from ..ingest import IngestError
from ..ingest.fetch import FetchError
from ..model import Article
from ..store import Store, ingest
from ..store import search as store_search
from ..store.dedup import stored_near_duplicate
from ..store.rows import article_uid
from ..store.writer import Extractor
from . import state
from .alerts import Rule, Sinks, fire
from .polite import Disallowed, Polite
from .sources import FOLDER, Item, Listing, articles_of, kind_of, listed_meta, pending_item, poll

Fetched = list[tuple[Article | IngestError, str | None]] | Exception


@dataclass
class RoundSummary:
    """What one round did: sources polled (and answered 304, or failed), items listed and
    new, and what became of the new ones; alerts sent."""

    sources: int = 0
    not_modified: int = 0
    source_errors: int = 0
    listed: int = 0
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    alerts: int = 0
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Watcher:
    """Watches `sources` into `store` (see the module)."""

    store: Store
    sources: list[str]
    polite: Polite = field(default_factory=Polite)
    rules: list[Rule] = field(default_factory=list)
    sinks: Sinks | None = None
    batch_size: int = 32
    threads: int = 8
    extractor: Extractor | None = None

    @property
    def stop(self) -> threading.Event:
        return self.polite.stop

    def round(self) -> RoundSummary:
        """Poll every source once and store what is new."""
        summary = RoundSummary(sources=len(self.sources))
        self.polite.new_round()
        marks: list[state.Mark] = []
        uids: list[str] = []
        with ThreadPoolExecutor(max_workers=max(1, self.threads)) as pool:
            listed = list(pool.map(self._listing, self.sources))
            todo = self._new_items(listed, summary)
            futures = {pool.submit(self._fetched, source, item): (source, item)
                       for source, item in todo}  # fmt: skip

            def arrivals() -> Iterator[Article | IngestError]:
                for future in _completed(futures, self.stop):
                    source, item = futures[future]
                    yield from self._sorted(source, item, future.result(), marks, uids)

            def committed(_: object) -> None:  # after each batch: its marks and alerts
                self._flush(marks, summary)
                self._alert(uids, summary)

            if todo:
                ingest(arrivals(), self.store, batch_size=self.batch_size,
                       extractor=self.extractor, on_batch=committed,
                       search_index=False)  # fmt: skip
        self._flush(marks, summary)
        summary.stored += state.promote_fetched(self.store)
        self._alert(uids, summary)
        if summary.stored:
            store_search.refresh(self.store)
        if self.sinks is not None:
            summary.problems += self.sinks.problems
            self.sinks.problems.clear()
        return summary

    def run(self, every: float, *, once: bool = False, on_round: RoundHook | None = None) -> None:
        """Rounds until `stop` is set (or one round with `once`), `every` seconds apart."""
        while not self.stop.is_set():
            summary = self.round()
            if on_round is not None:
                on_round(summary)
            if once:
                return
            self.stop.wait(every)

    def _listing(self, source: str) -> tuple[str, Listing | Exception]:
        try:
            kind = kind_of(source)
            last = state.validators(self.store, source) if kind != FOLDER else state.Validators()
            found: Listing | Exception = poll(source, self.polite, last)
        except (FetchError, Disallowed, ValueError, OSError) as e:
            found = e
        return source, found

    def _new_items(
        self, listed: list[tuple[str, Listing | Exception]], summary: RoundSummary
    ) -> list[tuple[str, Item]]:
        """The items to fetch: not done before, not listed twice this round, and not from a
        URL a stored article came from (those are marked duplicates at once)."""
        todo: list[tuple[str, Item]] = []
        marks: list[state.Mark] = []
        taken: set[str] = set()
        for source, listing in listed:
            if isinstance(listing, Exception):
                summary.source_errors += 1
                reason = getattr(listing, "reason", None) or str(listing)
                state.record_fetch(self.store, source, kind="?", status="failed", error=reason)
                summary.problems.append(f"{source}: {reason}")
                continue
            status = "not modified" if listing.not_modified else "ok"
            summary.not_modified += listing.not_modified
            state.record_fetch(
                self.store, source, kind=listing.kind, status=status, found=listing.found
            )
            summary.listed += len(listing.items)
            done = state.done_items(self.store, source)
            fresh = [i for i in listing.items if i.key not in done and i.key not in taken]
            state.record_listed(self.store, [(source, i.key, i.url, listed_meta(i))
                                             for i in fresh if i.url])  # fmt: skip
            known = {i.key for i in fresh}
            fresh += [i for i in map(pending_item, state.pending(self.store, source))
                      if i.key not in known and i.key not in taken]  # fmt: skip
            taken |= {i.key for i in fresh}
            stored = state.stored_urls(self.store, [i.url for i in fresh if i.url])
            for item in fresh:
                if item.url in stored:
                    marks.append((source, item.key, item.url, state.DUPLICATE,
                                  "an article from this URL is stored", None))  # fmt: skip
                    summary.duplicates += 1
                else:
                    todo.append((source, item))
        state.record_items(self.store, marks)
        summary.new = len(todo) + len(marks)
        return todo

    def _fetched(self, source: str, item: Item) -> Fetched:
        """The item's articles, each with the stored article it nearly duplicates (in the
        fetching thread, beside the extraction), or why it could not be had."""
        if self.stop.is_set():
            return Disallowed(item.url or item.key, "stopped before it was fetched")
        try:
            found = articles_of(item, self.polite)
        except (FetchError, Disallowed, OSError) as e:
            return e
        with self.store.cursor() as cur:
            return [(a, _twin(cur, a)) for a in found]

    def _sorted(
        self,
        source: str,
        item: Item,
        found: Fetched,
        marks: list[state.Mark],
        uids: list[str],
    ) -> Iterator[Article | IngestError]:
        """What to store of one fetched item, its mark noted in `marks` (a duplicate, a
        failure, or `fetched` with the uid its article will have once committed)."""
        if isinstance(found, Exception):
            if self.stop.is_set() and isinstance(found, Disallowed):
                return  # not tried: the next round will
            reason = getattr(found, "reason", None) or str(found)
            done = state.SKIPPED if isinstance(found, Disallowed) else state.FAILED
            marks.append((source, item.key, item.url, done, reason, None))
            return
        for article, twin in found:
            if isinstance(article, IngestError):
                marks.append((source, item.key, item.url, state.FAILED, article.message, None))
            elif twin is not None:
                reason = f"a near-duplicate of stored article {twin}"
                marks.append((source, item.key, item.url, state.DUPLICATE, reason, twin))
                continue
            else:
                uid = article_uid(article.text)
                marks.append((source, item.key, item.url, state.FETCHED, None, uid))
                uids.append(uid)
            yield article  # (an error is stored with the others, as `ingest` does)

    def _flush(self, marks: list[state.Mark], summary: RoundSummary) -> None:
        state.record_items(self.store, marks)
        for mark in marks:
            summary.duplicates += mark[3] == state.DUPLICATE
            summary.skipped += mark[3] == state.SKIPPED
            summary.failed += mark[3] == state.FAILED
        marks.clear()

    def _alert(self, uids: list[str], summary: RoundSummary) -> None:
        if self.rules and self.sinks is not None:
            summary.alerts += fire(self.store, self.rules, uids, self.sinks)


def _twin(cur: duckdb.DuckDBPyConnection, found: Article | IngestError) -> str | None:
    """The stored article `found` nearly duplicates, not itself (its own text, stored
    before a crash, is no duplicate: `ingest` finds it unchanged)."""
    if not isinstance(found, Article):
        return None
    twin = stored_near_duplicate(cur, found.text)
    return twin if twin != article_uid(found.text) else None


RoundHook = Callable[[RoundSummary], None]


def _completed(futures: Iterable[Future], stop: threading.Event) -> Iterator[Future]:
    """Futures as they finish; once `stop` is set, those not started are cancelled."""
    for future in as_completed(list(futures)):
        if stop.is_set():
            for other in futures:
                other.cancel()
        if not future.cancelled():
            yield future
