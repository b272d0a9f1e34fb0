"""A fixture HTTP server for the bundled demo site, on a loopback address (127.0.0.1 or ::1).

It serves ``pipeline/demo/site/`` and writes its own base URL wherever a file says ``{{BASE}}``,
so feeds and pages link to whatever port it got. The demo and the tests both use it.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import socket
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

SITE_DIR = Path(__file__).resolve().parent / "site"
PLACEHOLDER = b"{{BASE}}"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}

# A route handler gets the request handler and returns nothing; it writes the response itself.
Route = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body waits for the client's
    # delayed ACK of the headers (tens of ms a response on loopback, which no real server adds).
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        path = urlsplit(self.path).path
        self.server.requests.append(path)
        if self.server.latency_s:
            time.sleep(self.server.latency_s)
        route = self.server.routes.get(path)
        if route is not None:
            route(self)
            return
        target = (self.server.root / path.lstrip("/")).resolve()
        if self.server.root not in target.parents or not target.is_file():
            self._send(404, b"not found", "text/plain; charset=utf-8")
            return
        body = target.read_bytes().replace(PLACEHOLDER, self.server.base_url.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        mtime = int(target.stat().st_mtime)
        validators = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
        if self._not_modified(etag, mtime):
            self.send_response(304)
            for k, v in validators.items():
                self.send_header(k, v)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(200, body, CONTENT_TYPES.get(target.suffix, "application/octet-stream"), validators)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """Conditional GET: If-None-Match wins over If-Modified-Since (RFC 9110)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [t.strip() for t in if_none_match.split(",")] or if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return mtime <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        if self.server.gzip and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body)
            headers = {**(headers or {}), "Content-Encoding": "gzip"}
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    base_url: str
    routes: dict[str, Route]
    requests: list[str]
    latency_s: float
    gzip: bool

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up (keep-alive close, a timeout the test provoked)."""
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


def base_url_for(host: str, port: int) -> str:
    """``http://host:port``, with an IPv6 literal in brackets (RFC 3986)."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class DemoServer:
    """Serve a site folder on a loopback address (IPv4 or IPv6); use as a context manager.

    >>> with DemoServer() as server:
    ...     server.base_url  # doctest: +SKIP
    'http://127.0.0.1:54321'
    """

    def __init__(self, root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0,
                 latency_s: float = 0.0, gzip: bool = False) -> None:
        server_class = _Server6 if ":" in host else _Server
        self._server = server_class((host, port), _Handler)
        self._server.root = Path(root).resolve()
        self._server.routes = {}
        self._server.requests = []
        # Added delay per response (benchmarks) and gzip of file bodies when the client asks.
        self._server.latency_s = latency_s
        self._server.gzip = gzip
        self._server.base_url = base_url_for(host, self._server.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return self._server.base_url

    @property
    def requests(self) -> list[str]:
        """Paths requested so far, in order (tests use it to count fetches)."""
        return self._server.requests

    def add_route(self, path: str, handler: Route) -> None:
        """Answer ``path`` with ``handler`` instead of a file (fault routes for tests)."""
        self._server.routes[path] = handler

    def start(self) -> "DemoServer":
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "DemoServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_on_preferred_port(port: int, **kwargs: object) -> "DemoServer":
    """A demo server on ``port`` if it is free, else on any free port (check ``base_url``).

    The demo's article URLs contain the port, so a stable port keeps the same articles the same
    from one ``crinkwatch demo`` to the next; a busy port still lets the demo run.
    """
    try:
        return DemoServer(port=port, **kwargs)  # type: ignore[arg-type]
    except OSError as exc:
        if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
            raise
        return DemoServer(port=0, **kwargs)  # type: ignore[arg-type]
