"""URL canonicalisation: one article reached by two links is one article."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

import courlan


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, default port, sorted query without tracking parameters
    (utm_*, fbclid, gclid, ref, ...) and no fragment.

    courlan's non-strict mode is used on purpose: its strict mode also drops ordinary query
    parameters such as ``?aid=5``, which would merge distinct articles into one.
    """
    try:
        normal = courlan.normalize_url(url.strip())
    except Exception:  # courlan raises on some malformed URLs; keep the original then
        normal = url.strip()
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def url_id(url: str) -> str:
    """A stable id for a canonical URL (the article key across runs)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def origin_of(url: str) -> str:
    """``scheme://host[:port]``: the unit of politeness and of robots.txt (RFC 9309)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme}://{host}{port}"
