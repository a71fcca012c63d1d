"""Fetching one URL for ingest, guarded: a feed or an article cannot make communique
reach the host's own network, follow endless redirects or fill its memory.

`fetch(url)` is what `communique watch` (issue 15) and any other URL input use:

- **http and https only** (`communique.links.web_url`): no `file:`, `ftp:`, `data:`.
- **Public addresses only**, unless `allow_private=True`: the host name is resolved
  and *every* address it has is checked; loopback, private, shared (CGNAT),
  link-local (cloud metadata at 169.254.169.254 is one), multicast, reserved,
  unspecified and other non-global addresses are refused, IPv4 inside IPv6 too.
- **No DNS rebinding**: the connection is made to the address that was checked, never
  to a second lookup of the name, and the socket's peer is checked again once connected.
  TLS still checks the certificate against the host name.
- **Redirects followed by hand**, at most `max_redirects`, each hop checked as above.
- **Bounded responses**: at most `max_bytes` after decompression, read in small pieces
  and stopped as soon as it is over; a compressed body may not expand more than
  `max_ratio` times (a gzip bomb stops early); only gzip and deflate are accepted.
- **Timeouts**: `timeout` on each connect and read, `deadline` on the whole fetch
  (a server that sends a byte every few seconds is stopped too).

Anything that stops a fetch raises `FetchError`, naming the URL and the reason, so a
caller that fetches many URLs records one error per item and goes on. Proxies from
the environment are not used (`http.client` ignores them): the guard checks the
address that is really connected to.
"""

from __future__ import annotations

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..links import url_scheme, web_url

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
REDIRECTS = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
TOO_MANY = 429
CHUNK = 64 * 1024
# Below this many decoded bytes the ratio is not judged: a short page of repeated
# markup can compress very well and is harmless.
RATIO_FLOOR = 256 * 1024
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # IPv4 reached through a NAT64 gateway


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How far one fetch may go; the defaults suit news pages and feeds."""

    max_bytes: int = 5_000_000
    max_ratio: float = 100.0
    max_redirects: int = 5
    timeout: float = 10.0
    deadline: float = 30.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response: the URL it finally came from, its status, type and body."""

    url: str
    status: int
    content_type: str | None
    body: bytes
    redirects: tuple[str, ...] = ()
    etag: str | None = None  # the validators a conditional request sends back
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """A 304 answer to a conditional request: nothing new, and no body."""
        return self.status == NOT_MODIFIED


class FetchError(Exception):
    """A URL that was not fetched, and why; the message names both."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: str | None = None
    ) -> None:
        super().__init__(f"not fetched: {url!r}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status  # the HTTP status, when the server answered with an error
        self.retry_after = retry_after  # its Retry-After header, if any

    @property
    def transient(self) -> bool:
        """Whether trying again later may work: no answer, 429, or a 5xx."""
        return self.status is None or self.status == TOO_MANY or self.status >= 500


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    limits: FetchLimits | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET `url` under the guard described in the module; raises `FetchError`.

    `headers` are sent besides the module's own: a conditional request's
    `If-None-Match` / `If-Modified-Since`, answered 304 (`Fetched.not_modified`)."""
    limits = limits or FetchLimits()
    deadline = time.monotonic() + limits.deadline
    hops: list[str] = []
    current = url
    while True:
        response = _get_once(
            current, allow_private=allow_private, limits=limits, deadline=deadline, headers=headers
        )
        if isinstance(response, Fetched):
            return dataclasses.replace(response, redirects=tuple(hops))
        hops.append(current)
        if len(hops) > limits.max_redirects:
            raise FetchError(url, f"more than {limits.max_redirects} redirects")
        current = urljoin(current, response)


