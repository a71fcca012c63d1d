"""Security headers on every response, and HEAD wherever GET is.

Articles are untrusted input rendered into pages, so the pages carry a strict
Content-Security-Policy: scripts, styles, images and everything else only from
this server's own files (`/static`), nothing inline (no `<script>` blocks, no
`style=` attributes, no `on...=` handlers), no plugins, no `<base>`, forms only to
this server, and no framing by other sites. If an escaping slip ever let markup
from an article through, the browser would still refuse to run it. The policy
goes on JSON and static files too: a JSON answer opened as a page is a page.

HEAD is answered as GET with the body dropped (monitoring tools and link checkers
use HEAD; FastAPI routes answer only the methods they name).

The 500 handler in `app.py` runs outside all middleware (Starlette puts it
outermost), so it adds `SECURITY_HEADERS` itself.
"""

from __future__ import annotations

from .security import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_ENCODED = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
_NAMES = {k for k, _ in _ENCODED}


class SecurityHeaders:
    """ASGI middleware: `SECURITY_HEADERS` on every response; HEAD served as a bodiless GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                message = {**message, "headers": kept + _ENCODED}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # Content-Length still tells the GET's size
            await send(message)

        await self.app(scope, receive, send_secured)
