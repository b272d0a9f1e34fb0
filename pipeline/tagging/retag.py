"""Re-tag every stored article and comment under a new taxonomy, without fetching anything.

The extracted store is the batch folders under ``runs_dir``; the latest batch's row wins for each
article and comment. New tag files go into a fresh retag batch folder; the warehouse's tag rows are
then replaced in one transaction, so analysts never see a mix of two taxonomy versions.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.batch import BatchPaths, new_batch_id
from pipeline.config import Settings
from pipeline.models import Article, Comment, read_parquet
from pipeline.tagging.lexicon import load_lexicon
from pipeline.tagging.stage import tag_records, write_tags
from pipeline.warehouse.connection import DEFAULT_LOCK_TIMEOUT_S
from pipeline.warehouse.tags import replace_tags

log = logging.getLogger(__name__)

MANIFEST = "retag.json"
RETAGGED_ARTICLES = "retagged_articles.parquet"  # the ids this retag covered


@dataclass
class RetagResult:
    """What a retag did: the version now in the warehouse and the row counts it left there."""

    batch_id: str
    batch_dir: str
    taxonomy_version: str
    replaced_versions: list[str]
    articles: int
    comments: int
    rows: dict[str, int] = field(default_factory=dict)
    untagged_articles: int = 0  # in the warehouse but not in the store: their old tags are gone
    published_to: str | None = None  # the analyst database rebuilt after the retag, if any


def stored_documents(runs_dir: Path) -> tuple[list[Article], list[Comment]]:
    """Every stored article and comment, the latest batch's row for each id."""
    articles: dict[str, Article] = {}
    comments: dict[str, Comment] = {}
    for batch in sorted(p for p in Path(runs_dir).iterdir() if p.is_dir()) if Path(runs_dir).exists() else []:
        paths = BatchPaths(batch)
        if paths.articles.exists():
            for a in read_parquet(paths.articles, Article):
                articles[a.article_id] = a
        if paths.comments.exists():
            for c in read_parquet(paths.comments, Comment):
                comments[c.comment_id] = c
    return list(articles.values()), list(comments.values())


def retag_store(runs_dir: Path, db_path: Path, sql_dir: Path, taxonomy_path: Path,
                batch_id: str | None = None,
                lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> RetagResult:
    """Re-tag the extracted store under ``taxonomy_path`` and replace the warehouse's tag rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    lexicon = load_lexicon(taxonomy_path)
    articles, comments = stored_documents(runs_dir)
    paths = BatchPaths.for_batch(runs_dir, batch_id or new_batch_id() + "-retag")
    paths.root.mkdir(parents=True, exist_ok=True)
    tags = tag_records(articles, comments, lexicon, paths.batch_id)
    write_tags(paths, tags)
    pq.write_table(pa.table({"article_id": pa.array([a.article_id for a in articles], pa.string())}),
                   paths.root / RETAGGED_ARTICLES)
    old, counts, untagged = replace_tags(db_path, sql_dir, paths, paths.root / RETAGGED_ARTICLES,
                                         lock_timeout_s)
    if untagged:
        log.warning("%d warehouse articles are not in the store under %s and now have no tags",
                    untagged, runs_dir)
    result = RetagResult(paths.batch_id, str(paths.root), lexicon.version, old, len(articles),
                         len(comments), counts, untagged)
    (paths.root / MANIFEST).write_text(json.dumps({**asdict(result), "taxonomy_path": str(taxonomy_path)},
                                                  indent=2), encoding="utf-8")
    return result


def retag_warehouse(settings: Settings, taxonomy_path: Path) -> RetagResult:
    """Retag the store into the private warehouse, then republish the analysts' copy so trends follow."""
    from pipeline.warehouse.publish import publish

    result = retag_store(settings.paths.runs_dir, settings.private_db_path, settings.sql_dir,
                         taxonomy_path, lock_timeout_s=settings.warehouse_lock_timeout_s)
    result.published_to = str(publish(settings))
    return result