def address_problem(address: IPAddress) -> str | None:
    """Why `address` is not a public one a feed may point at, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if address in _NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:  # an IPv4 address written as IPv6 is judged as itself
            return address_problem(inner)
    checks = (
        ("a loopback address", address.is_loopback),
        ("the unspecified address", address.is_unspecified),
        ("a link-local address (where cloud metadata answers)", address.is_link_local),
        ("a multicast address", address.is_multicast),
        ("a reserved address", address.is_reserved),
        ("a private address", address.is_private),
        ("not a globally routable address", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to, in the resolver's order."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise OSError(f"cannot resolve {host!r} ({e})") from e
    addresses: list[IPAddress] = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _get_once(
    url: str,
    *,
    allow_private: bool,
    limits: FetchLimits,
    deadline: float,
    headers: Mapping[str, str] | None = None,
) -> Fetched | str:
    """One request: the response, or the Location a redirect points to."""
    if web_url(url) is None:
        scheme = url_scheme(url)
        reason = (
            f"scheme {scheme!r}"
            if scheme and scheme not in ("http", "https")
            else "no host, or spaces or control characters in it"
        )
        raise FetchError(url, f"only absolute http and https URLs are fetched ({reason})")
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(url, f"took longer than {limits.deadline:g} s")
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as e:
        raise FetchError(url, f"bad port ({e})") from e
    try:
        addresses = resolve(host, port)
    except OSError as e:
        raise FetchError(url, str(e)) from e
    if not allow_private:
        for address in addresses:  # one bad address is enough: the resolver may pick it
            problem = address_problem(address)
            if problem is not None:
                raise FetchError(url, f"{host} resolves to {address}, {problem}")
    if not addresses:
        raise FetchError(url, f"{host} has no address")
    target = parts.path or "/"
    target += f"?{parts.query}" if parts.query else ""
    timeout = min(limits.timeout, left)  # connect and headers stay inside the deadline too
    connection = _connection(parts.scheme.lower(), host, port, addresses, allow_private, timeout)
    try:
        connection.request("GET", target, headers={**_HEADERS, **(headers or {})})
        response = connection.getresponse()
        if response.status in REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(url, f"a {response.status} redirect with no Location")
            return location
        if response.status >= 400:
            raise FetchError(
                url,
                f"the server answered {response.status} {response.reason}",
                status=response.status,
                retry_after=response.getheader("Retry-After"),
            )
        validators = response.getheader("ETag"), response.getheader("Last-Modified")
        if response.status == NOT_MODIFIED:
            return Fetched(url, NOT_MODIFIED, None, b"", (), *validators)
        body = _read_body(url, response, limits, deadline, connection)
        kind = response.getheader("Content-Type")
        return Fetched(url, response.status, kind, body, (), *validators)
    except TimeoutError as e:
        raise FetchError(
            url, f"timed out ({limits.timeout:g} s a step, {limits.deadline:g} s in all)"
        ) from e
    except zlib.error as e:
        raise FetchError(url, f"the compressed response is broken ({e})") from e
    except (OSError, http.client.HTTPException) as e:
        raise FetchError(url, f"{type(e).__name__}: {e}") from e
    finally:
        connection.close()


_HEADERS = {
    "User-Agent": f"communique/{__version__}",
    "Accept-Encoding": "gzip, deflate",
    "Connection": "close",
}


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to addresses already checked, not to a fresh lookup of the host
    (the Host header still names the host)."""

    def __init__(
        self, host: str, port: int, addresses: list[IPAddress], check: bool, timeout: float
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.check = check

    def connect(self) -> None:
        self.sock = _connect(self.addresses, self.port, self.timeout, self.check)


class _PinnedHTTPS(_PinnedHTTP):
    def __init__(
        self, host: str, port: int, addresses: list[IPAddress], check: bool, timeout: float
    ) -> None:
        super().__init__(host, port, addresses, check, timeout)
        self.context = ssl.create_default_context()

    def connect(self) -> None:
        super().connect()
        self.sock = self.context.wrap_socket(self.sock, server_hostname=self.host)


def _connection(
    scheme: str,
    host: str,
    port: int,
    addresses: list[IPAddress],
    allow_private: bool,
    timeout: float,
) -> _PinnedHTTP:
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    return kind(host, port, addresses, not allow_private, timeout)


def _connect(
    addresses: list[IPAddress], port: int, timeout: float | None, check: bool
) -> socket.socket:
    """A socket to the first checked address that answers."""
    error: OSError = OSError("no address to connect to")
    for address in addresses:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:  # a socket of our own: no resolver runs again between the check and here
            sock.connect((str(address), port))
        except OSError as e:
            sock.close()
            error = e
            continue
        # Checked again on the connected socket: what was checked is what is reached.
        peer = ipaddress.ip_address(str(sock.getpeername()[0]).split("%")[0])
        problem = address_problem(peer) if check else None
        if peer != address or problem is not None:
            sock.close()
            raise OSError(f"connected to {peer}, not the checked {address} ({problem})")
        return sock
    raise error


def _read_body(
    url: str,
    response: http.client.HTTPResponse,
    limits: FetchLimits,
    deadline: float,
    connection: _PinnedHTTP,
) -> bytes:
    """The decoded body, read piece by piece and stopped as soon as a limit is passed."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(url, f"the response is {declared} bytes, over {limits.max_bytes}")
    decoder = _decoder(url, response.getheader("Content-Encoding"))
    body = bytearray()
    received = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(url, f"took longer than {limits.deadline:g} s")
        if connection.sock is not None:
            connection.sock.settimeout(min(limits.timeout, left))
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += len(chunk)
        data = chunk
        while data:
            # Never inflate more than one byte past the limit, whatever the chunk holds.
            room = limits.max_bytes - len(body) + 1
            piece = decoder.decompress(data, room) if decoder else data[:room]
            body.extend(piece)
            data = decoder.unconsumed_tail if decoder else b""
            _check_size(url, len(body), received, limits, decoder is not None)
    if decoder is not None:
        body.extend(decoder.flush())
        _check_size(url, len(body), received, limits, True)
    return bytes(body)


def _decoder(url: str, encoding: str | None) -> zlib._Decompress | None:
    name = (encoding or "identity").strip().lower()
    if name == "identity":
        return None
    if name in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")


def _check_size(url: str, size: int, received: int, limits: FetchLimits, compressed: bool) -> None:
    if size > limits.max_bytes:
        raise FetchError(url, f"the response is over {limits.max_bytes} bytes")
    if compressed and size > RATIO_FLOOR and size > limits.max_ratio * received:
        raise FetchError(
            url, f"the compressed response expands more than {limits.max_ratio:g} times"
        )
