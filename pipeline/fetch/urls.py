"""URL canonicalisation: one article reached by two links is one article."""

from __future__ import annotations

import hashlib

import courlan


def canonical_url(url: str) -> str:
    """Lower-case host, drop tracking parameters and the fragment (via courlan)."""
    try:
        return courlan.normalize_url(url, strict=True)
    except Exception:  # courlan raises on some malformed URLs; keep the original then
        return url.split("#", 1)[0]


def url_id(url: str) -> str:
    """A stable id for a canonical URL (the article key across runs)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
