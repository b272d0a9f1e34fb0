"""Alert records: built from failed expectations, kept in the batch and the warehouse, sent out.

Every alert of a batch is first appended to the batch's ``alerts.jsonl`` (ingestion appends its
feed-health alerts there too). :func:`dispatch_alerts` then puts each record not yet in the
warehouse's ``alerts`` table there and sends those new ones through the notifiers, so a retried
task or a re-validated batch does not page anyone twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any, Sequence

from pipeline.batch import BatchPaths
from pipeline.models import Alert, read_jsonl, write_jsonl
from pipeline.quality.notifiers import Notifier, build_notifiers, notify
from pipeline.quality.policy import SEVERITY

log = logging.getLogger(__name__)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def stable_id(*parts: str) -> str:
    """The same problem in the same batch always gets the same alert id."""
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:20]


def alert_from_failure(failure: Any, batch_id: str, docs_url: str | None, rows: int,
                       quarantined: int = 0) -> Alert:
    """An Alert for one failed expectation (a FailedExpectation from suites.run_suite)."""
    column = failure.kwargs.get("column") or failure.kwargs.get("column_list") or (
        f"{failure.kwargs.get('column_A')},{failure.kwargs.get('column_B')}" if "column_A" in failure.kwargs else "")
    details = [failure.why, f"{failure.expectation} {_short(failure.kwargs)}", f"on {rows} rows",
               f"action: {failure.on_failure}"]
    if quarantined:
        details.append(f"{quarantined} row(s) quarantined")
    if failure.sample:
        details.append(f"sample: {failure.sample}")
    return Alert(alert_id=stable_id(batch_id, failure.suite, failure.check), raised_at=now_iso(),
                 origin="validation", suite=failure.suite, check=failure.check,
                 severity=SEVERITY.get(failure.on_failure, "critical"), observed=failure.observed,
                 batch_id=batch_id, subject=f"{failure.suite}.{column}" if column else failure.suite,
                 details="; ".join(d for d in details if d), docs_url=docs_url)


def _short(kwargs: dict[str, Any]) -> str:
    text = json.dumps(kwargs, default=str, ensure_ascii=False)
    return text if len(text) <= 300 else text[:297] + "..."


def append_alerts(paths: BatchPaths, alerts: Sequence[Alert]) -> int:
    """Add alerts to the batch's alerts.jsonl, skipping ids already there; return how many."""
    existing = list(read_jsonl(paths.alerts)) if paths.alerts.exists() else []
    seen = {r.get("alert_id") for r in existing}
    new = [asdict(a) for a in alerts if a.alert_id not in seen]
    if new:
        write_jsonl(paths.alerts, existing + new)
    return len(new)


def batch_alerts(paths: BatchPaths) -> list[Alert]:
    """Every alert record of a batch (validation and feed health)."""
    return list(read_jsonl(paths.alerts, Alert)) if paths.alerts.exists() else []


def send_alerts(alerts: Sequence[Alert], settings: Any,
                notifiers: Sequence[Notifier] | None = None) -> list[Alert]:
    """Record alerts in the warehouse and notify the new ones; a database error still notifies."""
    from pipeline.warehouse.quality_records import record_alerts

    try:
        new = record_alerts(settings.private_db_path, settings.sql_dir, alerts,
                            settings.warehouse_lock_timeout_s)
    except Exception as exc:  # the warehouse may be locked; the alert must still go out
        log.error("could not record %d alert(s) in %s: %s", len(alerts), settings.private_db_path, exc)
        new = list(alerts)
    notify(new, notifiers if notifiers is not None else build_notifiers(settings))
    return new


def dispatch_alerts(paths: BatchPaths, settings: Any,
                    notifiers: Sequence[Notifier] | None = None) -> list[Alert]:
    """Route every alert in the batch's alerts.jsonl to the warehouse and the notifiers (once)."""
    return send_alerts(batch_alerts(paths), settings, notifiers)


def alert_from_task_context(context: dict[str, Any]) -> Alert:
    """An Alert describing a failed orchestrator task, from its (Airflow-style) context dict."""
    ti = context.get("task_instance") or context.get("ti")
    dag_id = getattr(ti, "dag_id", None) or str(context.get("dag_id", "?"))
    task_id = getattr(ti, "task_id", None) or str(context.get("task_id", "?"))
    run_id = getattr(ti, "run_id", None) or str(context.get("run_id", ""))
    try_number = getattr(ti, "try_number", None)
    exc = context.get("exception")
    batch_id = ""
    for key in ("params", "ref"):
        value = context.get(key)
        if isinstance(value, dict) and value.get("batch_id"):
            batch_id = str(value["batch_id"])
    is_validation = type(exc).__name__ == "ValidationFailed"
    details = f"dag {dag_id}, run {run_id}, try {try_number}"
    if is_validation:
        details += "; the failed expectations were alerted separately"
    if log_url := getattr(ti, "log_url", None):
        details += f"; log: {log_url}"
    return Alert(alert_id=stable_id("task", str(dag_id), str(task_id), str(run_id), str(try_number)),
                 raised_at=now_iso(), origin="pipeline", suite=str(dag_id), check="task_failed",
                 severity="critical", observed=(str(exc).splitlines() or ["task failed"])[0][:500],
                 batch_id=batch_id, subject=f"{dag_id}.{task_id}", details=details)


def on_task_failure(context: dict[str, Any]) -> None:
    """Failure callback for orchestrator tasks: record and send an alert via the notifiers."""
    from pipeline.config import load_settings

    try:
        send_alerts([alert_from_task_context(context)], load_settings())
    except Exception as exc:  # a callback that raises would hide the task's own failure
        log.error("failure callback could not send its alert: %s", exc)
