"""Article metadata: the feed entry's when it has it, the page's (trafilatura) otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml.html import HtmlElement

from pipeline.language import normalise_language_tag
from pipeline.models import RawPage


@dataclass
class ArticleMetadata:
    """What the record says about an article besides its text."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    site_name: str | None = None
    page_language: str | None = None  # the html lang attribute / content-language meta


def parse_date(value: str | None, now: datetime | None = None) -> str | None:
    """An ISO 8601 UTC-aware timestamp, or None when unparseable or in the future."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser as dateparser

            parsed = dateparser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    if parsed > (now or datetime.now(timezone.utc)):
        return None
    return parsed.isoformat()


def page_language(tree: HtmlElement) -> str | None:
    """The language the page declares (``<html lang>``, then the content-language meta)."""
    root = tree.getroottree().getroot()
    declared = root.get("lang") or root.get("xml:lang")
    if not declared:
        metas = tree.xpath("//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')="
                           "'content-language']/@content")
        declared = metas[0] if metas else None
    return normalise_language_tag(declared)


def _meta_content(tree: HtmlElement, *names: str) -> str | None:
    for name in names:
        found = tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
        if found and found[0].strip():
            return " ".join(found[0].split())
    return None


def entry_is_complete(page: RawPage) -> bool:
    """The feed entry gives title and date, so the page's metadata need not be re-derived."""
    return bool(page.entry_title and parse_date(page.entry_published_at))


def article_metadata(tree: HtmlElement, page: RawPage, extensive_date_search: bool = True) -> ArticleMetadata:
    """Title, authors, date, site name and declared language of a page.

    The feed entry wins over the page where it has a value (its date is the publisher's, while
    htmldate may read /2026/11/ in the URL as the 1st of the month); trafilatura's metadata
    extraction runs only when the entry lacks title or date.
    """
    meta = ArticleMetadata(page_language=page_language(tree))
    entry_date = parse_date(page.entry_published_at)
    if entry_is_complete(page):
        meta.title = page.entry_title
        meta.published_at = entry_date
        meta.authors = list(page.entry_authors) or _split_authors(_meta_content(tree, "author", "article:author"))
        meta.site_name = _meta_content(tree, "og:site_name", "application-name")
        return meta
    doc = _page_metadata(tree, page.url, extensive_date_search)
    meta.title = page.entry_title or doc["title"]
    meta.authors = list(page.entry_authors) or _split_authors(doc["author"])
    meta.published_at = entry_date or parse_date(doc["date"])
    meta.site_name = doc["sitename"]
    return meta


def _page_metadata(tree: HtmlElement, url: str | None, extensive_date_search: bool) -> dict[str, str | None]:
    """Title, author, date and site name the way trafilatura's extract_metadata finds them,
    without the parts the record does not use (categories, tags, licence, hostname)."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import set_date_params

    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # a single token is usually a handle or a site name
    try:
        doc = extract_meta_json(tree, doc)
    except Exception:  # trafilatura's JSON-LD parser can fail on odd markup; the meta tags stand
        pass
    title = doc.title or extract_title(tree)
    author = doc.author or extract_author(tree)
    page_url = doc.url or extract_url(tree, url)
    date = find_date(tree, **{**set_date_params(extensive_date_search), "url": page_url})
    sitename = doc.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    return {"title": title, "author": author, "date": date, "sitename": sitename or None}


def _split_authors(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(";") if a.strip()]
