"""Stage entry points for orchestrators: each takes and returns a small reference dict.

A reference names the batch and its folder; payloads stay on disk. Settings come from the
environment (``CRINKWATCH_*``), so the Airflow workers and the CLI read the same configuration.
"""

from __future__ import annotations

from typing import Any

from pipeline.batch import BatchPaths, new_batch_id
from pipeline.config import Settings, load_settings

BatchRef = dict[str, Any]


def _paths(ref: BatchRef) -> BatchPaths:
    return BatchPaths.for_batch(load_settings().runs_dir, ref["batch_id"])


def _settings() -> Settings:
    return load_settings()


def fetch_stage(batch_id: str | None = None) -> BatchRef:
    """Fetch every enabled source into a new batch; return its reference and counts."""
    from pipeline.fetch import fetch_batch
    from pipeline.sources import enabled_sources, load_sources

    settings = _settings()
    paths = BatchPaths.for_batch(settings.runs_dir, batch_id or new_batch_id())
    paths.root.mkdir(parents=True, exist_ok=True)
    report = fetch_batch(enabled_sources(load_sources(settings.sources_path)), paths, settings)
    from pipeline.quality.alerts import dispatch_alerts

    dispatch_alerts(paths, settings)  # feed-health alerts go out as soon as fetch knows them
    return {"batch_id": paths.batch_id, "batch_dir": str(paths.root),
            "raw_pages": str(paths.raw_pages), "pages_ok": report.pages_ok,
            "pages_failed": report.pages_failed, "feeds_failed": report.feeds_failed}


def extract_stage(ref: BatchRef) -> BatchRef:
    """Extract articles and comments from the batch's raw pages."""
    from pipeline.extract import extract_batch
    from pipeline.fetch.rawstore import RawStore

    counts = extract_batch(_paths(ref), RawStore(_settings().data_dir / "raw"))
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
    from pipeline.load import load_batch
    from pipeline.sources import load_sources

    settings = _settings()
    counts = load_batch(_paths(ref), settings.private_db_path, settings.sql_dir,
                        load_sources(settings.sources_path))
    return {**ref, "load": counts, "private_db_path": str(settings.private_db_path)}


def publish_stage(ref: BatchRef) -> BatchRef:
    """Publish the private warehouse as the analysts' database (atomic file replace)."""
    from pipeline.publish import publish

    return {**ref, "db_path": str(publish(_settings()))}
