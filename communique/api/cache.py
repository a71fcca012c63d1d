"""A response cache for a read-only server: the store cannot change while it is served
(DuckDB holds the file read-only), so the same GET gives the same answer every time.

An ASGI middleware keeps the last `entries` successful GET answers (status 200, bodies up
to `max_body` bytes, `max_bytes` in all) by path and query, least recently used first out,
and marks each answer `X-Cache: hit` or `miss`. Under load, most requests are pages already
made: the database and the templates are skipped for them; requests for a page being made
wait for it instead of making it again.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from .security import ASGIApp, Message, Receive, Scope, Send

ENTRIES = 2048
MAX_BODY = 1_000_000
MAX_BYTES = 64_000_000  # all bodies together: the cache never holds more memory than this


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """Cached GET answers of the wrapped app (see the module)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        entries: int = ENTRIES,
        max_body: int = MAX_BODY,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.app = app
        self.entries = entries
        self.max_body = max_body
        self.max_bytes = max_bytes
        self.size = 0
        self.answers: OrderedDict[tuple[str, bytes], Answer] = OrderedDict()
        self.making: dict[tuple[str, bytes], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        making = self.making.get(key)
        if making is not None:  # the same page is being made: wait for it, not make it twice
            await making.wait()
        found = self.answers.get(key)
        if found is not None:
            self.answers.move_to_end(key)
            await _replay(found, send)
            return
        self.making[key] = done = asyncio.Event()
        try:
            await self.app(scope, receive, self._recording(key, send))
        finally:
            if self.making.get(key) is done:
                del self.making[key]
            done.set()

    def _recording(self, key: tuple[str, bytes], send: Send) -> Send:
        """`send`, also keeping a whole 200 answer of a bounded size for `key`."""
        start: Message = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), _MISS]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        return record

    def _keep(self, key: tuple[str, bytes], start: Message, body: bytes) -> None:
        if len(body) > self.max_body:
            return
        old = self.answers.pop(key, None)
        self.size -= len(old.body) if old else 0
        self.answers[key] = Answer(start["status"], list(start.get("headers", [])), body)
        self.size += len(body)
        while len(self.answers) > self.entries or self.size > self.max_bytes:
            self.size -= len(self.answers.popitem(last=False)[1].body)


_HIT = (b"x-cache", b"hit")
_MISS = (b"x-cache", b"miss")


async def _replay(answer: Answer, send: Send) -> None:
    await send(
        {"type": "http.response.start", "status": answer.status, "headers": [*answer.headers, _HIT]}
    )
    await send({"type": "http.response.body", "body": answer.body})
