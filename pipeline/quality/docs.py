"""Data Docs: where GX writes them for a run, and the links alerts carry.

After each stage's suites have run, :func:`build_docs` renders their pages into the Data Docs
of the run-time project, under
``<data_dir>/quality/gx/uncommitted/data_docs/local_site/`` (never in the repository). Alerts
link to the page of the validation that failed; with ``CRINKWATCH_DATA_DOCS_URL`` set (the folder
served over HTTP), links use that base instead of ``file://``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SITE_PATH = Path("gx") / "uncommitted" / "data_docs" / "local_site"


def quality_dir(settings: Any) -> Path:
    """The run-time GX project folder for these settings."""
    return Path(settings.data_dir) / "quality"


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
