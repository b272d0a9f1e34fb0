"""Stage entry points for orchestrators: each takes and returns a small reference dict.

A reference names the batch and its folder; payloads stay on disk. Settings come from the
environment (``CRINKWATCH_*``), so the Airflow workers and the CLI read the same configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.batch import BatchPaths, new_batch_id
from pipeline.config import Settings, load_settings

BatchRef = dict[str, Any]


def _paths(ref: BatchRef) -> BatchPaths:
    """The batch's paths, or one chunk's when the reference names a chunk (``chunk``)."""
    if ref.get("batch_dir"):
        paths = BatchPaths(Path(ref["batch_dir"]))
    else:
        paths = load_settings().paths.batch(ref["batch_id"])
    if ref.get("chunk") is None:
        return paths
    from pipeline.parallel import ChunkPaths

    return ChunkPaths.of(paths, int(ref["chunk"]))


def _settings() -> Settings:
    return load_settings()


def fetch_stage(batch_id: str | None = None) -> BatchRef:
    """Fetch every enabled source into a new batch; return its reference and counts."""
    from pipeline.fetch import fetch_batch
    from pipeline.sources import enabled_sources, load_sources

    settings = _settings()
    paths = settings.paths.batch(batch_id or new_batch_id())
    paths.root.mkdir(parents=True, exist_ok=True)
    report = fetch_batch(enabled_sources(load_sources(settings.sources_path)), paths, settings)
    from pipeline.quality.alerts import dispatch_alerts

    dispatch_alerts(paths, settings)  # feed-health alerts go out as soon as fetch knows them
    return {"batch_id": paths.batch_id, "batch_dir": str(paths.root),
            "raw_pages": str(paths.raw_pages), "pages_ok": report.pages_ok,
            "pages_failed": report.pages_failed, "feeds_failed": report.feeds_failed}


def plan_chunks_stage(refs: list[BatchRef]) -> list[BatchRef]:
    """Split each batch's pages into chunks of ``chunk_size``; one small reference per chunk."""
    from pipeline.parallel import plan_chunks

    chunk_size = _settings().chunk_size
    chunks = []
    for ref in refs:
        count = plan_chunks(_paths(ref), chunk_size)
        chunks += [{"batch_id": ref["batch_id"], "batch_dir": str(_paths(ref).root), "chunk": i}
                   for i in range(count)]
    return chunks


def merge_chunks_stage(ref: BatchRef, chunks: list[BatchRef]) -> BatchRef:
    """Merge a batch's processed chunks into its stage files; counts summed over the chunks."""
    from pipeline.parallel import STAGE_NAMES, merge_chunks, sum_counts

    mine = [c for c in chunks if c["batch_id"] == ref["batch_id"]]
    merge_chunks(_paths(ref))
    counts = sum_counts(mine)
    return {**ref, **{name: counts[name] for name in STAGE_NAMES}, "chunks": len(mine)}


def extract_stage(ref: BatchRef) -> BatchRef:
    """Extract articles and comments from the batch's (or one chunk's) raw pages."""
    from pipeline.extraction.late_comments import open_late_comments
    from pipeline.extraction.stage import extract_batch
    from pipeline.fetch.rawstore import RawStore
    from pipeline.sources import enabled_sources, load_sources

    settings = _settings()
    with open_late_comments(settings, enabled_sources(load_sources(settings.sources_path))) as late:
        counts = extract_batch(_paths(ref), RawStore(settings.paths.raw_dir), late=late)
    return {**ref, "extract": counts}


def language_stage(ref: BatchRef) -> BatchRef:
    """Label the batch's articles and comments with their language."""
    from pipeline.language import label_batch

    return {**ref, "language": label_batch(_paths(ref))}


def tag_stage(ref: BatchRef) -> BatchRef:
    """Tag the batch with the configured taxonomy."""
    from pipeline.tagging.stage import tag_batch

    return {**ref, "tag": tag_batch(_paths(ref), _settings().taxonomy_path)}


def validate_stage(ref: BatchRef, stages: tuple[str, ...] = ("raw", "articles", "tags")) -> BatchRef:
    """Validate the batch's stages before load; raises ValidationFailed (failing the task)."""
    from pipeline.quality import validate_stage as validate

    counts = {stage: validate(stage, _paths(ref), _settings()).counts() for stage in stages}
    return {**ref, "validated": True, "validation": counts}


def validate_trends_stage(ref: BatchRef) -> BatchRef:
    """Validate the warehouse's trend tables after load, before publish."""
    return validate_stage(ref, stages=("trends",))


def load_stage(ref: BatchRef) -> BatchRef:
    """Load the validated batch into the private warehouse (publish makes it visible)."""
    from pipeline.fetch.handoff import mark_batch_loaded
    from pipeline.sources import load_sources
    from pipeline.warehouse.load import load_batch

    settings = _settings()
    paths = _paths(ref)
    counts = load_batch(paths, settings.private_db_path, settings.sql_dir,
                        load_sources(settings.sources_path), settings.warehouse_lock_timeout_s)
    # Only now, after the load's commit, do the batch's pages count as done (a retry re-loads).
    counts["pages_done"] = mark_batch_loaded(paths, settings.paths.fetch_state)
    return {**ref, "load": counts, "private_db_path": str(settings.private_db_path)}


