"""Feed parsing: RSS/Atom bytes → FeedEntry records (feedparser)."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

import feedparser

from pipeline.models import FeedEntry, Source


class FeedError(ValueError):
    """The body is not a usable feed; the message says why."""


def _entry_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).isoformat()
    return None


def parse_feed(body: bytes, source: Source, base_url: str | None = None) -> list[FeedEntry]:
    """Entries of one feed body. Raises FeedError when nothing usable is in it.

    A feed with recoverable errors (feedparser's ``bozo``) still yields its good entries.
    """
    parsed = feedparser.parse(body, response_headers={"content-location": base_url or source.feed_url})
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise FeedError(f"no entries in feed ({reason})" if reason else "no entries in feed")
    lang = parsed.feed.get("language") or source.language
    entries = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
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
    return entries
