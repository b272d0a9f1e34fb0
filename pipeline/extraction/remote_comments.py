"""Comments that are not in the page's HTML but on the same site: WordPress's REST API and the
per-post comments feed.

A WordPress page names both in its head: ``<link rel="https://api.w.org/">`` (the API root) with
``<link rel="alternate" type="application/json" href=".../wp/v2/posts/123">`` or a shortlink
``?p=123`` (the post id), and ``<link rel="alternate" type="application/rss+xml" title="… Comments
Feed" href=".../feed/">``. Both are fetched through the run's :class:`~pipeline.fetch.client.Fetcher`
— the same robots, address policy on every hop, per-host pacing, retries and body limit as every
other request. The REST API is tried first (it has reply links and every comment, page by page);
the feed (the latest comments only) when the API fails. Anything wrong — HTML where JSON should be,
a 500, an oversized body, endless pages, a redirect to a private address — gives no comments and a
reason; the caller keeps the page's own comments.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlencode, urljoin, urlsplit

from lxml.html import HtmlElement

from pipeline.extraction.comments import FoundComment, element_text

if TYPE_CHECKING:
    from pipeline.fetch.client import FetchResult

POST_ID_IN_API = re.compile(r"/wp/v2/posts/(\d+)")
POST_ID_IN_SHORTLINK = re.compile(r"[?&]p=(\d+)")
POST_ID_IN_BODY_CLASS = re.compile(r"\bpostid-(\d+)\b")
COMMENTS_FEED_TITLE = re.compile(r"comment|kommentar|commentaire|comentario|komentarz|коммент", re.I)
JSON_TYPES = ("json",)
FEED_TYPES = ("xml", "rss", "atom")


class PageFetcher(Protocol):
    """What this module needs of the run's HTTP client (pipeline.fetch.client.Fetcher)."""

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None, robots: bool = True) -> "FetchResult": ...


@dataclass
class WordPressEndpoints:
    """Where a WordPress post's comments can be fetched from, as its page announces them."""

    api_root: str | None = None
    post_id: int | None = None
    comments_feed: str | None = None

    @property
    def rest_url(self) -> str | None:
        """The first page of the REST comments of this post, oldest first."""
        if not self.api_root or not self.post_id:
            return None
        return comments_api_url(self.api_root, self.post_id, 1, 100)

    def __bool__(self) -> bool:
        return bool(self.rest_url or self.comments_feed)


@dataclass
class RemoteComments:
    """Comments fetched from an endpoint, where from, and what went wrong on the way."""

    comments: list[FoundComment] = field(default_factory=list)
    source: str = "none"  # wp-rest | wp-feed | rendered | none
    problems: list[str] = field(default_factory=list)


def comments_api_url(api_root: str, post_id: int, page: int, per_page: int) -> str:
    """``<root>wp/v2/comments?post=ID&page=N``: one page of a post's comments, oldest first."""
    query = urlencode({"post": post_id, "per_page": per_page, "page": page, "order": "asc", "orderby": "date_gmt"})
    return urljoin(api_root if api_root.endswith("/") else api_root + "/", "wp/v2/comments") + "?" + query


def find_wordpress_endpoints(tree: HtmlElement, page_url: str) -> WordPressEndpoints:
    """The REST root, post id and comments feed that a WordPress page names in its head."""
    found = WordPressEndpoints()
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower()
        href = (link.get("href") or "").strip()
        if not href:
            continue
        href = urljoin(page_url, href)
        kind = (link.get("type") or "").lower()
        if rel == "https://api.w.org/":
            found.api_root = href
        elif rel == "alternate" and "json" in kind and (m := POST_ID_IN_API.search(href)):
            found.post_id = found.post_id or int(m.group(1))
        elif rel == "shortlink" and (m := POST_ID_IN_SHORTLINK.search(href)):
            found.post_id = found.post_id or int(m.group(1))
        elif rel == "alternate" and "rss" in kind and COMMENTS_FEED_TITLE.search(link.get("title") or "") \
                and _same_post(href, page_url):
            found.comments_feed = href
    if found.post_id is None:
        body = tree.find(".//body")
        if body is not None and (m := POST_ID_IN_BODY_CLASS.search(body.get("class") or "")):
            found.post_id = int(m.group(1))
    return found


def _same_post(feed_url: str, page_url: str) -> bool:
    """A per-post comments feed lives under the post's own path (``/2020/05/post/feed/``), not the
    site's (``/comments/feed/``, which lists comments on every post)."""
    feed, page = urlsplit(feed_url), urlsplit(page_url)
    post_path = page.path.rstrip("/")
    return feed.netloc == page.netloc and bool(post_path) and feed.path.startswith(post_path + "/")


def _html_text(html: str) -> str:
    from lxml import html as lxml_html

    if not html or not html.strip():
        return ""
    return element_text(lxml_html.fragment_fromstring(html, create_parent="div"))


def _content_type(result: "FetchResult") -> str:
    return result.headers.get("content-type", "").lower()


def _problem(result: "FetchResult", expected: tuple[str, ...], what: str) -> str | None:
    """Why a fetched endpoint gave nothing usable, or None."""
    if result.error:
        return f"{what}: {result.error}"
    if result.body is None:
        return f"{what}: HTTP {result.status} with no body"
    if not any(t in _content_type(result) for t in expected):
        return f"{what}: answered {_content_type(result) or 'no content type'}, not {'/'.join(expected)}"
    return None


