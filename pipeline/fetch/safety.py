"""Which URLs a run may fetch: http(s) only, and no private, loopback or metadata addresses
unless the operator named the host explicitly (tests and the demo serve on 127.0.0.1)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class BlockedURL(ValueError):
    """The URL is refused before any request is sent; the message is the logged reason."""


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


def check_url(url: str, allow_private: tuple[str, ...] = ()) -> None:
    """Raise BlockedURL if ``url`` must not be fetched."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedURL(f"scheme '{parts.scheme or 'none'}' is not allowed (http/https only)")
    host = parts.hostname
    if not host:
        raise BlockedURL("URL has no host")
    if host in allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise BlockedURL(f"cannot resolve host '{host}': {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not _is_public(ip) and str(ip) not in allow_private:
            raise BlockedURL(
                f"host '{host}' resolves to non-public address {ip}; "
                "pass --allow-private to fetch from it"
            )
