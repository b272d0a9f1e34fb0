"""Every path under the data folder, named once.

Stages, the CLI and the DAG helpers ask this object where a store lives instead of joining
folder names themselves, so moving a store is a one-line change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.batch import BatchPaths

ANALYST_DB_NAME = "warehouse.duckdb"


def default_analyst_db(data_dir: Path) -> Path:
    """The analysts' database of a data folder when ``--db`` does not say otherwise."""
    return Path(data_dir) / ANALYST_DB_NAME


def default_private_db(data_dir: Path) -> Path:
    """The pipeline's own warehouse of a data folder when ``--private-db`` does not say otherwise."""
    return Path(data_dir) / "private" / ANALYST_DB_NAME


@dataclass(frozen=True)
class DataPaths:
    """The folders and files of one data folder (and the two warehouses the run writes)."""

    root: Path
    analyst_db: Path
    private_db: Path

    @classmethod
    def for_data_dir(cls, data_dir: Path, analyst_db: Path | None = None,
                     private_db: Path | None = None) -> "DataPaths":
        """The paths of ``data_dir``, with the default warehouse locations unless given."""
        root = Path(data_dir)
        return cls(root, Path(analyst_db or default_analyst_db(root)),
                   Path(private_db or default_private_db(root)))

    @property
    def raw_dir(self) -> Path:
        """The content-addressed raw page store."""
        return self.root / "raw"

    @property
    def state_dir(self) -> Path:
        """Fetch state that outlives a batch (HTTP validators, hashes, robots, feed health)."""
        return self.root / "state"

    @property
    def fetch_state(self) -> Path:
        """The fetch state database."""
        return self.state_dir / "fetch.sqlite"

    @property
    def inbox_dir(self) -> Path:
        """Where analysts drop ad-hoc URL files."""
        return self.root / "inbox"

    @property
    def ready_flag(self) -> Path:
        """Touched by an analyst when the inbox's URL files are complete."""
        return self.inbox_dir / "READY"

    @property
    def runs_dir(self) -> Path:
        """Where each batch's stage files live (also the extracted store re-tags read)."""
        return self.root / "runs"

    @property
    def quality_dir(self) -> Path:
        """The GX project: validation results and Data Docs."""
        return self.root / "quality"

    @property
    def private_lock(self) -> Path:
        """The lock every writer of the private warehouse holds."""
        return lock_path(self.private_db)

    def batch(self, batch_id: str) -> BatchPaths:
        """The stage files of one batch."""
        return BatchPaths.for_batch(self.runs_dir, batch_id)


def lock_path(db_path: Path) -> Path:
    """The lock file beside a warehouse file."""
    return Path(db_path).with_name(Path(db_path).name + ".lock")