def parse_rest_comments(rows: object) -> list[FoundComment]:
    """FoundComments from one page of ``/wp/v2/comments`` JSON; raises ValueError if it is not one."""
    if not isinstance(rows, list):
        raise ValueError("not a list of comments")
    found = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), int):
            raise ValueError("a comment without an id")
        content = row.get("content")
        html = content.get("rendered", "") if isinstance(content, dict) else ""
        kind = "pingback" if row.get("type") in ("pingback", "trackback") else "comment"
        date = row.get("date_gmt") or row.get("date")
        found.append(FoundComment(
            text=_html_text(str(html)), author=str(row.get("author_name") or "") or None,
            date_raw=(f"{date}+00:00" if row.get("date_gmt") and isinstance(date, str) else date),
            marks=f"wp-rest-{row['id']} parent-{row.get('parent') or 0} {kind}"))
    return found


def _link_parents(found: list[FoundComment]) -> None:
    """Turn the REST API's parent ids (kept in ``marks``) into list indices."""
    index = {}
    for i, c in enumerate(found):
        m = re.match(r"wp-rest-(\d+) parent-(\d+)", c.marks)
        if m:
            index[int(m.group(1))] = i
            parent_id = int(m.group(2))
            c.parent = index.get(parent_id) if parent_id else None


def fetch_rest_comments(fetcher: PageFetcher, endpoints: WordPressEndpoints, max_pages: int,
                        max_bytes: int, per_page: int = 100) -> RemoteComments:
    """Every page of the post's REST comments, up to ``max_pages`` pages."""
    result = RemoteComments(source="wp-rest")
    assert endpoints.api_root and endpoints.post_id
    for page in range(1, max_pages + 1):
        url = comments_api_url(endpoints.api_root, endpoints.post_id, page, per_page)
        fetched = fetcher.fetch(url, max_bytes=max_bytes)
        if fetched.status == 400 and page > 1:
            break  # WordPress answers 400 past the last page
        if problem := _problem(fetched, JSON_TYPES, f"comments API page {page}"):
            result.problems.append(problem)
            result.comments = []
            return result
        try:
            rows = parse_rest_comments(json.loads(fetched.body or b""))
        except (ValueError, UnicodeDecodeError) as exc:
            result.problems.append(f"comments API page {page}: not WordPress comments JSON ({exc})")
            result.comments = []
            return result
        result.comments.extend(rows)
        total = fetched.headers.get("x-wp-totalpages", "")
        if (total.isdigit() and page >= int(total)) or (not total.isdigit() and len(rows) < per_page) or not rows:
            break
    else:
        result.problems.append(f"comments API: stopped after {max_pages} pages (more were announced)")
    _link_parents(result.comments)
    return result


def parse_comments_feed(body: bytes) -> list[FoundComment]:
    """FoundComments from a WordPress comments feed (RSS); raises ValueError if it is not a feed."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        raise ValueError("not an RSS or Atom feed")
    found = []
    for entry in parsed.entries:
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_text(html)
        if text:
            found.append(FoundComment(text=text, author=entry.get("author") or None,
                                      date_raw=entry.get("published") or entry.get("updated") or None,
                                      marks="wp-feed"))
    found.reverse()  # feeds list the newest first; a thread reads oldest first
    return found


def fetch_feed_comments(fetcher: PageFetcher, feed_url: str, max_bytes: int) -> RemoteComments:
    """The comments listed by the post's comments feed."""
    result = RemoteComments(source="wp-feed")
    fetched = fetcher.fetch(feed_url, max_bytes=max_bytes)
    if problem := _problem(fetched, FEED_TYPES, "comments feed"):
        result.problems.append(problem)
        return result
    try:
        result.comments = parse_comments_feed(fetched.body or b"")
    except ValueError as exc:
        result.problems.append(f"comments feed: {exc}")
    return result


def fetch_wordpress_comments(fetcher: PageFetcher, endpoints: WordPressEndpoints, max_pages: int,
                             max_bytes: int) -> RemoteComments:
    """The post's comments from the REST API, or from the comments feed if the API fails."""
    problems: list[str] = []
    if endpoints.rest_url:
        rest = fetch_rest_comments(fetcher, endpoints, max_pages, max_bytes)
        if rest.comments or not rest.problems:
            return rest
        problems = rest.problems
    if endpoints.comments_feed:
        feed = fetch_feed_comments(fetcher, endpoints.comments_feed, max_bytes)
        feed.problems = problems + feed.problems
        return feed
    return RemoteComments(problems=problems)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))[:80]


def merge_comments(static: list[FoundComment], remote: list[FoundComment]) -> list[FoundComment]:
    """The page's comments followed by the fetched ones it did not show (same opening words = same
    comment); reply links of the fetched ones follow them to their new places."""
    where = {_key(c.text): i for i, c in enumerate(static)}
    merged = list(static)
    new_index: dict[int, int] = {}
    for i, c in enumerate(remote):
        key = _key(c.text)
        if key in where:  # already on the page: replies to it point at the page's record
            new_index[i] = where[key]
            continue
        parent = c.parent
        c.parent = new_index.get(parent) if parent is not None else None
        new_index[i] = where[key] = len(merged)
        merged.append(c)
    return merged
