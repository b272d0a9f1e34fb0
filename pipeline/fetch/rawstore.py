"""Content-addressed store of fetched bodies, gzip-compressed, written atomically.

Each body sits at ``root/ab/<sha256>.gz`` keyed by the SHA-256 of the uncompressed bytes, with
``<sha256>.meta.jsonl`` beside it: one line per fetch that returned that body (URL, status,
headers, time, sources). Both are written to a temp file, flushed and renamed into place, so a
crash leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from pipeline.tempfiles import writer_tag


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named for its writer, so a later run can tell a dead process's leftover from a live write.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=f".{writer_tag()}.tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RawStore:
    """Bodies under ``root/ab/abcdef….gz`` keyed by the SHA-256 of the uncompressed bytes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._meta_lock = threading.Lock()

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.gz"

    def meta_path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.meta.jsonl"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put(self, body: bytes, meta: dict[str, Any] | None = None) -> tuple[str, Path]:
        """Store ``body`` once; return its hash and path. Re-putting the same body is free.

        ``meta`` (the fetch that produced it) is appended to the body's metadata file.
        """
        sha = hashlib.sha256(body).hexdigest()
        path = self.path_for(sha)
        if not path.exists():
            _atomic_write(path, gzip.compress(body, compresslevel=6, mtime=0))
        if meta is not None:
            self.add_meta(sha, meta)
        return sha, path

    def add_meta(self, sha256: str, meta: dict[str, Any]) -> None:
        """Append one fetch record to a body's metadata file (atomically rewritten)."""
        line = (json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        meta_path = self.meta_path_for(sha256)
        with self._meta_lock:
            old = meta_path.read_bytes() if meta_path.exists() else b""
            _atomic_write(meta_path, old + line)

    def meta(self, sha256: str) -> list[dict[str, Any]]:
        """Every recorded fetch of a body, oldest first."""
        path = self.meta_path_for(sha256)
        if not path.exists():
            return []
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]

    def get(self, sha256: str) -> bytes:
        """The uncompressed body for a hash."""
        return gzip.decompress(self.path_for(sha256).read_bytes())
