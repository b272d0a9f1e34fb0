"""Which URLs a run may fetch: http(s) only, and no private, loopback, link-local or metadata
addresses unless the operator named the host explicitly (tests and the demo serve on 127.0.0.1).

Every hop is checked, redirects included, so a public feed cannot bounce the fetcher onto
169.254.169.254 or an intranet host. The check runs twice: on the URL before a request
(:func:`check_url`, for a clear reason in the log) and on the addresses a connection is actually
opened to (:mod:`pipeline.fetch.transport`), so a name that resolves to a public address for the
first and to a private one for the second (DNS rebinding) is refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints get their own reason in the log: a link to one is an attack, not a typo.
METADATA_ADDRESSES = frozenset({"169.254.169.254", "fd00:ec2::254", "100.100.100.200"})


class BlockedURL(ValueError):
    """The URL is refused before any request is sent; the message is the logged reason."""


class UnresolvableHost(BlockedURL):
    """The host has no address (DNS failure, or no network): nothing was sent."""


def _plain(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def normal_host(host: str) -> str:
    """A host as the allow list compares it: lower case, no IPv6 brackets, an IP literal in its
    canonical form (so ``[0:0::1]`` and ``::1`` are one host)."""
    bare = host.strip().lower()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        return bare


def is_allowed_private(host: str, allow_private: tuple[str, ...]) -> bool:
    """True when the operator named this host (or IP literal) with ``--allow-private``."""
    return normal_host(host) in {normal_host(h) for h in allow_private}


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address."""
    ip = _plain(ip)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [_plain(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnresolvableHost(f"cannot resolve host '{host}': {exc}") from exc
    return [_plain(ipaddress.ip_address(info[4][0].split("%", 1)[0])) for info in infos]


def allowed_addresses(host: str, port: int, allow_private: tuple[str, ...] = (),
                      resolve=None) -> list[IPAddress]:
    """The addresses ``host`` resolves to, all of which may be connected to; raises BlockedURL
    (or UnresolvableHost) otherwise. ``resolve`` replaces DNS, for tests."""
    host = normal_host(host)
    addresses = (resolve or _resolve)(host, port)
    if is_allowed_private(host, allow_private):
        return addresses
    for ip in addresses:
        # A mapped ::ffff:a.b.c.d is judged as a.b.c.d (_plain): allowing ::1 never opens 127.0.0.1.
        if is_public(ip) or is_allowed_private(str(ip), allow_private):
            continue
        if str(ip) in METADATA_ADDRESSES:
            raise BlockedURL(f"host '{host}' is the cloud metadata address {ip}; refused")
        raise BlockedURL(
            f"host '{host}' resolves to non-public address {ip}; "
            "pass --allow-private to fetch from it"
        )
    return addresses


def check_url(url: str, allow_private: tuple[str, ...] = ()) -> None:
    """Raise BlockedURL if ``url`` must not be fetched."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise BlockedURL(f"malformed URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise BlockedURL(f"scheme '{parts.scheme or 'none'}' is not allowed (http/https only)")
    if parts.username or parts.password:
        raise BlockedURL("URL carries credentials; refused")
    host = (parts.hostname or "").lower()
    if not host:
        raise BlockedURL("URL has no host")
    if is_allowed_private(host, allow_private):
        return
    allowed_addresses(host, port, allow_private)
