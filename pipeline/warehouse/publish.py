"""Publish the private warehouse as the analysts' database: build a new file, check it, and
rename it over the old one in one step.

Analysts keep DuckDB open for hours, and a DuckDB file takes one writer and no readers while it
is open for writing. So the pipeline never writes the file analysts open. It loads its private
warehouse, then copies it into a fresh file next to ``settings.db_path``, materialises the
trend marts as tables there (fast queries), runs the checks in ``sql/checks``, and renames the
new file over the old. On Linux a rename leaves open files alone: a reader holding the old file
keeps reading the old snapshot until it reconnects, and every new connection sees the new one.
Nobody ever sees half a batch.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path

import duckdb

from pipeline.config import Settings
from pipeline.killpoints import kill_point
from pipeline.warehouse.connection import WarehouseMissing, warehouse_lock
from pipeline.warehouse.migrate import mart_names, view_files
from pipeline.warehouse.session import migrate_locked

log = logging.getLogger(__name__)

# The tables and views analysts are promised (README "For analysts"); publish refuses without them.
ANALYST_TABLES = ("articles", "comments", "mentions", "framings", "dyads", "sources", "alerts",
                  "members", "loaded_batches", "publish_info",
                  "mention_evidence", "framing_evidence", "dyad_evidence")


# The analyst database is built under ``.<name>.<random>.publishing`` and renamed into place.
STAGING_SUFFIX = ".publishing"


class PublishFailed(RuntimeError):
    """The new analyst database failed a check; the old one stays in place."""


def publish(settings: Settings) -> Path:
    """Build, check and atomically install the analyst database; return its path."""
    private, target = Path(settings.private_db_path), Path(settings.db_path)
    if not private.exists():
        raise WarehouseMissing(f"no private warehouse at {private}: load a batch first")
    target.parent.mkdir(parents=True, exist_ok=True)
    with warehouse_lock(private, settings.warehouse_lock_timeout_s):
        remove_stale_copies(target)
        migrate_locked(private, settings.sql_dir)
        staging = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}{STAGING_SUFFIX}")
        try:
            build_analyst_db(private, staging, settings.sql_dir)
            kill_point("publish_built")
            problems = check_analyst_db(staging, settings.sql_dir)
            if problems:
                raise PublishFailed(f"{len(problems)} check(s) failed; {target} was left as it was:\n"
                                    + "\n".join(f"  - {p}" for p in problems))
            _install(staging, target)
        finally:
            for leftover in (staging, staging.with_name(staging.name + ".wal")):
                leftover.unlink(missing_ok=True)
    log.info("published %s", target)
    return target


def remove_stale_copies(target: Path) -> list[Path]:
    """Delete the half-built copies (and their WALs) that killed publishes left beside ``target``.

    Publishes hold the warehouse lock, so while one runs no other copy can be in use.
    """
    stale = [p for p in target.parent.glob(f".{target.name}.*{STAGING_SUFFIX}*")
             if p.name.endswith((STAGING_SUFFIX, STAGING_SUFFIX + ".wal"))]
    for path in stale:
        log.warning("removing %s, left by an interrupted publish", path)
        path.unlink(missing_ok=True)
    return stale


def build_analyst_db(private: Path, out: Path, sql_dir: Path) -> None:
    """Copy the private warehouse into ``out`` and materialise the marts as tables there."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{_sql_str(private)}' as private_db (read_only)")
        con.execute(f"attach '{_sql_str(out)}' as analyst_db")
        con.execute("copy from database private_db to analyst_db")
        con.execute("detach private_db")
        con.execute("detach analyst_db")
    finally:
        con.close()
    con = duckdb.connect(str(out))
    try:
        con.execute("begin")
        evidence = [p.stem for p in view_files(sql_dir, "analyst")]
        for name in (*mart_names(sql_dir), *evidence):
            # Views that read a mart (checks, analyst queries) bind by name, so they read the table.
            # Evidence is stored by day, so a one-day lookup reads only that day's row groups.
            order = " order by day" if name in evidence else ""
            con.execute(f"create table {name}__materialised as select * from {name}{order}")
            con.execute(f"drop view {name}")
            con.execute(f"alter table {name}__materialised rename to {name}")
        _write_publish_info(con)
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()


def check_analyst_db(path: Path, sql_dir: Path) -> list[str]:
    """Problems found in a built analyst database: missing tables, failing ``sql/checks``."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        present = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        problems = [f"missing table or view {t}" for t in (*ANALYST_TABLES, *mart_names(sql_dir))
                    if t not in present]
        for check in sorted((Path(sql_dir) / "checks").glob("*.sql")):
            rows = con.execute(check.read_text(encoding="utf-8")).fetchall()
            problems += [f"{check.stem}: {problem} ({detail})" for problem, detail in rows[:5]]
        return problems
    finally:
        con.close()


def _write_publish_info(con: duckdb.DuckDBPyConnection) -> None:
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("articles", "comments", "mentions", "framings", "dyads")}
    con.execute("""
        create table publish_info as
        select current_timestamp                                          as published_at,
               (select max(version) from schema_migrations)               as schema_version,
               (select count(*) from loaded_batches)                      as batch_count,
               (select max(batch_id) from loaded_batches)                 as last_batch_id,
               (select min(published_on) from stg_articles)               as first_day,
               (select max(published_on) from stg_articles)               as last_day,
               (select list(distinct taxonomy_version order by taxonomy_version) from mentions)
                                                                          as taxonomy_versions,
               ?::json                                                    as row_counts""",
                [json.dumps(counts)])


def _install(staging: Path, target: Path) -> None:
    if staging.with_name(staging.name + ".wal").exists():
        raise PublishFailed(f"{staging} still has a write-ahead log; refusing to publish it")
    # A stale WAL beside the target would be replayed into the new file by the next opener.
    stale_wal = target.with_name(target.name + ".wal")
    if stale_wal.exists():
        log.warning("removing stale %s left by a writable connection to the analyst database", stale_wal)
        stale_wal.unlink()
    with staging.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(staging, target)
    dir_fd = os.open(target.parent, os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
