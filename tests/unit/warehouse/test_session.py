"""The warehouse package's write path: one lock for every writer, one transaction per session,
one migration per table, and no temp files left behind by killed publishes."""

from __future__ import annotations

import fcntl
import re
import threading
import time

import duckdb
import pytest

from pipeline.config import SQL_DIR, load_settings
from pipeline.models import Alert
from pipeline.paths import lock_path
from pipeline.warehouse.connection import WarehouseBusy, warehouse_lock
from pipeline.warehouse.migrate import migrate, migration_files
from pipeline.warehouse.publish import STAGING_SUFFIX, publish
from pipeline.warehouse.quality_records import list_alerts, record_alerts
from pipeline.warehouse.session import write_session
from pipeline.warehouse.load import load_batch
from tests.unit.warehouse.batches import SOURCES, write_day


def _alert(n: int) -> Alert:
    return Alert(alert_id=f"a{n}", raised_at="2026-11-20T06:00:00+00:00", origin="validation",
                 suite="articles", check="c", severity="warning", observed=n, batch_id="b")


def test_every_table_is_created_by_exactly_one_migration():
    owners: dict[str, list[str]] = {}
    for path in migration_files(SQL_DIR):
        for table in re.findall(r"create\s+table\s+(?:if\s+not\s+exists\s+)?(\w+)",
                                path.read_text(encoding="utf-8"), flags=re.I):
            owners.setdefault(table, []).append(path.stem)
    assert owners and {t: o for t, o in owners.items() if len(o) > 1} == {}
    assert owners["alerts"] == ["0010_alerts_and_quarantine"]


def test_a_warehouse_migrated_when_alerts_had_two_migrations_still_ends_correct(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    migrate(con, SQL_DIR)
    con.execute("insert into schema_migrations (version) values ('0003_alerts')")  # the old record
    assert migrate(con, SQL_DIR) == []
    con.close()
    record_alerts(db, SQL_DIR, [_alert(1)])
    assert [r["observed"] for r in list_alerts(db)] == ["1"]


def test_a_failing_session_rolls_back_everything(tmp_path):
    db = tmp_path / "w.duckdb"
    record_alerts(db, SQL_DIR, [_alert(1)])
    with pytest.raises(RuntimeError):
        with write_session(db, SQL_DIR) as con:
            con.execute("delete from alerts")
            raise RuntimeError("crash half-way")
    assert len(list_alerts(db)) == 1


def test_a_writer_waits_for_the_lock_then_goes_ahead(tmp_path):
    db = tmp_path / "w.duckdb"
    released = threading.Event()

    def hold() -> None:
        with warehouse_lock(db):
            time.sleep(0.3)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.05)
    record_alerts(db, SQL_DIR, [_alert(2)], lock_timeout_s=60)  # queues behind the holder
    assert released.is_set()
    holder.join()


def test_a_busy_lock_is_reported_after_the_timeout(tmp_path):
    db = tmp_path / "w.duckdb"
    db.parent.mkdir(exist_ok=True)
    with lock_path(db).open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(WarehouseBusy, match=rf"{re.escape(str(db))} is locked by another writer"):
            record_alerts(db, SQL_DIR, [_alert(3)], lock_timeout_s=0.2)


def test_publish_removes_copies_left_by_killed_publishes(tmp_path):
    settings = load_settings(data_dir=tmp_path / "data")
    load_batch(write_day(settings.paths.runs_dir, "2026-11-20"), settings.private_db_path,
               settings.sql_dir, SOURCES)
    target = settings.db_path
    target.parent.mkdir(parents=True, exist_ok=True)
    stale = [target.with_name(f".{target.name}.dead0001{STAGING_SUFFIX}"),
             target.with_name(f".{target.name}.dead0001{STAGING_SUFFIX}.wal")]
    for path in stale:
        path.write_bytes(b"\0" * 4096)
    unrelated = target.with_name("notes.txt")
    unrelated.write_text("keep me")
    publish(settings)
    assert sorted(p.name for p in target.parent.iterdir() if p.is_file()) == sorted(
        ["notes.txt", target.name])
