"""Run every stage once, in order, over one batch. The CLI and the demo call this; the DAGs call
the same stage functions one task each."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

from pipeline.batch import BatchPaths, new_batch_id
from pipeline.config import Settings
from pipeline.fetch import fetch_batch
from pipeline.fetch.handoff import mark_batch_loaded
from pipeline.killpoints import kill_point
from pipeline.warehouse.load import load_batch
from pipeline.models import Source
from pipeline.warehouse.publish import publish
from pipeline.sources import enabled_sources
from pipeline.parallel import STAGE_NAMES, ChunkRun, start_workers
from pipeline.tempfiles import remove_stale_temp_files
from pipeline.quality import validate_stage
from pipeline.quality.alerts import dispatch_alerts

log = logging.getLogger(__name__)

# validate_* check the stage before them; a blocking failure stops the run there.
STAGES = ("fetch", "validate_raw", "process", "validate_articles", "validate_tags", "load",
          "validate_trends", "publish")

# progress(stage, advance); advance 0 announces a stage, with ``total`` known when possible.
Progress = Callable[..., None]


class NothingFetched(RuntimeError):
    """Every feed failed, so there is nothing to process; the message lists the reasons."""


@dataclass
class RunResult:
    """What one run did, stage by stage."""

    batch_id: str
    batch_dir: str
    db_path: str
    counts: dict[str, dict] = field(default_factory=dict)
    # Wall seconds per step; "process" is extract, language and tag together, whose own
    # entries are summed over the chunks (worker time: with N workers it exceeds the wall time).
    seconds: dict[str, float] = field(default_factory=dict)


def run_once(
    settings: Settings, sources: list[Source], batch_id: str | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Fetch, extract, label, tag, validate and load one batch; raise on a blocking failure."""
    remove_stale_temp_files([settings.paths.runs_dir, settings.paths.raw_dir])
    paths = settings.paths.batch(batch_id or new_batch_id())
    paths.root.mkdir(parents=True, exist_ok=True)
    result = RunResult(paths.batch_id, str(paths.root), str(settings.db_path))
    active = enabled_sources(sources)

    clock = {"stage": "", "start": time.perf_counter()}

    def step(name: str) -> None:
        now = time.perf_counter()
        if clock["stage"]:
            result.seconds[clock["stage"]] = round(now - clock["start"], 3)
        clock.update(stage=name, start=now)
        if not name:  # the end of the last stage
            return
        kill_point(name)
        log.info("stage %s (batch %s)", name, paths.batch_id)
        if progress:
            progress(name, 0)

    fetched_pages = 0

    def fetch_progress(stage: str, advance: int = 0, **kw: object) -> None:
        nonlocal fetched_pages
        fetched_pages += advance
        kill_point(f"{stage}:{fetched_pages}")  # mid-stage, after N pages
        if progress:
            progress(stage, advance, **kw)

    # The workers start now and pay the process stage's one-time costs (parsers, every date
    # locale, the taxonomy) while this process fetches.
    with start_workers(settings.worker_count, settings.taxonomy_path) as workers:
        step("fetch")
        staged = _fetch_and_process(active, paths, settings, result, step, fetch_progress, progress,
                                    workers)
    for name in STAGE_NAMES:
        result.counts[name] = staged[name]
        result.seconds[name] = staged["seconds"].get(name, 0.0)
    _validate("articles", paths, settings, result, step)
    _validate("tags", paths, settings, result, step)
    step("load")
    result.counts["load"] = load_batch(paths, settings.private_db_path, settings.sql_dir, sources,
                                       settings.warehouse_lock_timeout_s)
    kill_point("loaded")
    # Only now, after the load's commit, do the batch's pages count as done: a crash before this
    # line leaves them pending, and the next run carries them again.
    result.counts["load"]["pages_done"] = mark_batch_loaded(paths, settings.paths.fetch_state)
    _validate("trends", paths, settings, result, step)
    step("publish")
    result.counts["publish"] = {"analyst_db": str(publish(settings))}
    step("")
    return result


def _fetch_and_process(active: list[Source], paths: BatchPaths, settings: Settings, result: RunResult,
                       step: Callable[[str], None], fetch_progress: Progress, progress: Progress | None,
                       workers: ProcessPoolExecutor) -> dict[str, dict]:
    """Fetch the batch, then process it on ``workers`` while its raw pages are validated."""
    fetched = fetch_batch(active, paths, settings, fetch_progress)
    result.counts["fetch"] = {"feeds_ok": fetched.feeds_ok, "feeds_failed": fetched.feeds_failed,
                              "pages_ok": fetched.pages_ok, "pages_failed": fetched.pages_failed,
                              "pages_new": fetched.pages_new, "pages_requeued": fetched.pages_requeued,
                              "pages_deferred": fetched.pages_deferred}
    if active and fetched.feeds_ok == 0:
        dispatch_alerts(paths, settings)  # the feed-health alerts of the failed feeds
        reasons = "\n".join(f"  - {f['source_id']}: {f['reason']}" for f in fetched.failures)
        raise NothingFetched(f"all {len(active)} feeds failed:\n{reasons}")
    return _process_while_validating_raw(paths, settings, active, result, step, progress, workers)


def _process_while_validating_raw(paths: BatchPaths, settings: Settings, active: list[Source],
                                  result: RunResult, step: Callable[[str], None],
                                  progress: Progress | None, workers: ProcessPoolExecutor
                                  ) -> dict[str, dict]:
    """Extract, label and tag on ``workers`` while this process validates the raw pages
    (importing Great Expectations on the way); the outputs are those of the two in turn.

    The workers read the chunks planned from the fetched pages. When the validation quarantines
    some of them (``raw_pages.jsonl`` changes), that work is dropped and the process stage runs
    again on what the validation kept; when it blocks, the work is dropped and the run stops.
    """
    step("validate_raw")
    fetched = paths.raw_pages.read_bytes() if paths.raw_pages.exists() else b""

    def start_chunks() -> ChunkRun:
        return ChunkRun(paths, settings.paths.raw_dir, settings.taxonomy_path,
                        workers=settings.worker_count, chunk_size=settings.chunk_size,
                        late_comments=(settings, active)).start(workers)

    chunks = start_chunks()
    try:
        result.counts["validate_raw"] = validate_stage("raw", paths, settings).counts()
    except BaseException:
        chunks.cancel()
        raise
    kept = paths.raw_pages.read_bytes() if paths.raw_pages.exists() else b""
    step("process")
    if kept != fetched:
        chunks.cancel()
        log.info("the raw validation quarantined pages of batch %s: processing what it kept",
                 paths.batch_id)
        chunks = start_chunks()
    return chunks.finish(progress)


def _validate(stage: str, paths: BatchPaths, settings: Settings, result: RunResult,
              step: Callable[[str], None]) -> None:
    step(f"validate_{stage}")
    result.counts[f"validate_{stage}"] = validate_stage(stage, paths, settings).counts()
