"""Read a hand-written JSON Lines label file, naming the file and line of anything malformed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator


def numbered_objects(path: Path, error: type[Exception]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of every non-blank line; ``error`` names the file and line of
    a line that is not JSON."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path}:{n}: not JSON ({exc.msg})") from None
