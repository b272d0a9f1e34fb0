"""Fetch sources one at a time (so an orchestrator can run them in parallel) and merge the parts.

Each source writes its own sub-manifest under ``runs/<batch_id>/sources/<source_id>/``; the merge
combines them into the batch's ``raw_pages.jsonl`` with one row per canonical URL, so a page that
two sources list is processed once and credited to both.
"""

from __future__ import annotations

from pipeline.batch import BatchPaths
from pipeline.config import Settings
from pipeline.fetch import FetchReport, fetch_batch
from pipeline.fetch.handoff import requeue_pending
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.state import FetchState
from pipeline.models import RawPage, read_jsonl, write_jsonl
from pipeline.sources import SourceConfigError, enabled_sources, is_source_id, load_sources


class UnknownSource(KeyError):
    """A source id is not among the enabled sources of the configured registry."""


def source_paths(paths: BatchPaths, source_id: str) -> BatchPaths:
    """Where one source's part of a batch is written (always a sub-folder of the batch)."""
    if not is_source_id(source_id):
        raise SourceConfigError(f"not a source id: {source_id!r}")
    return BatchPaths(paths.root / "sources" / source_id)


def enabled_source_ids(settings: Settings) -> list[str]:
    """The ids of the sources a run should fetch, in registry order."""
    return [s.id for s in enabled_sources(load_sources(settings.sources_path))]


def fetch_one_source(source_id: str, paths: BatchPaths, settings: Settings) -> FetchReport:
    """Fetch one enabled source into its own sub-manifest of the batch."""
    sources = {s.id: s for s in enabled_sources(load_sources(settings.sources_path))}
    if source_id not in sources:
        raise UnknownSource(f"source '{source_id}' is not enabled in {settings.sources_path}")
    part = source_paths(paths, source_id)
    part.root.mkdir(parents=True, exist_ok=True)
    return fetch_batch([sources[source_id]], part, settings, requeue=False)  # the merge re-queues


def _rank(page: RawPage) -> int:
    """Which copy of a page a merge keeps: new content, then any body, then a failure."""
    return 2 if not page.error and page.is_new else 1 if not page.error else 0


def merge_pages(parts: list[list[RawPage]]) -> list[RawPage]:
    """One page per canonical URL, the best copy kept; the sources' ids are united.

    Sources fetched in parallel share the fetch state, so when two list the same article the
    second may see it as already handed downstream; the merge keeps the copy marked new.
    """
    merged: dict[str, RawPage] = {}
    for pages in parts:
        for page in pages:
            seen = merged.get(page.canonical_url)
            if seen is None:
                merged[page.canonical_url] = page
                continue
            ids = seen.source_ids + [s for s in page.source_ids if s not in seen.source_ids]
            keep = page if _rank(page) > _rank(seen) else seen
            keep.source_ids = ids
            merged[page.canonical_url] = keep
    return list(merged.values())


def _merge_alerts(paths: BatchPaths, source_ids: list[str]) -> None:
    """Append the sources' alert rows to the batch's alerts file, keeping what is already there."""
    rows = list(read_jsonl(paths.alerts)) if paths.alerts.exists() else []
    known = {r.get("alert_id") for r in rows}
    for source_id in source_ids:
        part = source_paths(paths, source_id)
        if part.alerts.exists():
            rows += [r for r in read_jsonl(part.alerts) if r.get("alert_id") not in known]
    if rows:
        write_jsonl(paths.alerts, rows)


def merge_source_parts(paths: BatchPaths, source_ids: list[str],
                       settings: Settings | None = None) -> dict[str, int]:
    """Combine the sources' sub-manifests and fetch logs into the batch's; return page counts.

    With ``settings`` the batch also carries the pending pages of earlier batches that never
    loaded (a crashed or blocked run), so none is lost.
    """
    parts: list[list[RawPage]] = []
    log_rows: list[dict] = []
    for source_id in source_ids:
        part = source_paths(paths, source_id)
        parts.append(list(read_jsonl(part.raw_pages, RawPage)) if part.raw_pages.exists() else [])
        if part.fetch_log.exists():
            log_rows += list(read_jsonl(part.fetch_log))
    pages = merge_pages(parts)
    requeued = 0
    if settings is not None:
        with FetchState(settings.paths.fetch_state) as state:
            requeued = requeue_pending(state, RawStore(settings.paths.raw_dir), pages, paths.batch_id)
    write_jsonl(paths.raw_pages, pages)
    write_jsonl(paths.fetch_log, log_rows)
    _merge_alerts(paths, source_ids)
    ok = sum(1 for p in pages if not p.error)
    return {"pages": len(pages), "pages_ok": ok, "pages_failed": len(pages) - ok,
            "duplicates": sum(len(p) for p in parts) - (len(pages) - requeued), "requeued": requeued}

