"""What the crinkwatch DAGs share: their assets, pools, defaults and the failure callback.

Parsing must stay cheap: nothing here touches the disk, the network or the pipeline package;
the callback imports the alerting code only when a task has actually failed.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta, timezone
from typing import Any

from airflow.sdk import Asset

log = logging.getLogger(__name__)

START_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
TAGS = ["crinkwatch"]

# Asset events carry the batch reference (ids, paths, counts) as their extra; the consuming DAG
# reads its inputs from there, never from another DAG's XCom.
RAW_PAGES = Asset("raw_pages", group="crinkwatch")
VALIDATED_BATCH = Asset("validated_batch", group="crinkwatch")
TRENDS = Asset("trends", group="crinkwatch")

# Pools are created by scripts/airflow-local.sh and the compose init service.
FETCH_POOL = "crinkwatch_fetch"  # caps concurrent source fetches (politeness, bandwidth)
WAREHOUSE_POOL = "crinkwatch_warehouse"  # one slot: DuckDB takes a single writer process
POOLS = {FETCH_POOL: (4, "Concurrent crinkwatch source fetches"),
         WAREHOUSE_POOL: (1, "crinkwatch DuckDB writers (one at a time)")}


def notify_failure(context: dict[str, Any]) -> None:
    """Raise a data-quality alert for a failed task through the project's notifier."""
    try:
        from pipeline.quality.alerts import on_task_failure
    except ImportError:  # the notifier module is not installed in this build
        ti = context.get("task_instance") or context.get("ti")
        log.error("crinkwatch task failed: %s.%s (run %s): %s",
                  getattr(ti, "dag_id", "?"), getattr(ti, "task_id", "?"),
                  getattr(ti, "run_id", "?"), context.get("exception"))
        return
    on_task_failure(context)


DEFAULT_ARGS: dict[str, Any] = {
    "owner": "crinkwatch",
    "retries": 2,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=20),
    "execution_timeout": timedelta(minutes=30),
    "on_failure_callback": notify_failure,
}


def upstream_refs(asset: Asset, context: dict[str, Any]) -> list[dict[str, Any]]:
    """Batch references from the asset events that triggered this run, else from ``params``.

    Every queued event is returned, so two batches landing before one run starts are both processed.
    Manual runs (and ``dag.test()``) pass ``{"batches": [{"batch_id": ..., "batch_dir": ...}]}``.
    """
    events = context["triggering_asset_events"].get(asset, []) if context.get(
        "triggering_asset_events") else []
    refs = [dict(e.extra) for e in events if e.extra.get("batch_id")]
    refs = refs or [dict(r) for r in context["params"].get("batches") or []]
    if not refs:
        raise ValueError(f"no '{asset.name}' asset event and no 'batches' param: nothing to do")
    return refs


def data_dir() -> str:
    """The data folder from the environment (no disk access), as an absolute path."""
    return os.path.abspath(os.environ.get("CRINKWATCH_DATA_DIR", "data"))
