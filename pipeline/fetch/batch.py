"""The fetch stage: read every enabled feed, fetch each listed page once, keep the bodies."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

import httpx

from pipeline.batch import BatchPaths
from pipeline.config import Settings
from pipeline.fetch.feeds import FeedError, parse_feed
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.safety import BlockedURL, check_url
from pipeline.fetch.urls import canonical_url
from pipeline.models import FeedEntry, RawPage, Source, write_jsonl

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


@dataclass
class FetchReport:
    """What the fetch stage did: counts and the path of its manifest."""

    batch_id: str
    raw_pages_path: str
    feeds_ok: int = 0
    feeds_failed: int = 0
    pages_ok: int = 0
    pages_failed: int = 0
    failures: list[dict] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def _get(client: httpx.Client, url: str, settings: Settings) -> httpx.Response:
    check_url(url, settings.allow_private)
    response = client.get(url)
    response.raise_for_status()
    if len(response.content) > settings.max_body_bytes:
        raise ValueError(f"body of {len(response.content)} bytes exceeds {settings.max_body_bytes}")
    return response


def make_client(settings: Settings) -> httpx.Client:
    """An HTTP client with the project's User-Agent, timeouts and redirect limit."""
    return httpx.Client(
        headers={"User-Agent": settings.user_agent},
        timeout=httpx.Timeout(settings.timeout_s, connect=min(settings.timeout_s, 10.0)),
        follow_redirects=True,
        max_redirects=5,
    )


def collect_entries(
    sources: list[Source], client: httpx.Client, settings: Settings, report: FetchReport
) -> dict[str, tuple[FeedEntry, list[str]]]:
    """Entries of all feeds keyed by canonical URL, each with every source that listed it."""
    entries: dict[str, tuple[FeedEntry, list[str]]] = {}
    for source in sources:
        try:
            body = _get(client, source.feed_url, settings).content
            feed_entries = parse_feed(body, source)[: settings.max_entries_per_feed]
        except (httpx.HTTPError, BlockedURL, FeedError, ValueError) as exc:
            report.feeds_failed += 1
            report.failures.append({"kind": "feed", "source_id": source.id,
                                    "url": source.feed_url, "reason": str(exc), "at": _now()})
            log.warning("feed %s failed: %s", source.id, exc)
            continue
        report.feeds_ok += 1
        for entry in feed_entries:
            key = canonical_url(entry.url)
            if key in entries:
                if source.id not in entries[key][1]:
                    entries[key][1].append(source.id)
            else:
                entries[key] = (entry, [source.id])
    return entries


def fetch_batch(
    sources: list[Source], paths: BatchPaths, settings: Settings, progress: Progress | None = None
) -> FetchReport:
    """Fetch all feeds and their pages into the raw store; write ``raw_pages.jsonl``.

    A broken feed or page is recorded with its reason in ``fetch_log.jsonl`` and the batch goes on.
    """
    store = RawStore(settings.data_dir / "raw")
    report = FetchReport(batch_id=paths.batch_id, raw_pages_path=str(paths.raw_pages))
    pages: list[RawPage] = []
    with make_client(settings) as client:
        entries = collect_entries(sources, client, settings, report)
        for canon, (entry, source_ids) in entries.items():
            page = RawPage(
                url=entry.url, canonical_url=canon, source_ids=source_ids, status=0,
                fetched_at=_now(), body_path=None, content_sha256=None,
                entry_title=entry.title, entry_published_at=entry.published_at,
                entry_authors=entry.authors, entry_language=entry.language,
            )
            try:
                response = _get(client, entry.url, settings)
                sha, path = store.put(response.content)
                page.status = response.status_code
                page.content_sha256 = sha
                page.body_path = str(path)
                page.content_type = response.headers.get("content-type")
                report.pages_ok += 1
            except (httpx.HTTPError, BlockedURL, ValueError) as exc:
                if isinstance(exc, httpx.HTTPStatusError):
                    page.status = exc.response.status_code
                page.error = str(exc)
                report.pages_failed += 1
                report.failures.append({"kind": "page", "source_id": source_ids[0],
                                        "url": entry.url, "reason": str(exc), "at": _now()})
                log.warning("page %s failed: %s", entry.url, exc)
            pages.append(page)
            if progress:
                progress("fetch", 1)
    write_jsonl(paths.raw_pages, pages)
    write_jsonl(paths.fetch_log, report.failures)
    return report
