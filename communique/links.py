"""Which URLs may become links or be fetched: absolute http and https URLs, nothing else.

Article URLs are untrusted input. A `javascript:` or `data:` URL in an `href` runs
or renders whatever the article says once clicked, so the web page links only what
`web_url` accepts and shows anything else as text; ingest keeps the field but notes a
warning (W101), and `communique.ingest.fetch` refuses to fetch anything else.

Browsers drop tabs and newlines inside a URL and trim spaces and control characters
around it ("java\\nscript:" is `javascript:`), so a URL holding any of those is refused
rather than cleaned: what is linked is exactly what was checked.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Whitespace, C0/C1 controls and DEL anywhere, which browsers strip or split on.
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def url_scheme(value: str) -> str:
    """The scheme of `value` as a browser would read it (lower case), or "" for none."""
    head, colon, _ = re.sub(r"[\t\n\r]", "", value).strip().partition(":")
    return head.lower() if colon and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", head) else ""


def web_url(value: str | None) -> str | None:
    """`value` when it is an absolute http(s) URL with a host and nothing a browser would
    rewrite; otherwise None."""
    if not value or _UNSAFE.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # a malformed IPv6 host
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    if not value[: len(parts.scheme) + 3].lower().endswith("://"):
        return None  # "http:evil" is a relative reference, not a URL with a host
    return value
