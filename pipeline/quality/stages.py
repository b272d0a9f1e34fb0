"""Validation between stages: run a stage's suites, quarantine bad rows, alert, and block.

``validate_stage(name, paths, settings)`` is the one entry point the runner, the Airflow tasks
and the CLI call. The stages, in pipeline order:

- ``raw``: after fetch, ``raw_pages`` (the fetch log of the batch);
- ``articles``: after language, ``articles`` then ``comments`` (a quarantined article takes its
  comments with it);
- ``tags``: after tag, ``mentions``, ``framings``, ``dyads``;
- ``trends``: after load and before publish, ``daily_member_mentions`` plus the history checks
  ``daily_article_volume`` and ``source_freshness``, on frames read from the warehouse through a
  read-only connection that is closed before anything writes.

A failed ``block`` expectation raises :class:`ValidationFailed` after the alerts are out, so the
task fails and nothing later loads or publishes.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from pipeline.batch import BatchPaths
from pipeline.models import Alert, read_jsonl
from pipeline.quality import frames, quarantine
from pipeline.quality.alerts import alert_from_failure, append_alerts, dispatch_alerts
from pipeline.quality.docs import build_docs, prune_results, public_url, quality_dir
from pipeline.quality.policy import expectation_parameters, failing_rows
from pipeline.quality.suites import SuiteResult, docs_url, get_context, run_suite

log = logging.getLogger(__name__)

STAGE_SUITES: dict[str, tuple[str, ...]] = {
    "raw": ("raw_pages",),
    "articles": ("articles", "comments"),
    "tags": ("mentions", "framings", "dyads"),
    "trends": ("daily_member_mentions", "daily_article_volume", "source_freshness"),
}


@dataclass
class StageReport:
    """What validating one stage of one batch found and did."""

    stage: str
    batch_id: str
    results: list[SuiteResult] = field(default_factory=list)
    quarantined: dict[str, int] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)  # new alerts sent by this validation

    @property
    def blocking(self) -> list[Any]:
        return [f for r in self.results for f in r.blocking]

    @property
    def success(self) -> bool:
        return not self.blocking

    def counts(self) -> dict[str, int]:
        """Small numbers for run summaries."""
        return {"suites": len(self.results), "expectations": sum(r.evaluated for r in self.results),
                "failed": sum(len(r.failed) for r in self.results),
                "quarantined": sum(self.quarantined.values()), "alerts": len(self.alerts)}


class ValidationFailed(RuntimeError):
    """A blocking expectation failed; the message lists each one with where to look."""

    def __init__(self, report: StageReport) -> None:
        self.report = report
        lines = [f"stage '{report.stage}' of batch {report.batch_id}: "
                 f"{len(report.blocking)} blocking expectation(s) failed; nothing was loaded or published:"]
        for r in report.results:
            for f in r.blocking:
                lines.append(f"  - {f.suite}.{f.check} ({f.expectation}): observed {f.observed}")
            if r.blocking and r.docs_url:
                lines.append(f"    Data Docs: {r.docs_url}")
        super().__init__("\n".join(lines))


class _Run:
    """One stage's validation: the GX context, the parameters, and what it has found so far."""

    def __init__(self, stage: str, paths: BatchPaths, settings: Any) -> None:
        self.stage, self.paths, self.settings = stage, paths, settings
        self.context = get_context(settings.expectations_dir, quality_dir(settings))
        self.params = expectation_parameters(settings)
        self.report = StageReport(stage, paths.batch_id)
        self.alerts: list[Alert] = []
        self.rejected: list[quarantine.QuarantinedRow] = []
        self.quarantined_by: dict[str, dict[str, int]] = {}

    def check(self, suite: str, frame: pd.DataFrame, columns: list[str] | None = None) -> pd.Series:
        """Run a suite; return the mask of rows to quarantine (empty when none)."""
        result = run_suite(self.context, suite, frame, self.params, batch_id=self.paths.batch_id)
        self.report.results.append(result)
        reasons = {f.check: failing_rows(frame, f.expectation, f.kwargs, self.params)
                   for f in result.failed if f.on_failure == "quarantine"}
        bad = pd.Series(False, index=frame.index)
        for mask in reasons.values():
            bad |= mask
        if reasons:
            rows = quarantine.collect(suite, self.stage, self.paths.batch_id, frame, reasons,
                                      columns or list(frame.columns))
            self.rejected.extend(rows)
            self.report.quarantined[suite] = len(rows)
        self.quarantined_by[suite] = {check: int(mask.sum()) for check, mask in reasons.items()}
        return bad

    def finish(self) -> StageReport:
        """Write summaries and quarantine, send the alerts, and raise if a blocking check failed."""
        try:
            prune_results(self.settings)
            build_docs(self.context, [r.result_id for r in self.report.results])
        except Exception as exc:  # docs are for reading results; they must not hide them
            log.error("could not build Data Docs: %s", exc)
        for r in self.report.results:
            r.docs_url = public_url(docs_url(self.context, r.result_id), self.settings)
            counts = self.quarantined_by.get(r.suite, {})
            self.alerts += [alert_from_failure(f, self.paths.batch_id, r.docs_url, r.rows,
                                               counts.get(f.check, 0)) for f in r.failed]
        self.paths.validation_dir.mkdir(parents=True, exist_ok=True)
        for r in self.report.results:
            summary = {k: v for k, v in asdict(r).items() if k != "result_id"}
            (self.paths.validation_dir / f"{r.suite}.json").write_text(
                json.dumps(summary, indent=2, default=str), encoding="utf-8")
        if self.rejected:
            path = quarantine.write_file(self.paths, self.stage, self.rejected)
            log.warning("quarantined %d row(s) of batch %s: %s", len(self.rejected),
                        self.paths.batch_id, path)
            _record_quarantine(self.settings, self.rejected)
        append_alerts(self.paths, self.alerts)
        self.report.alerts = dispatch_alerts(self.paths, self.settings)
        if not self.report.success:
            raise ValidationFailed(self.report)
        return self.report


