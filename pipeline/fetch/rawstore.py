"""Content-addressed store of fetched bodies, gzip-compressed, written atomically."""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path


class RawStore:
    """Bodies under ``root/ab/abcdef….gz`` keyed by the SHA-256 of the uncompressed bytes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.gz"

    def put(self, body: bytes) -> tuple[str, Path]:
        """Store ``body`` once; return its hash and path. Re-putting the same body is free."""
        sha = hashlib.sha256(body).hexdigest()
        path = self.path_for(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(gzip.compress(body, compresslevel=6))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return sha, path

    def get(self, sha256: str) -> bytes:
        """The uncompressed body for a hash."""
        return gzip.decompress(self.path_for(sha256).read_bytes())
