"""The fetch stage: read every enabled feed, fetch each listed page once, keep the bodies.

Feeds and pages are fetched concurrently within the politeness limits; everything a later run
needs (validators, hashes, which sources listed what, feed health) goes to the state store. The
batch's manifest ``raw_pages.jsonl`` lists every page with where its body is and whether it is
new; ``fetch_log.jsonl`` lists every feed, entry or page that failed, with its reason.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

from pipeline.batch import BatchPaths
from pipeline.config import Settings
from pipeline.fetch.client import Fetcher, FetchResult, FetchStats
from pipeline.fetch.failures import deferral_reason, is_due, record_attempt
from pipeline.fetch.handoff import queue_new_page, requeue_pending
from pipeline.fetch.feeds import FeedError, ParsedFeed, read_feed
from pipeline.fetch.health import (FeedOutcome, HealthThresholds, append_alerts, health_alerts,
                                   update_health)
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.state import CacheEntry, FetchState
from pipeline.fetch.urls import canonical_url, origin_of
from pipeline.models import FeedEntry, RawPage, Source, write_jsonl
from pipeline.redaction import redact

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]

PAGE_TYPES = ("html", "xml", "text/plain")
# Response headers worth keeping with a body; the rest is noise.
KEPT_HEADERS = ("content-type", "content-length", "content-encoding", "content-language", "etag",
                "last-modified", "date", "cache-control", "location", "retry-after", "server")


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
    feeds_not_modified: int = 0
    pages_new: int = 0
    pages_unchanged: int = 0  # 304 or same content hash as before: not reprocessed
    pages_deferred: int = 0  # failed on earlier runs and still waiting for the next attempt
    pages_requeued: int = 0  # fetched by an earlier batch that never loaded: carried again here
    entries: int = 0
    duplicate_entries: int = 0
    alerts: int = 0
    stats: FetchStats = field(default_factory=FetchStats)


@dataclass
class _FeedResult:
    source: Source
    fetch: FetchResult
    parsed: ParsedFeed | None = None
    error: str | None = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def _kept_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k in KEPT_HEADERS}


def _stored_headers(store: RawStore, sha256: str, url: str) -> dict[str, str]:
    """The kept headers of the latest stored fetch of ``url`` that returned this body."""
    fetches = [m for m in store.meta(sha256) if m.get("url") == url] or store.meta(sha256)
    return dict(fetches[-1].get("headers") or {}) if fetches else {}


def _validators(state: FetchState, store: RawStore, url: str) -> tuple[CacheEntry | None, dict]:
    """The cached entry and conditional-GET arguments, only when we still hold the body."""
    cached = state.cache_entry(url)
    if cached and cached.content_sha256 and store.has(cached.content_sha256):
        return cached, {"etag": cached.etag, "last_modified": cached.last_modified}
    return None, {}


def _fetch_body(
    fetcher: Fetcher, state: FetchState, store: RawStore, url: str, meta: dict,
) -> tuple[FetchResult, str | None]:
    """GET with validators; on 200 keep the body, on 304 reuse the stored one. Return the result
    and the content hash of the body in the store (None on failure)."""
    cached, conditional = _validators(state, store, url)
    result = fetcher.fetch(url, **conditional)
    if result.not_modified and cached:
        # A 304 carries no Content-Type; the stored response's headers still describe the body
        # (RFC 9111 4.3.4), and without them a good feed reads as a malformed one.
        result.headers = {**_stored_headers(store, cached.content_sha256, url), **result.headers}
        return result, cached.content_sha256
    if result.error or result.body is None:
        if result.not_modified:  # a 304 we did not ask for: nothing to reuse
            result.error = "HTTP 304 without a cached body"
        return result, None
    sha, _ = store.put(result.body, {**meta, "url": url, "final_url": result.final_url,
                                     "status": result.status, "fetched_at": _now(),
                                     "headers": _kept_headers(result.headers)})
    state.save_cache_entry(CacheEntry(url, result.headers.get("etag"),
                                      result.headers.get("last-modified"), sha, result.status, _now()))
    return result, sha


def _fetch_feed(fetcher: Fetcher, state: FetchState, store: RawStore, source: Source,
                settings: Settings, batch_id: str) -> _FeedResult:
    try:
        return _fetch_feed_unguarded(fetcher, state, store, source, settings, batch_id)
    except Exception as exc:  # a bug or a disk error on one feed must not end the batch
        log.exception("feed %s: unexpected error", source.id)
        return _FeedResult(source, FetchResult(source.feed_url, source.feed_url),
                           error=f"unexpected error: {type(exc).__name__}: {exc}")


def _fetch_feed_unguarded(fetcher: Fetcher, state: FetchState, store: RawStore, source: Source,
                          settings: Settings, batch_id: str) -> _FeedResult:
    result, sha = _fetch_body(fetcher, state, store, source.feed_url,
                              {"kind": "feed", "source_ids": [source.id], "batch_id": batch_id})
    out = _FeedResult(source, result)
    if sha is None:
        out.error = result.error
        return out
    try:
        out.parsed = read_feed(store.get(sha), source, result.final_url,
                               result.headers.get("content-type"))
        out.parsed.entries = out.parsed.entries[: settings.max_entries_per_feed]
    except FeedError as exc:
        out.error = str(exc)
    return out


def _round_robin(items: Iterable[tuple[str, FeedEntry, list[str]]]) -> list[tuple[str, FeedEntry, list[str]]]:
    """Interleave pages by origin, so one slow or strict host does not hold every worker."""
    by_origin: OrderedDict[str, list] = OrderedDict()
    for item in items:
        by_origin.setdefault(origin_of(item[0]), []).append(item)
    queues = list(by_origin.values())
    out = []
    while queues:
        out.extend(q.pop(0) for q in queues)
        queues = [q for q in queues if q]
    return out


def _is_page_type(content_type: str | None) -> bool:
    return not content_type or any(t in content_type.lower() for t in PAGE_TYPES)


def fetch_batch(
    sources: list[Source], paths: BatchPaths, settings: Settings, progress: Progress | None = None,
    requeue: bool = True,
) -> FetchReport:
    """Fetch all feeds and their pages into the raw store; write ``raw_pages.jsonl``.

    A broken feed or page is recorded with its reason in ``fetch_log.jsonl`` and the batch goes on.
    With ``requeue`` the batch also carries the pending pages of earlier batches that never
    loaded (:mod:`pipeline.fetch.handoff`); a per-source part of a batch leaves that to its merge.
    """
    store = RawStore(settings.paths.raw_dir)
    report = FetchReport(batch_id=paths.batch_id, raw_pages_path=str(paths.raw_pages))
    log_rows: list[dict] = report.failures
    thresholds = HealthThresholds(settings.feed_failure_threshold, settings.feed_silence_days)
    pages: list[RawPage] = []
    with FetchState(settings.paths.fetch_state) as state, Fetcher(settings, state) as fetcher, \
            ThreadPoolExecutor(max_workers=max(1, settings.global_concurrency)) as pool:
        report.stats = fetcher.stats

        def note(kind: str, source_id: str, url: str, reason: str, status: int = 0) -> None:
            # The fetch log is a log: a token in a feed's URL or an error stays out of it.
            url, reason = redact(url), redact(reason)
            log_rows.append({"kind": kind, "source_id": source_id, "url": url, "reason": reason,
                             "status": status, "at": _now()})
            log.warning("%s %s (source %s): %s", kind, url, source_id, reason)

        # 1. feeds
        futures = [pool.submit(_fetch_feed, fetcher, state, store, s, settings, paths.batch_id)
                   for s in sources]
        feed_results = [f.result() for f in futures]  # keep registry order: it decides source order

        entries: OrderedDict[str, tuple[FeedEntry, list[str]]] = OrderedDict()
        outcomes: list[FeedOutcome] = []
        for fr in feed_results:
            src = fr.source
            if fr.parsed is None:
                report.feeds_failed += 1
                note("feed", src.id, src.feed_url, fr.error or "unknown error", fr.fetch.status)
                outcomes.append(FeedOutcome(src.id, ok=False, status=fr.fetch.status, error=fr.error))
                continue
            report.feeds_ok += 1
            report.feeds_not_modified += fr.fetch.not_modified
            if fr.parsed.warning:
                note("feed_warning", src.id, src.feed_url,
                     f"recovered from a malformed feed: {fr.parsed.warning}", fr.fetch.status)
            for reason in fr.parsed.skipped:
                note("entry", src.id, src.feed_url, reason, fr.fetch.status)
            dates = [e.published_at for e in fr.parsed.entries if e.published_at]
            outcome = FeedOutcome(src.id, ok=True, status=fr.fetch.status,
                                  entries=len(fr.parsed.entries), newest_entry_at=max(dates, default=None))
            outcomes.append(outcome)
            for entry in fr.parsed.entries:
                report.entries += 1
                key = canonical_url(entry.url)
                if key in entries:
                    report.duplicate_entries += 1
                    if src.id not in entries[key][1]:
                        entries[key][1].append(src.id)
                else:
                    entries[key] = (entry, [src.id])

        # 2. which sources ever listed each article; which entries are new to every earlier run
        known = state.known_urls(list(entries))
        new_by_source: dict[str, int] = {}
        listed: list[tuple[str, FeedEntry, list[str]]] = []
        at = _now()
        for key, (entry, source_ids) in entries.items():
            if key not in known:
                for sid in source_ids:
                    new_by_source[sid] = new_by_source.get(sid, 0) + 1
            listed.append((key, entry, state.add_url_sources(key, source_ids, at)))
        for outcome in outcomes:
            outcome.new_entries = new_by_source.get(outcome.source_id, 0)

        # 3. pages
        def fetch_page(item: tuple[str, FeedEntry, list[str]]) -> RawPage:
            try:
                return fetch_page_unguarded(item)
            except Exception as exc:  # one page must not end the batch
                key, entry, source_ids = item
                log.exception("page %s: unexpected error", entry.url)
                return RawPage(url=entry.url, canonical_url=key, source_ids=source_ids, status=0,
                               fetched_at=_now(), body_path=None, content_sha256=None,
                               entry_title=entry.title, entry_published_at=entry.published_at,
                               entry_authors=entry.authors, entry_language=entry.language,
                               error=f"unexpected error: {type(exc).__name__}: {exc}")

        def fetch_page_unguarded(item: tuple[str, FeedEntry, list[str]]) -> RawPage:
            key, entry, source_ids = item
            page = RawPage(
                url=entry.url, canonical_url=key, source_ids=source_ids, status=0,
                fetched_at=_now(), body_path=None, content_sha256=None,
                entry_title=entry.title, entry_published_at=entry.published_at,
                entry_authors=entry.authors, entry_language=entry.language,
            )
            result, sha = _fetch_body(fetcher, state, store, key,
                                      {"kind": "page", "source_ids": source_ids,
                                       "batch_id": paths.batch_id, "listed_url": entry.url})
            page.status = result.status
            page.response_headers = _kept_headers(result.headers)
            page.content_type = result.headers.get("content-type")
            if sha is None:
                page.error = result.error
                return page
            page.content_sha256 = sha
            page.body_path = str(store.path_for(sha))
            if not _is_page_type(page.content_type):
                page.error = f"not a web page (content type {page.content_type})"
                return page
            # New until a loaded batch has carried this body: a 304 for a page whose batch never
            # loaded (a crash, a blocked validation) is still new.
            page.is_new = state.page_hash(key) != sha
            if page.is_new:
                queue_new_page(state, page, paths.batch_id)
            return page

        # A page that failed on earlier runs waits out its backoff (1, 2, 4 … days).
        attempt_at = datetime.now(timezone.utc)
        failed_before = {f.canonical_url: f for f in state.page_failures()}
        due = []
        for item in listed:
            failure = failed_before.get(item[0])
            if is_due(failure, attempt_at):
                due.append(item)
            else:
                report.pages_deferred += 1
                log_rows.append({"kind": "page_deferred", "source_id": item[2][0],
                                 "url": redact(item[1].url), "reason": redact(deferral_reason(failure)),
                                 "status": failure.last_status or 0, "at": _now()})
        order = {key: i for i, (key, _, _) in enumerate(due)}
        futures = [pool.submit(fetch_page, item) for item in _round_robin(due)]
        for fut in as_completed(futures):
            page = fut.result()
            pages.append(page)
            record_attempt(state, failed_before.get(page.canonical_url), page.canonical_url,
                           page.status, page.error, attempt_at, settings)
            if page.error:
                report.pages_failed += 1
                note("page", page.source_ids[0], page.url, page.error, page.status)
            else:
                report.pages_ok += 1
                if page.is_new:
                    report.pages_new += 1
                else:
                    report.pages_unchanged += 1
            if progress:
                progress("fetch", 1)
        pages.sort(key=lambda p: order[p.canonical_url])
        if requeue:
            report.pages_requeued = requeue_pending(state, store, pages, paths.batch_id)
            report.pages_new += report.pages_requeued
            report.pages_failed = sum(1 for p in pages if p.error)
            report.pages_ok = len(pages) - report.pages_failed

        # 4. feed health and its alerts
        # Rows record when things happened; alerts judge silence at the run's as-of moment.
        happened, judged_at = datetime.now(timezone.utc), settings.now()
        alerts = []
        for outcome in outcomes:
            health = update_health(state.feed_health(outcome.source_id), outcome, happened)
            state.save_feed_health(health)
            alerts.extend(health_alerts(health, thresholds, judged_at, paths.batch_id))
        report.alerts = append_alerts(paths.alerts, alerts)

    write_jsonl(paths.raw_pages, pages)
    write_jsonl(paths.fetch_log, log_rows)
    return report