# Fan-out fetch: the ingest DAG maps one task over each enabled source, then merges the parts.

def new_batch_stage(batch_id: str | None = None) -> BatchRef:
    """Open a new batch folder; every mapped fetch writes its part under it."""
    paths = _settings().paths.batch(batch_id or new_batch_id())
    paths.root.mkdir(parents=True, exist_ok=True)
    return {"batch_id": paths.batch_id, "batch_dir": str(paths.root)}


def list_sources_stage() -> list[str]:
    """The ids of the enabled sources, one mapped fetch task each."""
    from pipeline.fanout import enabled_source_ids

    return enabled_source_ids(_settings())


def fetch_source_stage(ref: BatchRef, source_id: str) -> BatchRef:
    """Fetch one source into its sub-manifest of the batch; return its counts."""
    from pipeline.fanout import fetch_one_source

    report = fetch_one_source(source_id, _paths(ref), _settings())
    return {"source_id": source_id, "feeds_ok": report.feeds_ok,
            "feeds_failed": report.feeds_failed, "pages_ok": report.pages_ok,
            "pages_failed": report.pages_failed}


def merge_fetch_stage(ref: BatchRef, parts: list[BatchRef]) -> BatchRef:
    """Merge the sources' parts into the batch manifest; the result is the raw_pages event."""
    from pipeline.fanout import merge_source_parts
    from pipeline.quality.alerts import dispatch_alerts
    from pipeline.runner import NothingFetched

    parts = list(parts)
    paths = _paths(ref)
    failed = [p["source_id"] for p in parts if p["feeds_failed"]]
    counts = merge_source_parts(paths, [p["source_id"] for p in parts], _settings())
    dispatch_alerts(paths, _settings())  # feed-health alerts go out as soon as fetch knows them
    if parts and len(failed) == len(parts):
        raise NothingFetched(f"all {len(parts)} feeds failed ({', '.join(failed)}); "
                             f"reasons in {paths.fetch_log}")
    return {**ref, "origin": "ingest", "raw_pages": str(paths.raw_pages),
            "fetch_log": str(paths.fetch_log), "sources": [p["source_id"] for p in parts],
            "feeds_failed": failed, **counts}


def adhoc_fetch_stage(urls: list[str] | None = None, batch_id: str | None = None) -> BatchRef:
    """Fetch analyst-requested URLs (given, and from the inbox's files) into a new batch."""
    from pipeline.adhoc import claim_url_files, fetch_urls

    settings = _settings()
    paths = settings.paths.batch(batch_id or new_batch_id())
    paths.root.mkdir(parents=True, exist_ok=True)
    files = claim_url_files(settings.paths.inbox_dir, paths)
    if not urls and not files:
        raise ValueError(f"no URLs given and no *.txt URL file in {settings.paths.inbox_dir}")
    report = fetch_urls(list(urls or []), paths, settings, files)
    return {"batch_id": paths.batch_id, "batch_dir": str(paths.root), "origin": "adhoc",
            "raw_pages": str(paths.raw_pages), "fetch_log": str(paths.fetch_log),
            "url_files": report.url_files, "pages": report.pages_ok + report.pages_failed,
            "pages_ok": report.pages_ok, "pages_failed": report.pages_failed}


# Publishing side: the warehouse has one writer, so these run one at a time.

def publish_stage(ref: BatchRef) -> BatchRef:
    """Publish the private warehouse as the analysts' database (atomic file replace)."""
    from pipeline.warehouse.publish import publish

    return {**ref, "db_path": str(publish(_settings()))}


def trends_stage(ref: BatchRef) -> BatchRef:
    """Summarise the published daily trends; the result is the trends event."""
    from pipeline.warehouse.trends import daily_mentions

    settings = _settings()
    rows = daily_mentions(settings.db_path)
    days = sorted({str(r[0]) for r in rows})
    carried = {k: ref[k] for k in ("batch_id", "batch_ids", "taxonomy_version") if k in ref}
    return {**carried, "db_path": str(settings.db_path),
            "trend_rows": len(rows), "members": sorted({r[1] for r in rows}),
            "first_day": days[0] if days else None, "last_day": days[-1] if days else None}


def retag_stage(taxonomy_path: str | None = None, expected_version: str | None = None) -> BatchRef:
    """Re-tag the stored batches with a taxonomy into the warehouse (and republish it)."""
    from dataclasses import asdict

    from pipeline.tagging.lexicon import load_lexicon
    from pipeline.tagging.retag import retag_warehouse

    settings = _settings()
    taxonomy = Path(taxonomy_path) if taxonomy_path else settings.taxonomy_path
    version = load_lexicon(taxonomy).version
    if expected_version and version != expected_version:
        raise ValueError(f"{taxonomy} is version {version}, not the requested {expected_version}")
    result = asdict(retag_warehouse(settings, taxonomy))
    return {**result, "taxonomy_path": str(taxonomy), "db_path": str(settings.db_path)}