def _record_quarantine(settings: Any, rows: list[quarantine.QuarantinedRow]) -> None:
    from pipeline.warehouse.quality_records import record_quarantine

    try:
        record_quarantine(settings.private_db_path, settings.sql_dir, rows, settings.warehouse_lock_timeout_s)
    except Exception as exc:  # the quarantine file holds them; the table is a convenience
        log.error("could not record quarantined rows in %s: %s", settings.private_db_path, exc)


def _raw(run: _Run) -> None:
    paths = run.paths
    rows = list(read_jsonl(paths.raw_pages)) if paths.raw_pages.exists() else []
    frame = frames.raw_pages_frame(rows)
    bad = run.check("raw_pages", frame, columns=[c for c in frame.columns if c != "is_fetched"])
    if bad.any():
        dropped = set(frame.loc[bad, "url"].dropna())
        kept = set(frame.loc[~bad, "url"].dropna())
        quarantine.drop_raw_pages(paths, set(frame.index[bad.to_numpy()]), dropped - kept)


def _articles(run: _Run) -> None:
    paths = run.paths
    batch = frames.batch_frames(paths)
    articles = frames.articles_frame(batch["articles"])
    bad = run.check("articles", articles, columns=list(batch["articles"].columns))
    if bad.any():
        # Rows that share an id with a kept row (canonical duplicates) leave their comments be.
        gone = set(articles.loc[bad, "article_id"].dropna()) - set(articles.loc[~bad, "article_id"])
        quarantine.drop_parquet_mask(paths.articles, ~bad)
        quarantine.drop_dependents(paths, article_ids=gone)
        batch = frames.batch_frames(paths)
    comments = frames.comments_frame(batch["comments"], batch["articles"])
    bad = run.check("comments", comments, columns=list(batch["comments"].columns))
    if bad.any():
        gone = set(comments.loc[bad, "comment_id"].dropna()) - set(comments.loc[~bad, "comment_id"])
        quarantine.drop_parquet_mask(paths.comments, ~bad)
        quarantine.drop_dependents(paths, comment_ids=gone)


