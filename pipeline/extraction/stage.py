"""The extract stage over a batch: every fetched page in, articles/comments/quarantine out."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

from pipeline.batch import BatchPaths
from pipeline.extraction.article import extract_page
from pipeline.extraction.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.fetch.rawstore import RawStore
from pipeline.models import Article, Comment, RawPage, read_jsonl, write_jsonl, write_parquet

if TYPE_CHECKING:
    from pipeline.extraction.late_comments import LateComments

log = logging.getLogger(__name__)


def failure_record(page: RawPage, exc: BaseException) -> dict:
    """The quarantine row for a page that could not be extracted."""
    from pipeline.extraction.errors import ExtractionError

    reason = str(exc) if isinstance(exc, ExtractionError) else f"{type(exc).__name__}: {exc}"
    return {"url": page.url, "canonical_url": page.canonical_url, "source_ids": page.source_ids,
            "content_sha256": page.content_sha256, "stage": "extract", "reason": reason}


def extract_batch(
    paths: BatchPaths, store: RawStore, progress: Callable[[str, int], None] | None = None,
    settings: ExtractorSettings = DEFAULT_SETTINGS, late: "LateComments | None" = None,
) -> dict[str, int]:
    """Extract every fetched page of a batch; failures go to ``quarantine/extract.jsonl``.

    With ``late`` (pipeline.extraction.late_comments), comments that load after the page are added."""
    articles: list[Article] = []
    comments: list[Comment] = []
    failures: list[dict] = []
    for page in read_jsonl(paths.raw_pages, RawPage):
        # unchanged since an earlier batch (304 / same hash): already extracted then
        if page.error or not page.content_sha256 or not page.is_new:
            continue
        try:
            article, page_comments = extract_page(store.get(page.content_sha256), page,
                                                  paths.batch_id, settings, late)
        except Exception as exc:  # one bad page must not stop the batch
            failures.append(failure_record(page, exc))
            log.warning("extract %s failed: %s", page.url, failures[-1]["reason"])
        else:
            articles.append(article)
            comments.extend(page_comments)
        if progress:
            progress("extract", 1)
    write_parquet(paths.extracted_articles, articles, Article)
    write_parquet(paths.extracted_comments, comments, Comment)
    write_jsonl(paths.quarantine("extract"), failures)
    counts = {"articles": len(articles), "comments": len(comments), "failed": len(failures)}
    if late is not None:
        counts |= {"late_comments": late.added, "late_comment_problems": len(late.problems)}
    return counts
