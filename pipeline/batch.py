"""Where a batch's stage files live. One place names them, so stages never guess paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
import uuid


def new_batch_id(now: datetime | None = None) -> str:
    """A sortable, unique batch id: UTC timestamp plus a short random suffix."""
    now = now or datetime.now(timezone.utc)
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@dataclass(frozen=True)
class BatchPaths:
    """The files one batch's stages read and write, under ``runs/<batch_id>/``."""

    root: Path

    @classmethod
    def for_batch(cls, runs_dir: Path, batch_id: str) -> "BatchPaths":
        return cls(Path(runs_dir) / batch_id)

    @property
    def batch_id(self) -> str:
        return self.root.name

    # fetch
    @property
    def raw_pages(self) -> Path:
        return self.root / "raw_pages.jsonl"

    @property
    def fetch_log(self) -> Path:
        return self.root / "fetch_log.jsonl"

    # extract
    @property
    def extracted_articles(self) -> Path:
        return self.root / "extracted" / "articles.parquet"

    @property
    def extracted_comments(self) -> Path:
        return self.root / "extracted" / "comments.parquet"

    # language
    @property
    def articles(self) -> Path:
        return self.root / "articles.parquet"

    @property
    def comments(self) -> Path:
        return self.root / "comments.parquet"

    # tag
    @property
    def mentions(self) -> Path:
        return self.root / "mentions.parquet"

    @property
    def framings(self) -> Path:
        return self.root / "framings.parquet"

    @property
    def dyads(self) -> Path:
        return self.root / "dyads.parquet"

    # validate
    @property
    def validation_dir(self) -> Path:
        return self.root / "validation"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def alerts(self) -> Path:
        """Alert records raised while processing this batch (Alert rows, JSONL)."""
        return self.root / "alerts.jsonl"

    def quarantine(self, stage: str) -> Path:
        """The JSONL file where a stage puts the rows it rejected, each with its reason."""
        return self.quarantine_dir / f"{stage}.jsonl"
