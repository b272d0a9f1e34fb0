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

import httpx

from pipeline.batch import BatchPaths
from pipeline.config import Settings
from pipeline.fetch.batch import make_client
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.safety import BlockedURL, check_url
from pipeline.fetch.urls import canonical_url
from pipeline.models import RawPage, write_jsonl

log = logging.getLogger(__name__)

ADHOC_SOURCE_ID = "adhoc"
URL_FILE_SUFFIX = ".txt"
# Touching this file in the inbox tells the orchestrator the URL files are complete.
READY_FLAG = "READY"


@dataclass
class AdhocReport:
    """What an ad-hoc fetch did: counts, the URL files it consumed and each failure's reason."""

    batch_id: str
    raw_pages_path: str
    url_files: list[str] = field(default_factory=list)
    pages_ok: int = 0
    pages_failed: int = 0
    failures: list[dict] = field(default_factory=list)


def inbox_dir(settings: Settings) -> Path:
    """The folder analysts drop URL files into."""
    return settings.data_dir / "inbox"


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

    Duplicates (by canonical URL) are fetched once; a bad line or a failed page is logged in
    ``fetch_log.jsonl`` with its reason and the rest goes on.
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

    store = RawStore(settings.data_dir / "raw")
    pages: list[RawPage] = []
    with make_client(settings) as client:
        for canon, url in unique.items():
            page = RawPage(url=url, canonical_url=canon, source_ids=[ADHOC_SOURCE_ID], status=0,
                           fetched_at=_now(), body_path=None, content_sha256=None)
            try:
                check_url(url, settings.allow_private)
                response = client.get(url)
                response.raise_for_status()
                if len(response.content) > settings.max_body_bytes:
                    raise ValueError(f"body of {len(response.content)} bytes exceeds "
                                     f"{settings.max_body_bytes}")
                sha, body_path = store.put(response.content)
                page.status, page.content_sha256 = response.status_code, sha
                page.body_path = str(body_path)
                page.content_type = response.headers.get("content-type")
                report.pages_ok += 1
            except (httpx.HTTPError, BlockedURL, ValueError) as exc:
                if isinstance(exc, httpx.HTTPStatusError):
                    page.status = exc.response.status_code
                page.error = str(exc)
                report.pages_failed += 1
                report.failures.append({"kind": "page", "source_id": ADHOC_SOURCE_ID, "url": url,
                                        "reason": str(exc), "at": _now()})
                log.warning("ad-hoc page %s failed: %s", url, exc)
            pages.append(page)
    paths.root.mkdir(parents=True, exist_ok=True)
    write_jsonl(paths.raw_pages, pages)
    write_jsonl(paths.fetch_log, report.failures)
    return report
