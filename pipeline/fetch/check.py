"""`sources check`: can each feed be fetched and parsed right now? Nothing is stored."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pipeline.config import Settings
from pipeline.fetch.client import Fetcher
from pipeline.fetch.feeds import FeedError, read_feed
from pipeline.fetch.state import FetchState
from pipeline.models import Source
from pipeline.redaction import redact


@dataclass
class FeedCheck:
    """The result of fetching and parsing one feed once."""

    source_id: str
    url: str
    ok: bool
    status: int = 0
    format: str = ""  # rss20, atom10, ...
    content_type: str | None = None
    entries: int = 0
    newest_entry_at: str | None = None
    elapsed_s: float = 0.0
    reason: str | None = None  # why it failed, or the parser's warning when it recovered


def check_feed(fetcher: Fetcher, source: Source) -> FeedCheck:
    """Fetch one feed (obeying robots.txt and the safety rules) and try to parse it."""
    started = time.monotonic()
    result = fetcher.fetch(source.feed_url)
    check = FeedCheck(source.id, source.feed_url, ok=False, status=result.status,
                      content_type=result.headers.get("content-type"))
    if result.error or result.body is None:
        check.reason = result.error or f"HTTP {result.status} without a body"
    else:
        try:
            parsed = read_feed(result.body, source, result.final_url, check.content_type)
        except FeedError as exc:
            check.reason = str(exc)
        else:
            dates = [e.published_at for e in parsed.entries if e.published_at]
            check.ok, check.format, check.entries = True, parsed.format, len(parsed.entries)
            check.newest_entry_at = max(dates, default=None)
            check.reason = parsed.warning
    check.elapsed_s = round(time.monotonic() - started, 3)
    check.reason = redact(check.reason) if check.reason else check.reason
    return check


def check_sources(sources: list[Source], settings: Settings) -> list[FeedCheck]:
    """Check every source concurrently, within the politeness limits; results in input order.

    The robots.txt cache lives in memory only, so a check leaves the run's state untouched.
    """
    with FetchState(":memory:") as state, Fetcher(settings, state) as fetcher, \
            ThreadPoolExecutor(max_workers=max(1, settings.global_concurrency)) as pool:
        return list(pool.map(lambda s: check_feed(fetcher, s), sources))
