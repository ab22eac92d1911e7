"""Safe URL fetching: http(s) only, every resolved address public, redirects re-checked, timeouts, size cap."""
from __future__ import annotations

import ipaddress
import socket
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator
from urllib.parse import urljoin, urlsplit, urlunsplit

from sitrep.errors import BadInputError, UnsafeURLError
from sitrep.ingest.decode import MAX_BYTES

if TYPE_CHECKING:
    import httpx

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch. `allow_loopback` exists for tests against a local server only."""

    timeout_s: float = 15.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    allow_loopback: bool = False
    user_agent: str = "sitrep/0.1 (+offline news analysis)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The body and final URL of a fetched page."""

    url: str
    final_url: str
    content: bytes
    content_type: str


def is_url(value: str) -> bool:
    """True when the string looks like a URL with a scheme (http, https, ftp, file, ...)."""
    return "://" in value[:16]


def address_is_public(address: str, *, allow_loopback: bool = False) -> bool:
    """True for a globally routable unicast address; loopback only when explicitly allowed."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 must be judged as 10.0.0.1
    if allow_loopback and ip.is_loopback:
        return True
    blocked = (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
               or ip.is_reserved or ip.is_unspecified or not ip.is_global)
    return not blocked


def check_url(url: str, *, allow_loopback: bool = False) -> list[str]:
    """Refuse non-http(s) URLs and hosts that resolve to any non-public address; return the checked addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeURLError(f"refusing {url!r}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(f"refusing {url!r}: no host name")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise BadInputError(f"cannot resolve host {host!r} of {url}: {exc}") from exc
    addresses = {info[4][0] for info in infos}
    unsafe = sorted(a for a in addresses if not address_is_public(a, allow_loopback=allow_loopback))
    if unsafe:  # one bad address is enough: a resolver can hand either to the client
        raise UnsafeURLError(f"refusing {url!r}: {host} resolves to non-public address {', '.join(unsafe)}")
    return sorted(addresses, key=lambda a: (":" in a, a))  # IPv4 first: more servers listen there


def pinned_request(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The URL rewritten to a checked address, with the Host header and TLS name of the original.

    Connecting to the address that was checked (not resolving the name again) is what stops
    DNS rebinding: a second lookup could answer with 127.0.0.1.
    """
    parts = urlsplit(url)
    literal = f"[{address}]" if ":" in address else address
    netloc = literal + (f":{parts.port}" if parts.port else "")
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    host = parts.netloc.rsplit("@", 1)[-1]  # never forward credentials embedded in a URL
    extensions = {"sni_hostname": parts.hostname or ""} if parts.scheme == "https" else {}
    return pinned, {"Host": host}, extensions


def fetch_url(url: str, policy: FetchPolicy = FetchPolicy()) -> FetchedPage:
    """GET a page under the policy, following redirects by hand so each hop is checked again."""
    import httpx

    current = url
    with httpx.Client(timeout=policy.timeout_s, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": policy.user_agent}) as client:
        for _hop in range(policy.max_redirects + 1):
            addresses = check_url(current, allow_loopback=policy.allow_loopback)
            try:
                with _open(client, current, addresses) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise BadInputError(f"{current}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise BadInputError(f"{current}: HTTP {response.status_code}")
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if content_type and content_type not in _TEXT_TYPES:
                        raise BadInputError(f"{current}: content type {content_type!r} is not an article page")
                    body = _read_capped(response, policy.max_bytes, current)
                    return FetchedPage(url=url, final_url=current, content=body, content_type=content_type)
            except httpx.TimeoutException as exc:
                raise BadInputError(f"{current}: timed out after {policy.timeout_s:.0f} s") from exc
            except httpx.HTTPError as exc:
                raise BadInputError(f"{current}: fetch failed ({type(exc).__name__}: {exc})") from exc
    raise BadInputError(f"{url}: more than {policy.max_redirects} redirects")


@contextmanager
def _open(client: "httpx.Client", url: str, addresses: list[str]) -> Iterator["httpx.Response"]:
    """Stream a GET from the first checked address that accepts a connection; close it afterwards."""
    import httpx

    for i, address in enumerate(addresses):
        pinned, headers, extensions = pinned_request(url, address)
        request = client.build_request("GET", pinned, headers=headers, extensions=extensions)
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError:
            if i == len(addresses) - 1:
                raise
            continue
        try:
            yield response
        finally:
            response.close()
        return
    raise BadInputError(f"{url}: no address to connect to")


def _read_capped(response: "httpx.Response", max_bytes: int, url: str) -> bytes:
    """Read a streamed body, stopping as soon as it passes the cap (Content-Length may lie or be absent)."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise BadInputError(f"{url}: {int(declared) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB cap")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise BadInputError(f"{url}: body passed the {max_bytes / 1e6:.1f} MB cap")
        chunks.append(chunk)
    return b"".join(chunks)
