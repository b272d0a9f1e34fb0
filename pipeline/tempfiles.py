"""Temp files a killed process left behind.

Every write goes to a temp file that is renamed into place, so a kill mid-write leaves the temp
file. Each is named for its writer (``<name>.<host>-<pid>.tmp``): a run removes the ones whose
writer on this host is gone, and any older than a live write could be (another host's, on a
shared disk, or an old unnamed one), so a process writing right now never loses its file.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import time
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".tmp"
# No single write takes this long; a temp file this old belongs to a process that died.
STALE_AFTER_S = 3600.0
_WRITER = re.compile(r"\.(?P<host>[A-Za-z0-9_-]+)-(?P<pid>\d+)\.tmp$")


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname())[:40] or "host"


def writer_tag() -> str:
    """``<host>-<pid>`` of this process, put into the names of its temp files."""
    return f"{_host()}-{os.getpid()}"


def temp_path_for(path: Path) -> Path:
    """Where to write ``path`` before renaming it into place."""
    return Path(path).with_name(f"{Path(path).name}.{writer_tag()}{TEMP_SUFFIX}")


def _writer_gone(path: Path) -> bool:
    match = _WRITER.search(path.name)
    if not match or match["host"] != _host():
        return False
    pid = int(match["pid"])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def remove_stale_temp_files(folders: list[Path], older_than_s: float = STALE_AFTER_S,
                            now: float | None = None) -> list[Path]:
    """Delete ``*.tmp`` files under ``folders`` whose writer has died or that are older than
    ``older_than_s``."""
    cutoff = (time.time() if now is None else now) - older_than_s
    removed = []
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in Path(folder).rglob(f"*{TEMP_SUFFIX}"):
            try:
                if path.is_file() and (_writer_gone(path) or path.stat().st_mtime < cutoff):
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:  # its owner renamed or removed it meanwhile
                continue
    if removed:
        log.warning("removed %d temp file(s) left by interrupted runs, e.g. %s", len(removed), removed[0])
    return removed
