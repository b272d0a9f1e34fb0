"""Temp files a killed process left behind: every stage writes ``<file>.tmp`` and renames it into
place, so a kill mid-write leaves the ``.tmp``. A run removes those old enough that no live
write can own them (another process may be writing its own batch right now)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_SUFFIX = ".tmp"
# No single write takes this long; a temp file this old belongs to a process that died.
STALE_AFTER_S = 3600.0


def remove_stale_temp_files(folders: list[Path], older_than_s: float = STALE_AFTER_S,
                            now: float | None = None) -> list[Path]:
    """Delete ``*.tmp`` files under ``folders`` last written more than ``older_than_s`` ago."""
    cutoff = (time.time() if now is None else now) - older_than_s
    removed = []
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in Path(folder).rglob(f"*{TEMP_SUFFIX}"):
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:  # its owner renamed or removed it meanwhile
                continue
    if removed:
        log.warning("removed %d temp file(s) left by interrupted runs, e.g. %s", len(removed), removed[0])
    return removed
