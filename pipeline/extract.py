"""The extract stage: raw pages → Article records and one Comment record per reader comment.

Comments are found and read first from the parsed tree, then their containers are pruned
before trafilatura extracts the main text, so no comment can leak into the article text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

from pipeline.batch import BatchPaths
from pipeline.fetch.rawstore import RawStore
from pipeline.fetch.urls import url_id
from pipeline.models import Article, Comment, RawPage, read_jsonl, write_jsonl, write_parquet

log = logging.getLogger(__name__)

EXTRACTOR = f"trafilatura {trafilatura.__version__}"
MIN_TEXT_CHARS = 200

# Each comment markup: the container to prune, one comment item, and where its parts are,
# relative to the item. Items are read in document order, replies included.
COMMENT_MARKUPS: tuple[dict[str, str], ...] = (
    {   # WordPress: ol.comment-list > li.comment (replies in ol.children)
        "container": "//*[@id='comments' or contains(concat(' ', normalize-space(@class), ' '), ' comments-area ')]",
        "item": "//ol[contains(@class, 'comment-list')]//li[contains(concat(' ', normalize-space(@class), ' '), ' comment ')]",
        "body": "./article//div[contains(@class, 'comment-content')] | ./div[contains(@class, 'comment-content')]",
        "author": ".//*[contains(@class, 'comment-author')]//*[contains(@class, 'fn')]",
        "date": ".//*[contains(@class, 'comment-metadata')]//time/@datetime",
    },
    {   # Static Disqus-style markup
        "container": "//*[@id='disqus_thread']",
        "item": "//*[@id='disqus_thread']//li[contains(concat(' ', normalize-space(@class), ' '), ' post ')]",
        "body": "./div[contains(@class, 'post-content')]//div[contains(@class, 'post-message')]",
        "author": "./div[contains(@class, 'post-content')]//*[contains(@class, 'author')]",
        "date": "./div[contains(@class, 'post-content')]//a[contains(@class, 'time-ago')]/@title",
    },
    {   # Generic: a comments section holding div.comment items
        "container": "//section[contains(@class, 'comments')]",
        "item": "//section[contains(@class, 'comments')]//div[contains(concat(' ', normalize-space(@class), ' '), ' comment ')]",
        "body": "./div[contains(@class, 'comment-text')]",
        "author": ".//*[contains(@class, 'comment-author')]",
        "date": ".//*[contains(@class, 'comment-date')]",
    },
)


class ExtractionError(ValueError):
    """A page could not be turned into an article; the message is the recorded reason."""


@dataclass
class ExtractedComment:
    author: str | None
    published_at: str | None
    text: str


def _first_text(node: lxml_html.HtmlElement, xpath: str) -> str | None:
    found = node.xpath(xpath)
    if not found:
        return None
    value = found[0] if isinstance(found[0], str) else found[0].text_content()
    value = " ".join(str(value).split())
    return value or None


def _block_text(node: lxml_html.HtmlElement) -> str:
    paragraphs = node.xpath(".//p") or [node]
    return "\n".join(" ".join(p.text_content().split()) for p in paragraphs).strip()


def find_comments(tree: lxml_html.HtmlElement) -> tuple[list[ExtractedComment], list[str]]:
    """Comments in the known markups, in page order, and the XPaths of their containers."""
    comments: list[ExtractedComment] = []
    containers: list[str] = []
    for markup in COMMENT_MARKUPS:
        items = tree.xpath(markup["item"])
        if not items:
            continue
        containers.append(markup["container"])
        for item in items:
            bodies = item.xpath(markup["body"])
            if not bodies:
                continue
            text = _block_text(bodies[0])
            if text:
                comments.append(ExtractedComment(
                    author=_first_text(item, markup["author"]),
                    published_at=_first_text(item, markup["date"]),
                    text=text,
                ))
    return comments, containers


def _not_future(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return None if parsed > datetime.now(timezone.utc) else parsed.isoformat()


def extract_page(body: bytes, page: RawPage, batch_id: str = "") -> tuple[Article, list[Comment]]:
    """One page's article and comments. Raises ExtractionError with the reason on failure."""
    if not body or not body.strip():
        raise ExtractionError("empty body")
    tree = load_html(body)
    if tree is None:
        raise ExtractionError("not parseable as HTML")
    found, containers = find_comments(tree)
    doc = trafilatura.bare_extraction(
        tree, url=page.url, include_comments=False, with_metadata=True,
        prune_xpath=containers or None,
    )
    text = (doc.text if doc is not None else "") or ""
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError(f"main text too short ({len(text)} < {MIN_TEXT_CHARS} chars)")
    article_id = url_id(page.canonical_url)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()] or page.entry_authors
    article = Article(
        article_id=article_id,
        url=page.url,
        canonical_url=page.canonical_url,
        source_ids=page.source_ids,
        title=doc.title or page.entry_title,
        authors=authors,
        published_at=_not_future(page.entry_published_at) or _not_future(doc.date),
        site_name=doc.sitename,
        text=text,
        word_count=len(text.split()),
        extractor=EXTRACTOR,
        batch_id=batch_id,
    )
    comments = [
        Comment(
            comment_id=f"{article_id}-{i:04d}", article_id=article_id, position=i,
            author=c.author, published_at=_not_future(c.published_at), text=c.text,
            batch_id=batch_id,
        )
        for i, c in enumerate(found)
    ]
    return article, comments


def extract_batch(
    paths: BatchPaths, store: RawStore, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Extract every fetched page of a batch; failures go to ``quarantine/extract.jsonl``."""
    articles: list[Article] = []
    comments: list[Comment] = []
    failures: list[dict] = []
    for page in read_jsonl(paths.raw_pages, RawPage):
        if page.error or not page.content_sha256 or not page.is_new:
            continue
        try:
            article, page_comments = extract_page(store.get(page.content_sha256), page, paths.batch_id)
        except Exception as exc:  # one bad page must not stop the batch
            failures.append({"url": page.url, "content_sha256": page.content_sha256,
                             "stage": "extract", "reason": f"{type(exc).__name__}: {exc}"})
            log.warning("extract %s failed: %s", page.url, exc)
        else:
            articles.append(article)
            comments.extend(page_comments)
        if progress:
            progress("extract", 1)
    write_parquet(paths.extracted_articles, articles, Article)
    write_parquet(paths.extracted_comments, comments, Comment)
    write_jsonl(paths.quarantine("extract"), failures)
    return {"articles": len(articles), "comments": len(comments), "failed": len(failures)}
