"""Transactions on the private warehouse: the one way any package writes it.

A write session takes the writers' lock, opens the file, brings its schema up to date and runs
the caller's statements in one transaction: committed together, or rolled back together when
anything fails, so a crash leaves the warehouse as it was before the session.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.warehouse.connection import (DEFAULT_LOCK_TIMEOUT_S, connect, require_database,
                                           warehouse_lock)
from pipeline.warehouse.migrate import migrate


@contextmanager
def write_session(db_path: Path, sql_dir: Path,
                  lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> Iterator[duckdb.DuckDBPyConnection]:
    """Lock, open and migrate ``db_path``; yield a connection inside one transaction."""
    with warehouse_lock(db_path, lock_timeout_s):
        con = connect(db_path)
        try:
            migrate(con, sql_dir)
            con.execute("begin")
            try:
                yield con
            except BaseException:
                con.execute("rollback")
                raise
            con.execute("commit")
        finally:
            con.close()


@contextmanager
def read_session(db_path: Path,
                 lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the private warehouse read-only, waiting for a writer to finish first."""
    require_database(db_path)
    with warehouse_lock(db_path, lock_timeout_s, shared=True):
        con = connect(db_path, read_only=True)
        try:
            yield con
        finally:
            con.close()


def migrate_warehouse(db_path: Path, sql_dir: Path,
                      lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> list[str]:
    """Bring the private warehouse's schema up to date; return the migrations applied now."""
    with warehouse_lock(db_path, lock_timeout_s):
        return migrate_locked(db_path, sql_dir)


def migrate_locked(db_path: Path, sql_dir: Path) -> list[str]:
    """:func:`migrate_warehouse` for a caller that already holds the writers' lock."""
    con = connect(db_path)
    try:
        return migrate(con, sql_dir)
    finally:
        con.close()
