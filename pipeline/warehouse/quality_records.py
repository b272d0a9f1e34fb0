"""The data-quality tables of the private warehouse: ``alerts`` and ``quarantine``.

Validation writes them through a write session (the writers' lock, one transaction); the
``crinkwatch alerts`` command reads them back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from pipeline.models import Alert
from pipeline.warehouse.connection import DEFAULT_LOCK_TIMEOUT_S, connect
from pipeline.warehouse.session import read_session, write_session


def record_alerts(db_path: Path, sql_dir: Path, alerts: Sequence[Alert],
                  lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> list[Alert]:
    """Insert alerts not yet in the ``alerts`` table; return the new ones."""
    if not alerts:
        return []
    with write_session(db_path, sql_dir, lock_timeout_s) as con:
        ids = [a.alert_id for a in alerts]
        known = {r[0] for r in con.execute(
            "select alert_id from alerts where alert_id in (select unnest(?))", [ids]).fetchall()}
        new = [a for a in {a.alert_id: a for a in alerts}.values() if a.alert_id not in known]
        if not new:
            return []
        con.executemany(
            "insert into alerts (alert_id, raised_at, origin, suite, check_name, severity, observed,"
            " batch_id, subject, details, docs_url) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [[a.alert_id, a.raised_at, a.origin, a.suite, a.check, a.severity, str(a.observed),
              a.batch_id, a.subject, a.details, a.docs_url] for a in new])
    return new


def record_quarantine(db_path: Path, sql_dir: Path, rows: Sequence[Any],
                      lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> None:
    """Insert (or replace) quarantined rows (``quality.quarantine.QuarantinedRow``)."""
    if not rows:
        return
    with write_session(db_path, sql_dir, lock_timeout_s) as con:
        con.executemany("insert or replace into quarantine values (?, ?, ?, ?, ?, ?, ?, ?)",
                        [[r.batch_id, r.stage, r.table_name, r.row_key, r.checks, r.reason,
                          r.row_json, r.quarantined_at] for r in rows])


def list_alerts(db_path: Path, since: str | None = None, limit: int = 200, private: bool = True,
                lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> list[dict[str, Any]]:
    """Alerts newest first, optionally from a date or time on, from the private warehouse
    (``private``: waiting for a writer) or an analyst copy."""
    if private:
        with read_session(db_path, lock_timeout_s) as con:
            return _select_alerts(con, since, limit)
    con = connect(db_path, read_only=True)
    try:
        return _select_alerts(con, since, limit)
    finally:
        con.close()


def _select_alerts(con: Any, since: str | None, limit: int) -> list[dict[str, Any]]:
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if "alerts" not in tables:
        return []
    sql = ("select raised_at, severity, origin, suite, check_name, subject, observed, batch_id,"
           " docs_url, details from alerts")
    params: list[Any] = []
    if since:
        sql += " where raised_at >= cast(? as timestamptz)"
        params.append(since)
    cur = con.execute(sql + " order by raised_at desc, suite, check_name limit ?", params + [limit])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]
