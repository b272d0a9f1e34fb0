"""The connection layer of the fetcher: TCP connections only to addresses the safety policy allows.

:func:`pipeline.fetch.safety.check_url` resolves a URL's host before the request and refuses
private addresses, but the HTTP client resolves the name again when it connects. A hostile DNS
server can answer with a public address the first time and 127.0.0.1 or 169.254.169.254 the
second (DNS rebinding). Here the name is resolved once more, at connect time, every address is
checked, and the socket is opened to a checked address; TLS still verifies the certificate
against the host name.
"""

from __future__ import annotations

import typing

import httpcore
import httpx

from pipeline.fetch.safety import allowed_addresses


class PinnedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that pass the safety policy."""

    def __init__(self, allow_private: tuple[str, ...] = (), resolve=None) -> None:
        self.allow_private = tuple(allow_private)
        self.resolve = resolve  # replaces DNS in tests; None means the system resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        """Resolve, check every address (raises BlockedURL), then connect to the first that answers."""
        error: Exception | None = None
        for ip in allowed_addresses(host, port, self.allow_private, self.resolve):
            try:
                return super().connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


def guarded_transport(allow_private: tuple[str, ...], limits: httpx.Limits, resolve=None) -> httpx.HTTPTransport:
    """An httpx transport whose connections go through :class:`PinnedBackend`.

    httpx does not take a network backend as an argument; the pool's backend is replaced after
    construction, and the assertion makes an httpcore upgrade that renames it fail loudly.
    """
    transport = httpx.HTTPTransport(limits=limits)
    pool = transport._pool
    assert hasattr(pool, "_network_backend"), "httpcore changed: cannot pin connections"
    pool._network_backend = PinnedBackend(allow_private, resolve)
    return transport
