"""What follows each publish of the analyst database: its search index, then the watch rules.

Called once by ``pipeline.warehouse.publish.publish`` after the new file is in place and the
private warehouse's lock is released (the watch's alerts are recorded under that lock). A crash
here leaves the database published; publishing again rebuilds the index and re-evaluates the
rules (an alert already sent for a rule and period is not sent twice).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Settings
from pipeline.search.index import publish_search_index
from pipeline.watch.notify import run_watch


def after_publish(settings: Settings) -> Path:
    """Rebuild the search index beside the published database, evaluate the watch rules; return
    the index's path."""
    index = publish_search_index(settings.db_path, settings.paths.runs_dir)
    run_watch(settings)
    return index
