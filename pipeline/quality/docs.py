"""Data Docs: where GX writes them for a run, and the links alerts carry.

After each stage's suites have run, :func:`build_docs` renders their pages into the Data Docs
of the run-time project, under
``<data_dir>/quality/gx/uncommitted/data_docs/local_site/`` (never in the repository). Alerts
link to the page of the validation that failed; with ``CRINKWATCH_DATA_DOCS_URL`` set (the folder
served over HTTP), links use that base instead of ``file://``.
"""

from __future__ import annotations

import logging
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SITE_PATH = Path("gx") / "uncommitted" / "data_docs" / "local_site"
RESULTS_PATH = Path("gx") / "uncommitted" / "validations"
RUN_TIME_FORMAT = "%Y%m%dT%H%M%S.%fZ"  # how GX names a result's run-time folder


def quality_dir(settings: Any) -> Path:
    """The run-time GX project folder for these settings."""
    return settings.paths.quality_dir


def docs_dir(settings: Any) -> Path:
    """The local Data Docs folder."""
    return quality_dir(settings) / SITE_PATH


def public_url(local_url: str | None, settings: Any) -> str | None:
    """A Data Docs link, rebased on ``settings.data_docs_url`` when that is set."""
    if not local_url or not settings.data_docs_url:
        return local_url
    root = docs_dir(settings).resolve().as_uri()
    if local_url.startswith(root):
        return settings.data_docs_url.rstrip("/") + local_url[len(root):]
    return local_url


def index_url(settings: Any) -> str:
    """The Data Docs index page."""
    return public_url((docs_dir(settings).resolve() / "index.html").as_uri(), settings) or ""


def build_docs(context: Any, result_ids: list[Any]) -> None:
    """Render the pages of these validation results and the index (once per stage)."""
    from pipeline.quality.suites import DOCS_SITE

    ids = [i for i in result_ids if i is not None]
    if ids:
        context.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=ids)


def _run_time(folder: Path) -> datetime:
    """When a stored result ran: from GX's run-time folder name, else the folder's mtime."""
    try:
        return datetime.strptime(folder.name, RUN_TIME_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(folder.stat().st_mtime, timezone.utc)


def _prune_tree(root: Path, cutoff: datetime) -> int:
    """Remove the run-time folders (``<suite>/<run name>/<run time>/``) older than ``cutoff``."""
    if not root.is_dir():
        return 0
    removed = 0
    for folder in root.glob("*/*/*"):
        if folder.is_dir() and _run_time(folder) < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
            if not any(folder.parent.iterdir()):
                folder.parent.rmdir()
    return removed


def prune_results(settings: Any, now: datetime | None = None) -> int:
    """Delete validation results, and their Data Docs pages, older than the retention window.

    Every validation adds a result per suite and the Data Docs index lists them all, so without a
    window the store and the time to rebuild the index grow with every batch. Results are kept
    ``settings.quality_retention_days`` days (0 keeps everything). Returns the results removed.
    """
    keep = float(getattr(settings, "quality_retention_days", 0) or 0)
    if keep <= 0:
        return 0
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=keep)
    removed = _prune_tree(quality_dir(settings) / RESULTS_PATH, cutoff)
    _prune_tree(docs_dir(settings) / "validations", cutoff)
    if removed:
        log.info("pruned %d validation result(s) older than %g days", removed, keep)
    return removed
