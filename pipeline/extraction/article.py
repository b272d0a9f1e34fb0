"""One page → one Article and its Comments: parse once, split comments, prune, extract, label."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

import trafilatura
from lxml.html import HtmlElement

from pipeline.extraction.comment_fields import date_languages, finish_comments
from pipeline.extraction.comments import CommentSection, FoundComment, find_comments
from pipeline.extraction.errors import ExtractionError
from pipeline.extraction.metadata import article_metadata, page_language
from pipeline.extraction.page import parse_page
from pipeline.extraction.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.extraction.text import count_words, normalise_space, strip_comment_lines
from pipeline.fetch.urls import url_id
from pipeline.language import detect_language
from pipeline.models import Article, Comment, RawPage

EXTRACTOR = f"crinkwatch-extract 3 / trafilatura {trafilatura.__version__}"

if TYPE_CHECKING:
    from pipeline.extraction.late_comments import LateComments



SHORT_TEXT_CHARS = 500  # below this, a pruned page's text is checked against the unpruned one
FORUM = re.compile(r"forum|thread|discussion|topic", re.I)
# In a URL only a whole host label or path segment names a forum ("/forums/", "/threads/…",
# "forum.example.org", "viewtopic.php", "?topic=12", "/topic/123-…", Discourse's "/t/slug/123"); a
# post's slug ("/open-thread/") or a news site's topic page ("/topics/china/") does not.
FORUM_URL = re.compile(
    r"(?:^|[/.])(?:forums?|threads?|discussions?)(?=[/.]\w|/|$)|/topics?/\d|/t/[^/]+/\d"
    r"|(?:show|view)(?:thread|topic)\.php|[?&](?:topic|thread)=", re.I)


def _is_forum(tree: HtmlElement, url: str | None) -> bool:
    """A discussion-forum page, by its URL or the classes of its html/body element."""
    root = tree.getroottree().getroot()
    body = root.find("body")
    classes = " ".join([root.get("class", ""), body.get("class", "") if body is not None else ""])
    return bool(FORUM_URL.search(url or "") or FORUM.search(classes))


Undo = list[tuple[HtmlElement, int, HtmlElement, str | None, str | None]]


def _prune(elements: list[HtmlElement]) -> Undo:
    """Remove the elements (keeping their tail text in place); return what restores them."""
    undo: Undo = []
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        prev = el.getprevious()
        undo.append((parent, parent.index(el), el, prev.tail if prev is not None else None, parent.text))
        # the tail belongs to the surrounding content, not to the comments
        if el.tail and el.tail.strip():
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    return undo


def _restore(undo: Undo) -> None:
    for parent, index, el, prev_tail, parent_text in reversed(undo):
        parent.insert(index, el)
        prev = el.getprevious()
        if prev is not None:
            prev.tail = prev_tail
        parent.text = parent_text


def extract_main_text(tree: HtmlElement, url: str | None, settings: ExtractorSettings) -> str:
    """Main text of an (already comment-pruned) tree, with trafilatura's comment pruning too."""
    doc = trafilatura.bare_extraction(tree, url=url, **settings.trafilatura_options())
    # NFC, as trafilatura.extract returns it: "ü" must match "ü" whichever way the page wrote it
    return unicodedata.normalize("NFC", (doc.text if doc is not None else "") or "")


def remove_comments(tree: HtmlElement, url: str | None, settings: ExtractorSettings) -> tuple[CommentSection, Undo]:
    """Find and split the page's comments and take their containers out of the tree, so neither
    the metadata (a commenter is not the author) nor the main text can pick them up."""
    section = find_comments(tree, settings.min_comment_chars, url, settings.trafilatura_comments)
    for c in section.comments:
        c.text = unicodedata.normalize("NFC", c.text[: settings.max_comment_chars])
    section.comments = finish_comments(section.comments, date_languages(page_language(tree)))
    return section, _prune(section.containers)


def split_page(tree: HtmlElement, url: str | None, settings: ExtractorSettings) -> tuple[str, CommentSection]:
    """Main text and comments of a parsed page; the comments never appear in the text."""
    section, undo = remove_comments(tree, url, settings)
    return main_text_without(tree, url, settings, section, undo), section


def main_text_without(tree: HtmlElement, url: str | None, settings: ExtractorSettings,
                      section: CommentSection, undo: Undo) -> str:
    """The main text of a tree whose comment containers were removed, with no comment line in it.

    May change ``section`` (a forum thread's opening post moves from the comments to the text).
    """
    text = extract_main_text(tree, url, settings)
    if undo and len(normalise_space(text)) < SHORT_TEXT_CHARS:
        # pruning the comments can tip trafilatura onto a wrong block (navigation, a teaser) when
        # they sat next to the content: extract the whole page and cut the comments out by line
        _restore(undo)
        full = strip_comment_lines(extract_main_text(tree, url, settings), [c.text for c in section.comments])
        if len(normalise_space(full)) > 2 * len(normalise_space(text)):
            text = full
        if len(section.comments) > 1 and section.method != "forum" and _is_forum(tree, url):
            # a forum thread: its opening post is the content, the replies are the comments (the
            # forum splitter has left the opening post in the text already)
            opener = section.comments.pop(0)
            text = "\n".join(t for t in (text, opener.text) if t)
            for c in section.comments:
                c.parent = None if c.parent in (None, 0) else c.parent - 1
        return text
    if section.method == "trafilatura":
        # the fallback's blocks are a guess: where one repeats the article, the article keeps it
        body = normalise_space(text)
        section.comments = [c for c in section.comments if normalise_space(c.text) not in body]
    else:
        text = strip_comment_lines(text, [c.text for c in section.comments])
    return text


def _language(text: str, hint: str | None, settings: ExtractorSettings) -> tuple[str, float]:
    return detect_language(text, hint, prefix_chars=settings.language_prefix_chars,
                           min_chars=settings.language_min_chars,
                           min_confidence=settings.language_min_confidence,
                           trials=settings.language_trials)


def build_comments(found: list[FoundComment], article_id: str, hint: str | None,
                   settings: ExtractorSettings, batch_id: str = "") -> list[Comment]:
    """Comment records in page order, each labelled with its own language."""
    ids = [f"{article_id}-{i:04d}" for i in range(len(found))]
    records = []
    for i, c in enumerate(found):
        lang, conf = _language(c.text, hint, settings)
        records.append(Comment(
            comment_id=ids[i], article_id=article_id, position=i, author=c.author,
            published_at=c.published_at, date_raw=c.date_raw, kind=c.kind, text=c.text, language=lang,
            language_confidence=conf, batch_id=batch_id,
            parent_id=ids[c.parent] if c.parent is not None and c.parent < i else None,
        ))
    return records


def extract_page(
    body: bytes, page: RawPage, batch_id: str = "", settings: ExtractorSettings = DEFAULT_SETTINGS,
    late: "LateComments | None" = None,
) -> tuple[Article, list[Comment]]:
    """One page's article and comments. Raises ExtractionError with the reason on failure.

    With ``late``, comments that load after the page (WordPress endpoints, a browser run) are
    added to those in the HTML."""
    tree = parse_page(body, settings, page.content_type)
    section, undo = remove_comments(tree, page.url, settings)
    meta = article_metadata(tree, page, extensive_date_search=settings.extensive_date_search)
    text = main_text_without(tree, page.url, settings, section, undo)
    if len(text) < settings.min_text_chars:
        raise ExtractionError(f"main text too short ({len(text)} < {settings.min_text_chars} chars)")
    if late is not None:
        section.comments = late.complete(tree, page, body, section.comments,
                                         date_languages(meta.page_language or page.entry_language))
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
