"""Ad-hoc URLs: pages an analyst asks for by hand, fetched into a batch like any feed's pages.

An analyst drops text files of URLs (one a line, ``#`` starts a comment) into the inbox folder,
or passes URLs directly. Each page gets the pseudo-source id ``adhoc`` and then goes through the
same stages as fetched feed pages.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline.batch import BatchPaths
from pipeline.config import Settings
from pipeline.fetch.client import Fetcher
from pipeline.fetch.handoff import queue_new_page
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.state import FetchState
from pipeline.fetch.urls import canonical_url
from pipeline.models import RawPage, write_jsonl
from pipeline.redaction import redact

log = logging.getLogger(__name__)

ADHOC_SOURCE_ID = "adhoc"
URL_FILE_SUFFIX = ".txt"


@dataclass
class AdhocReport:
    """What an ad-hoc fetch did: counts, the URL files it consumed and each failure's reason."""

    batch_id: str
    raw_pages_path: str
    url_files: list[str] = field(default_factory=list)
    pages_ok: int = 0
    pages_failed: int = 0
    failures: list[dict] = field(default_factory=list)


def parse_url_lines(text: str) -> tuple[list[str], list[str]]:
    """Split a URL file into (urls, rejected lines); blank lines and ``#`` comments are skipped."""
    urls: list[str] = []
    rejected: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith(("http://", "https://")) and " " not in line:
            urls.append(line)
        else:
            rejected.append(line)
    return urls, rejected


def claim_url_files(inbox: Path, paths: BatchPaths) -> list[Path]:
    """Move the inbox's URL files into the batch folder, so a second run cannot take them too."""
    claimed_dir = paths.root / "adhoc"
    claimed: list[Path] = []
    if not inbox.is_dir():
        return claimed
    for path in sorted(inbox.glob(f"*{URL_FILE_SUFFIX}")):
        claimed_dir.mkdir(parents=True, exist_ok=True)
        target = claimed_dir / path.name
        shutil.move(str(path), target)
        claimed.append(target)
    return claimed


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def fetch_urls(urls: list[str], paths: BatchPaths, settings: Settings,
               url_files: list[Path] = ()) -> AdhocReport:
    """Fetch the URLs (and those listed in ``url_files``) into the raw store; write the manifest.

    Pages go through the same fetcher as feed pages (safety checks, robots.txt, retries, size
    limits). Duplicates (by canonical URL) are fetched once; a bad line or a failed page is
    logged in ``fetch_log.jsonl`` with its reason and the rest goes on. An analyst asked for
    these pages, so each is processed even if an earlier run already saw the same body.
    """
    report = AdhocReport(batch_id=paths.batch_id, raw_pages_path=str(paths.raw_pages),
                         url_files=[str(p) for p in url_files])
    wanted = list(urls)
    for path in url_files:
        found, rejected = parse_url_lines(path.read_text(encoding="utf-8", errors="replace"))
        wanted += found
        report.failures += [{"kind": "url_line", "source_id": ADHOC_SOURCE_ID, "url": line,
                             "reason": f"not an http(s) URL (in {path.name})", "at": _now()}
                            for line in rejected]
    unique: dict[str, str] = {}
    for url in wanted:
        unique.setdefault(canonical_url(url), url)

    store = RawStore(settings.paths.raw_dir)
    pages: list[RawPage] = []
    with FetchState(settings.paths.fetch_state) as state, Fetcher(settings, state) as fetcher:
        for canon, url in unique.items():
            pages.append(_fetch_page(fetcher, state, store, canon, url, paths.batch_id, report))
    paths.root.mkdir(parents=True, exist_ok=True)
    write_jsonl(paths.raw_pages, pages)
    write_jsonl(paths.fetch_log, report.failures)
    return report


def _fetch_page(fetcher: Fetcher, state: FetchState, store: RawStore, canon: str, url: str,
                batch_id: str, report: AdhocReport) -> RawPage:
    page = RawPage(url=url, canonical_url=canon, source_ids=[ADHOC_SOURCE_ID], status=0,
                   fetched_at=_now(), body_path=None, content_sha256=None)
    result = fetcher.fetch(canon)
    page.status = result.status
    page.content_type = result.headers.get("content-type")
    if result.error is None and result.body is None:
        result.error = f"HTTP {result.status} without a body"
    if result.error:
        page.error = result.error
        report.pages_failed += 1
        report.failures.append({"kind": "page", "source_id": ADHOC_SOURCE_ID, "url": redact(url),
                                "reason": redact(result.error), "status": result.status, "at": _now()})
        log.warning("ad-hoc page %s failed: %s", url, result.error)
        return page
    sha, body_path = store.put(result.body, {"kind": "page", "source_ids": [ADHOC_SOURCE_ID],
                                             "batch_id": batch_id, "url": canon,
                                             "final_url": result.final_url,
                                             "status": result.status, "fetched_at": _now()})
    page.content_sha256, page.body_path = sha, str(body_path)
    state.add_url_sources(canon, [ADHOC_SOURCE_ID], _now())
    queue_new_page(state, page, batch_id)  # done once this batch has loaded
    report.pages_ok += 1
    return page
