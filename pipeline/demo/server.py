"""A fixture HTTP server for the bundled demo site, on 127.0.0.1 and a free port.

It serves ``pipeline/demo/site/`` and writes its own base URL wherever a file says ``{{BASE}}``,
so feeds and pages link to whatever port it got. The demo and the tests both use it.
"""

from __future__ import annotations

import threading
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

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        path = urlsplit(self.path).path
        self.server.requests.append(path)
        route = self.server.routes.get(path)
        if route is not None:
            route(self)
            return
        target = (self.server.root / path.lstrip("/")).resolve()
        if self.server.root not in target.parents or not target.is_file():
            self._send(404, b"not found", "text/plain; charset=utf-8")
            return
        body = target.read_bytes().replace(PLACEHOLDER, self.server.base_url.encode())
        self._send(200, body, CONTENT_TYPES.get(target.suffix, "application/octet-stream"))

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
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


class DemoServer:
    """Serve a site folder on 127.0.0.1; use as a context manager.

    >>> with DemoServer() as server:
    ...     server.base_url  # doctest: +SKIP
    'http://127.0.0.1:54321'
    """

    def __init__(self, root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port), _Handler)
        self._server.root = Path(root).resolve()
        self._server.routes = {}
        self._server.requests = []
        self._server.base_url = f"http://{host}:{self._server.server_address[1]}"
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
