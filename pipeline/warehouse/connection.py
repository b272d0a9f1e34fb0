"""Open the warehouse files and serialise their writers.

DuckDB allows one writing process per file and fails the second at once; every writer of the
private warehouse (load, publish, re-tag, alerts, quarantine, migrate) takes the lock here first,
so writers queue up instead, and a writer that waited too long says so in one line.
"""

from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.paths import lock_path


class WarehouseBusy(RuntimeError):
    """Another process has held the warehouse lock for longer than we were willing to wait."""


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file (creating its folder when writing)."""
    if not read_only:
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(db_path), read_only=read_only)


@contextmanager
def warehouse_lock(db_path: Path, timeout_s: float = 900.0) -> Iterator[None]:
    """Hold an exclusive lock beside the private warehouse, so loads, re-tags and publishes
    queue up instead of failing on DuckDB's single-writer lock."""
    lock = lock_path(db_path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{db_path} is locked by another load or publish "
                                        f"(waited {timeout_s:.0f}s; lock file {lock})")
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
