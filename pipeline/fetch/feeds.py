"""Feed parsing: RSS/Atom bytes → FeedEntry records (feedparser)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone

import feedparser

from pipeline.models import FeedEntry, Source


class FeedError(ValueError):
    """The body is not a usable feed; the message says why."""


@dataclass
class ParsedFeed:
    """The entries of one feed body, its format, and what was wrong with it."""

    entries: list[FeedEntry]
    format: str  # feedparser's version, e.g. "rss20", "atom10"; "" when unknown
    warning: str | None = None  # feedparser's bozo reason when it recovered
    skipped: list[str] = field(default_factory=list)  # reasons for entries left out


def _entry_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).isoformat()
            except (OverflowError, ValueError):
                continue
    return None


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    head = body[:512].lstrip().lower()
    return (content_type or "").startswith("text/html") or head.startswith((b"<!doctype html", b"<html"))


def read_feed(
    body: bytes, source: Source, base_url: str | None = None, content_type: str | None = None,
) -> ParsedFeed:
    """Parse one feed body. Raises FeedError when nothing usable is in it.

    A feed with recoverable errors (feedparser's ``bozo``: bad XML, a wrong or missing charset)
    still yields its good entries; the error is kept as a warning. ``content_type`` is the
    response header, so feedparser can take the HTTP charset into account.
    """
    headers = {"content-location": base_url or source.feed_url}
    if content_type:
        headers["content-type"] = content_type
    if not body.strip():
        raise FeedError("empty body")
    parsed = feedparser.parse(body, response_headers=headers)
    reason = getattr(parsed, "bozo_exception", None)
    if not parsed.entries:
        if _looks_like_html(body, content_type) and not parsed.version:
            raise FeedError(f"not a feed: got an HTML page ({content_type or 'no content type'})")
        if parsed.version:
            raise FeedError(f"feed ({parsed.version}) has no entries")
        raise FeedError(f"no entries in feed ({reason})" if reason else "no entries in feed")
    lang = parsed.feed.get("language") or source.language
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    for i, e in enumerate(parsed.entries):
        link = (e.get("link") or "").strip()
        if not link:
            skipped.append(f"entry {i} ({e.get('title') or 'untitled'}): no link")
            continue
        authors = [a.get("name") for a in e.get("authors", []) if a.get("name")]
        entries.append(
            FeedEntry(
                source_id=source.id,
                url=link,
                title=e.get("title"),
                published_at=_entry_date(e),
                authors=authors or ([e["author"]] if e.get("author") else []),
                language=(lang or "").split("-")[0].lower() or None,
            )
        )
    if not entries:
        raise FeedError(f"none of the {len(parsed.entries)} entries has a link")
    warning = f"{type(reason).__name__}: {reason}" if parsed.bozo and reason else None
    return ParsedFeed(entries, parsed.version or "", warning, skipped)


def parse_feed(body: bytes, source: Source, base_url: str | None = None) -> list[FeedEntry]:
    """Entries of one feed body. Raises FeedError when nothing usable is in it."""
    return read_feed(body, source, base_url).entries