def _tags(run: _Run) -> None:
    paths = run.paths
    batch = frames.batch_frames(paths)
    texts = frames.doc_texts(batch["articles"], batch["comments"])
    members = set(run.params["member_codes"])
    tag_cols = ["doc_id", "doc_kind", "article_id", "start", "end", "surface", "taxonomy_version"]
    for suite, path, extra in (("mentions", paths.mentions, ["actor", "is_member"]),
                               ("framings", paths.framings, ["framing_id", "stance"])):
        raw = frames.read_stage(path, tag_cols + extra)
        frame = frames.tags_frame(raw, texts, members if suite == "mentions" else None)
        bad = run.check(suite, frame, columns=list(raw.columns))
        if bad.any():
            quarantine.drop_parquet_mask(path, ~bad)
    raw = frames.read_stage(paths.dyads, ["doc_id", "doc_kind", "article_id", "member_a", "member_b",
                                          "relation", "sentence_start", "taxonomy_version"])
    bad = run.check("dyads", frames.dyads_frame(raw, texts), columns=list(raw.columns))
    if bad.any():
        quarantine.drop_parquet_mask(paths.dyads, ~bad)


def _trends(run: _Run) -> None:
    warehouse = read_trend_frames(run.settings.private_db_path, run.paths.batch_id,
                                  run.settings.warehouse_lock_timeout_s)
    run.check("daily_member_mentions", warehouse["daily_member_mentions"])
    run.check("daily_article_volume", frames.volume_frame(
        warehouse["daily_volume"], list(warehouse["batch_days"]["day"]), warehouse["has_history"]))
    run.check("source_freshness", frames.freshness_frame(
        warehouse["sources"], warehouse["last_seen"], warehouse["has_history"]))


def read_trend_frames(db_path: Path, batch_id: str, lock_timeout_s: float = 900.0) -> dict[str, Any]:
    """The warehouse frames the trend suites need, read with a short read-only connection
    (after any writer of the warehouse has finished)."""
    from pipeline.warehouse.session import read_session

    if not Path(db_path).exists():
        raise FileNotFoundError(f"no warehouse at {db_path}: the trends stage runs after load")
    with read_session(db_path, lock_timeout_s) as con:
        days = con.execute("select distinct cast(published_at as date) as day from articles "
                           "where batch_id = ? and published_at is not null", [batch_id]).df()
        return {
            "batch_days": days,
            "daily_member_mentions": con.execute(
                "select * from daily_member_mentions where day is null or day in (select distinct cast(published_at as date)"
                " from articles where batch_id = ?)", [batch_id]).df(),
            "daily_volume": con.execute(
                "select cast(published_at as date) as day, count(*) as article_count from articles "
                "where published_at is not null group by 1").df(),
            "has_history": bool(con.execute(
                "select count(*) from articles where batch_id <> ?", [batch_id]).fetchone()[0]),
            "sources": con.execute("select source_id from sources where is_enabled order by 1").df(),
            "last_seen": con.execute(
                "select source_id, min(day) as first_day, max(day) as last_day from ("
                " select unnest(source_ids) as source_id, cast(published_at as date) as day"
                " from articles where published_at is not null) group by 1").df(),
        }


STAGE_RUNNERS: dict[str, Callable[[_Run], None]] = {
    "raw": _raw, "articles": _articles, "tags": _tags, "trends": _trends}


def validate_stage(stage: str, paths: BatchPaths, settings: Any) -> StageReport:
    """Validate one stage of a batch; quarantine, alert, and raise ValidationFailed on a block."""
    if stage not in STAGE_RUNNERS:
        raise ValueError(f"unknown validation stage '{stage}' (one of: {', '.join(STAGE_RUNNERS)})")
    run = _Run(stage, paths, settings)
    STAGE_RUNNERS[stage](run)
    return run.finish()
