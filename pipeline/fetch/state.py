"""Fetch state that outlives a batch, in one SQLite file under ``data/state/``.

It holds HTTP validators (ETag, Last-Modified) and body hashes per URL, which sources listed
each article, the robots.txt cache and the feed health table. It is deliberately not in the
DuckDB warehouse: DuckDB takes a single writer, and analysts keep the warehouse open.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

SCHEMA = """
create table if not exists http_cache (
    url text primary key,
    etag text,
    last_modified text,
    content_sha256 text,
    status integer,
    fetched_at text
);
create table if not exists pages (
    canonical_url text primary key,
    content_sha256 text not null,
    first_batch_id text,
    last_batch_id text,
    updated_at text
);
create table if not exists url_sources (
    canonical_url text not null,
    source_id text not null,
    first_seen_at text not null,
    primary key (canonical_url, source_id)
);
create table if not exists robots (
    origin text primary key,
    status integer,
    body text,
    fetched_at real
);
create table if not exists feed_health (
    source_id text primary key,
    last_attempt_at text,
    last_success_at text,
    last_status integer,
    last_error text,
    consecutive_failures integer not null default 0,
    entries_seen integer not null default 0,
    newest_entry_at text,
    last_new_entry_at text,
    runs integer not null default 0,
    failures integer not null default 0
);
create table if not exists pending_pages (
    canonical_url text primary key,
    content_sha256 text not null,
    batch_id text not null,
    page text not null,
    queued_at text not null
);
create table if not exists page_failures (
    canonical_url text primary key,
    failures integer not null,
    first_failed_at text not null,
    last_failed_at text not null,
    last_status integer,
    last_error text,
    next_attempt_at text not null
);
"""


@dataclass
class CacheEntry:
    """What we know about the last fetch of one URL."""

    url: str
    etag: str | None
    last_modified: str | None
    content_sha256: str | None
    status: int | None
    fetched_at: str | None


@dataclass
class FeedHealth:
    """One row of the feed health table."""

    source_id: str
    last_attempt_at: str | None = None
    last_success_at: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    entries_seen: int = 0
    newest_entry_at: str | None = None
    last_new_entry_at: str | None = None
    runs: int = 0
    failures: int = 0


@dataclass
class PageFailure:
    """A page that failed on its last attempts, and when it may be fetched again."""

    canonical_url: str
    failures: int
    first_failed_at: str
    last_failed_at: str
    last_status: int | None
    last_error: str | None
    next_attempt_at: str


class FetchState:
    """The state store; safe to share between the fetch worker threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._con.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        with self._lock, self._con:
            if str(path) != ":memory:":
                self._con.execute("pragma journal_mode=wal")
                # WAL + NORMAL stays consistent after a crash; a power cut may drop the last
                # commits, which costs a refetch, not a wrong answer.
                self._con.execute("pragma synchronous=normal")
            self._con.executescript(SCHEMA)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "FetchState":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def _write(self, sql: str, args: tuple = ()) -> None:
        with self._lock, self._con:
            self._con.execute(sql, args)

    # HTTP validators ---------------------------------------------------------------------------
    def cache_entry(self, url: str) -> CacheEntry | None:
        rows = self._rows("select * from http_cache where url = ?", (url,))
        return CacheEntry(**dict(rows[0])) if rows else None

    def save_cache_entry(self, entry: CacheEntry) -> None:
        self._write(
            "insert or replace into http_cache values (?, ?, ?, ?, ?, ?)",
            (entry.url, entry.etag, entry.last_modified, entry.content_sha256, entry.status,
             entry.fetched_at),
        )

    # Pages handed to later stages ----------------------------------------------------------------
    # A page is *pending* from the fetch that found its new body until a batch carrying that body
    # has loaded; only then is it *done* (``pages``). A crash in between leaves it pending, and
    # the next run re-queues it, so no page is lost between fetch and load.
    def page_hash(self, canonical_url: str) -> str | None:
        """The content hash of the body of this article that a loaded batch carried."""
        rows = self._rows("select content_sha256 from pages where canonical_url = ?", (canonical_url,))
        return rows[0][0] if rows else None

    def queue_page(self, canonical_url: str, sha256: str, batch_id: str, page_json: str, at: str) -> None:
        """Note a new body as pending in ``batch_id`` (a later fetch of the page replaces it)."""
        self._write("insert or replace into pending_pages values (?, ?, ?, ?, ?)",
                    (canonical_url, sha256, batch_id, page_json, at))

    def pending_pages(self) -> list[sqlite3.Row]:
        """Every page fetched but not yet carried by a loaded batch, oldest first."""
        return self._rows("select * from pending_pages order by queued_at, canonical_url")

    def drop_pending(self, canonical_url: str, sha256: str) -> None:
        """Forget a pending body that no batch needs to carry any more."""
        self._write("delete from pending_pages where canonical_url = ? and content_sha256 = ?",
                    (canonical_url, sha256))

    def mark_loaded(self, pages: list[tuple[str, str]], batch_id: str, at: str) -> None:
        """Pages (canonical URL, content hash) of a batch that has loaded: done, not pending."""
        with self._lock, self._con:
            for canonical_url, sha256 in pages:
                self._con.execute(
                    """insert into pages values (?, ?, ?, ?, ?)
                       on conflict (canonical_url) do update set content_sha256 = excluded.content_sha256,
                       last_batch_id = excluded.last_batch_id, updated_at = excluded.updated_at""",
                    (canonical_url, sha256, batch_id, batch_id, at))
                self._con.execute("delete from pending_pages where canonical_url = ? and content_sha256 = ?",
                                  (canonical_url, sha256))

    # Which sources listed an article -------------------------------------------------------------
    def add_url_sources(self, canonical_url: str, source_ids: list[str], at: str) -> list[str]:
        """Record the sources listing an article; return all its sources, first seen first."""
        with self._lock, self._con:
            self._con.executemany(
                "insert or ignore into url_sources values (?, ?, ?)",
                [(canonical_url, s, at) for s in source_ids],
            )
            rows = self._con.execute(
                "select source_id from url_sources where canonical_url = ? "
                "order by first_seen_at, rowid", (canonical_url,)).fetchall()
        return [r[0] for r in rows]

    def sources_of(self, canonical_url: str) -> list[str]:
        """The sources that listed an article, first seen first."""
        return [r[0] for r in self._rows(
            "select source_id from url_sources where canonical_url = ? order by first_seen_at, rowid",
            (canonical_url,))]

    def known_urls(self, canonical_urls: list[str]) -> set[str]:
        """Which of these articles any earlier run has seen."""
        found: set[str] = set()
        for i in range(0, len(canonical_urls), 500):
            chunk = canonical_urls[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in self._rows(
                f"select distinct canonical_url from url_sources where canonical_url in ({marks})",
                tuple(chunk))}
        return found

    # robots.txt ----------------------------------------------------------------------------------
    def robots(self, origin: str) -> tuple[int, str, float] | None:
        rows = self._rows("select status, body, fetched_at from robots where origin = ?", (origin,))
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def save_robots(self, origin: str, status: int, body: str, fetched_at: float) -> None:
        self._write("insert or replace into robots values (?, ?, ?, ?)",
                    (origin, status, body, fetched_at))

    # Feed health ---------------------------------------------------------------------------------
    def feed_health(self, source_id: str) -> FeedHealth:
        rows = self._rows("select * from feed_health where source_id = ?", (source_id,))
        return FeedHealth(**dict(rows[0])) if rows else FeedHealth(source_id=source_id)

    def all_feed_health(self) -> list[FeedHealth]:
        return [FeedHealth(**dict(r)) for r in
                self._rows("select * from feed_health order by source_id")]

    def save_feed_health(self, h: FeedHealth) -> None:
        self._write(
            "insert or replace into feed_health values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (h.source_id, h.last_attempt_at, h.last_success_at, h.last_status, h.last_error,
             h.consecutive_failures, h.entries_seen, h.newest_entry_at, h.last_new_entry_at,
             h.runs, h.failures),
        )

    # Failed pages: retried with backoff across runs -----------------------------------------
    def page_failures(self) -> list[PageFailure]:
        """Every page waiting for another attempt, soonest first."""
        return [PageFailure(**dict(r)) for r in
                self._rows("select * from page_failures order by next_attempt_at, canonical_url")]

    def page_failure(self, canonical_url: str) -> PageFailure | None:
        rows = self._rows("select * from page_failures where canonical_url = ?", (canonical_url,))
        return PageFailure(**dict(rows[0])) if rows else None

    def save_page_failure(self, f: PageFailure) -> None:
        self._write("insert or replace into page_failures values (?, ?, ?, ?, ?, ?, ?)",
                    (f.canonical_url, f.failures, f.first_failed_at, f.last_failed_at,
                     f.last_status, f.last_error, f.next_attempt_at))

    def clear_page_failure(self, canonical_url: str) -> None:
        self._write("delete from page_failures where canonical_url = ?", (canonical_url,))

    def iter_cache(self) -> Iterator[dict[str, Any]]:
        for r in self._rows("select * from http_cache order by url"):
            yield dict(r)
