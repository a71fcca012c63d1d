"""Fetching as a polite crawler: robots.txt, a pause per host, retries with backoff.

Every request goes through `communique.ingest.fetch` (public addresses only unless
`allow_private`, bounded size, timeouts). On top of it, per host (scheme, name and port):

- **robots.txt** is read once a round (`new_round`) and obeyed for our user agent
  (`communique`); a robots.txt that is missing (4xx) allows everything, one that cannot be
  read (5xx, timeout) forbids the host for this round, as RFC 9309 asks;
- **one request at a time, `delay` seconds apart** (or the robots.txt `Crawl-delay`,
  when longer), so hosts are fetched side by side but none is hammered;
- **retries**: a transient failure (no answer, 429, 5xx) is tried again up to `retries`
  times, after `backoff`, 2 x `backoff`, ... seconds, or after the server's `Retry-After`
  (capped at `max_wait`); a 4xx other than 429 is final.

`stop` (a `threading.Event`) cuts every wait short, so a SIGTERM ends a round promptly.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..ingest.fetch import Fetched, FetchError, FetchLimits, fetch

AGENT = "communique"


class Disallowed(Exception):
    """robots.txt forbids the URL (or could not be read); not a failure to retry soon."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"not fetched: {url!r}: {reason}")
        self.url = url
        self.reason = reason


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_problem: str | None = None
    robots_read: bool = False


@dataclass
class Polite:
    """A polite fetcher for one round of watching (see the module)."""

    delay: float = 1.0
    retries: int = 2
    backoff: float = 2.0
    max_wait: float = 60.0
    allow_private: bool = False
    limits: FetchLimits = field(default_factory=FetchLimits)
    stop: threading.Event = field(default_factory=threading.Event)
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET `url` politely; raises `Disallowed` or `FetchError` (after the retries)."""
        host = self._host(url)
        with host.lock:
            self._check_robots(url, host)
            attempt = 0
            while True:
                self._wait_turn(host)
                try:
                    return self._fetch(url, headers)
                except FetchError as e:
                    attempt += 1
                    if not e.transient or attempt > self.retries or self.stop.is_set():
                        raise
                    self._sleep(self._backoff(attempt, e.retry_after))

    def new_round(self) -> None:
        """Read each host's robots.txt again on its next request (a round's start)."""
        with self._guard:
            for host in self._hosts.values():
                host.robots, host.robots_problem, host.robots_read = None, None, False

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._guard:
            return self._hosts.setdefault(key, _Host())

    def _fetch(self, url: str, headers: Mapping[str, str] | None) -> Fetched:
        return fetch(url, allow_private=self.allow_private, limits=self.limits, headers=headers)

    def _wait_turn(self, host: _Host) -> None:
        self._sleep(host.next_at - time.monotonic())
        delay = self.delay
        if host.robots is not None:
            crawl = host.robots.crawl_delay(AGENT)
            delay = max(delay, float(crawl)) if crawl else delay
        host.next_at = time.monotonic() + delay

    def _check_robots(self, url: str, host: _Host) -> None:
        if not host.robots_read:
            host.robots_read = True
            self._read_robots(url, host)
        if host.robots_problem is not None:
            raise Disallowed(url, host.robots_problem)
        if host.robots is not None and not host.robots.can_fetch(AGENT, url):
            raise Disallowed(url, "robots.txt disallows it")

    def _read_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        self._wait_turn(host)
        try:
            answer = self._fetch(robots_url, None)
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500 and e.status != 429:
                return  # no robots.txt: everything is allowed
            host.robots_problem = f"robots.txt could not be read ({e.reason})"
            return
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        host.robots = parser

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.backoff * 2 ** (attempt - 1)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after.strip()))
        return min(wait, self.max_wait)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.stop.wait(seconds)

