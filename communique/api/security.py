"""What makes the API safe to expose: bounded requests, JSON errors, writes behind a token.

- **Read-only by default.** `communique serve` opens the database read-only and
  offers no endpoint that writes. `POST /api/ingest` exists only in an app made with
  `read_only=False` and a token (`communique serve --writable`, token from
  `$COMMUNIQUE_API_TOKEN`); it then needs `Authorization: Bearer <token>`.
- **Bounded requests.** A body over `MAX_BODY_BYTES` gets 413, a URL (path and
  query) over `MAX_URL_BYTES` gets 414, before any route runs. Pages hold at most
  500 items (`routes.MAX_PAGE`).
- **Clear errors.** Every error is JSON `{"detail": "..."}` with a 4xx status; the
  OpenAPI schema documents each one (`ERROR_RESPONSES`).
- **No CORS** unless origins are given (`create_app(..., cors_origins=[...])`).

DOCS: docs/reliability.md
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Header, HTTPException, Request
from pydantic import BaseModel

MAX_BODY_BYTES = 2_000_000
MAX_URL_BYTES = 8_192
TOKEN_ENV = "COMMUNIQUE_API_TOKEN"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Problem(BaseModel):
    """The body of every error response."""

    detail: str


def _problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _problem("A value that cannot be used (a bad date, code or interval)"),
    404: _problem("Nothing with that id, hash or name"),
    413: _problem("The request body is over the size limit"),
    414: _problem("The URL is over the length limit"),
    422: _problem("A parameter of the wrong type or out of range"),
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: _problem("No token, or the wrong one"),
    403: _problem("Writes are off: the server is read-only or has no token"),
}


class RequestLimits:
    """ASGI middleware that refuses over-long URLs and over-large bodies with JSON errors.

    A body is read (at most `max_body` bytes) before the app sees it, so a client
    that sends no Content-Length, or a false one, is held to the same limit.
    """

    def __init__(
        self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES, max_url: int = MAX_URL_BYTES
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_bytes = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_bytes > self.max_url:
            await _reply(send, 414, f"the URL has {url_bytes} bytes; the limit is {self.max_url}")
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await _reply(send, 413, self._too_large(declared))
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS") and not declared:
            await self.app(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                await _reply(send, 413, self._too_large(len(body)))
                return
        await self.app(scope, _replay(bytes(body), receive), send)

    def _too_large(self, size: int) -> str:
        return f"the request body has {size}+ bytes; the limit is {self.max_body}"


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or []:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """A dependency for endpoints that write: the configured token, compared in constant time."""
    token: str | None = request.app.state.token
    if request.app.state.store.read_only or not token:
        raise HTTPException(status_code=403, detail="writes are off on this server")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            status_code=401,
            detail="a valid 'Authorization: Bearer <token>' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
