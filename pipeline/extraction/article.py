"""One page → one Article and its Comments: parse once, split comments, prune, extract, label."""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement

from pipeline.extraction.comments import CommentSection, FoundComment, find_comments
from pipeline.extraction.errors import ExtractionError
from pipeline.extraction.metadata import article_metadata, parse_date
from pipeline.extraction.page import parse_page
from pipeline.extraction.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.extraction.text import count_words, strip_comment_lines
from pipeline.fetch.urls import url_id
from pipeline.language import detect_language
from pipeline.models import Article, Comment, RawPage

EXTRACTOR = f"crinkwatch-extract 2 / trafilatura {trafilatura.__version__}"



def _prune(elements: list[HtmlElement]) -> None:
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        # keep the tail text: it belongs to the surrounding content, not to the comments
        if el.tail and el.tail.strip():
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def extract_main_text(tree: HtmlElement, url: str | None, settings: ExtractorSettings) -> str:
    """Main text of an (already comment-pruned) tree, with trafilatura's comment pruning too."""
    doc = trafilatura.bare_extraction(tree, url=url, **settings.trafilatura_options())
    return (doc.text if doc is not None else "") or ""


def split_page(tree: HtmlElement, url: str | None, settings: ExtractorSettings) -> tuple[str, CommentSection]:
    """Main text and comments of a parsed page; the comments never appear in the text."""
    section = find_comments(tree, settings.min_comment_chars, url, settings.trafilatura_comments)
    for c in section.comments:
        c.text = c.text[: settings.max_comment_chars]
    _prune(section.containers)
    text = extract_main_text(tree, url, settings)
    text = strip_comment_lines(text, [c.text for c in section.comments])
    return text, section


def _language(text: str, hint: str | None, settings: ExtractorSettings) -> tuple[str, float]:
    return detect_language(text, hint, prefix_chars=settings.language_prefix_chars,
                           min_chars=settings.language_min_chars,
                           min_confidence=settings.language_min_confidence)


def build_comments(found: list[FoundComment], article_id: str, hint: str | None,
                   settings: ExtractorSettings, batch_id: str = "") -> list[Comment]:
    """Comment records in page order, each labelled with its own language."""
    ids = [f"{article_id}-{i:04d}" for i in range(len(found))]
    records = []
    for i, c in enumerate(found):
        lang, conf = _language(c.text, hint, settings)
        records.append(Comment(
            comment_id=ids[i], article_id=article_id, position=i, author=c.author,
            published_at=parse_date(c.published_at), text=c.text, language=lang,
            language_confidence=conf, batch_id=batch_id,
            parent_id=ids[c.parent] if c.parent is not None and c.parent < i else None,
        ))
    return records


def extract_page(
    body: bytes, page: RawPage, batch_id: str = "", settings: ExtractorSettings = DEFAULT_SETTINGS,
) -> tuple[Article, list[Comment]]:
    """One page's article and comments. Raises ExtractionError with the reason on failure."""
    tree = parse_page(body, settings, page.content_type)
    meta = article_metadata(tree, page, fast=settings.metadata_fast)
    text, section = split_page(tree, page.url, settings)
    if len(text) < settings.min_text_chars:
        raise ExtractionError(f"main text too short ({len(text)} < {settings.min_text_chars} chars)")
    hint = page.entry_language or meta.page_language
    lang, conf = _language(text, hint, settings)
    article_id = url_id(page.canonical_url)
    article = Article(
        article_id=article_id, url=page.url, canonical_url=page.canonical_url,
        source_ids=page.source_ids, title=meta.title, authors=meta.authors,
        published_at=meta.published_at, site_name=meta.site_name, text=text,
        language=lang, language_confidence=conf, word_count=count_words(text),
        extractor=EXTRACTOR, batch_id=batch_id, extractor_settings=settings.as_json(),
    )
    comment_hint = lang if lang != "und" else hint
    return article, build_comments(section.comments, article_id, comment_hint, settings, batch_id)
