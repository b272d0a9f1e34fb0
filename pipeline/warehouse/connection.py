"""Open the warehouse files and serialise their writers.

DuckDB allows one writing process per file and fails the second at once; every writer of the
private warehouse (load, publish, re-tag, alerts, quarantine, migrate) takes the lock here first,
so writers queue up instead, and a writer that waited too long says so in one line. Readers of
the private warehouse take the same lock shared, so they wait for a writer instead of failing.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

from pipeline.paths import lock_path

DEFAULT_LOCK_TIMEOUT_S = 900.0
# DuckDB reports a full or read-only disk as an IOException; these are the OS errors behind them.
DISK_ERRORS = {errno.ENOSPC: "No space left on device", errno.EROFS: "Read-only file system"}


class WarehouseBusy(RuntimeError):
    """Another process has held the warehouse lock for longer than we were willing to wait."""


class WarehouseMissing(FileNotFoundError):
    """A warehouse file that should be read does not exist."""


class WarehouseUnreadable(RuntimeError):
    """A file is not a DuckDB database, or a damaged one."""


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file (creating its folder when writing); a missing file to read, or one
    that is not an intact DuckDB database, raises a one-line error naming the file."""
    db_path = Path(db_path)
    if read_only:
        require_database(db_path)
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.IOException as exc:
        if "Could not set lock" in str(exc):
            raise WarehouseBusy(f"{db_path} is open for writing by another process") from exc
        for code, words in DISK_ERRORS.items():
            if words in str(exc):
                raise OSError(code, os.strerror(code), str(db_path)) from exc
        raise WarehouseUnreadable(unreadable_message(db_path, exc)) from exc
    # No Python replacement scans: a table missing from a wrong file must be an error, not a
    # silent read of a Python variable that happens to share its name. (A per-connection
    # setting: a connect-time config would clash with other connections to the same file.)
    con.execute("set python_enable_replacements = false")
    return con


def require_database(db_path: Path) -> None:
    """Raise WarehouseMissing, naming the file, unless ``db_path`` exists."""
    if not Path(db_path).exists():
        raise WarehouseMissing(f"no warehouse at {db_path}: run `crinkwatch run` first")


def unreadable_message(db_path: Path, exc: BaseException) -> str:
    """One line saying that ``db_path`` is not an intact DuckDB database, and DuckDB's reason."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"{db_path} is not a readable DuckDB database ({reason})"


@contextmanager
def warehouse_lock(db_path: Path, timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
                   shared: bool = False) -> Iterator[None]:
    """Hold the lock beside a warehouse file: exclusive for writers, ``shared`` for readers.

    Waits up to ``timeout_s`` for another holder, then raises WarehouseBusy.
    """
    lock = lock_path(db_path)
    if shared and not os.access(lock.parent, os.W_OK) and not lock.exists():
        yield  # a folder nobody may write to has no writer to wait for
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    # A reader may lock a file it cannot write (flock needs only an open file).
    read_only = shared and lock.exists() and not os.access(lock, os.W_OK)
    with lock.open("r" if read_only else "a") as fh:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fh, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{db_path} is locked by another writer (waited {timeout_s:g}s "
                                        f"for lock file {lock}; see CRINKWATCH_LOCK_TIMEOUT_S)")
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
