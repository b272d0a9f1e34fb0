"""Comments that load after the page: which pages to complete, and how, for one run.

A page of a source with ``comments: true`` that announces WordPress endpoints gets the comments
its REST API or comments feed lists; a page of a source with ``render_comments: true`` is also run
in headless Chromium and read again. Both add to the comments found in the static HTML and never
take any away: when an endpoint or the browser fails, the page keeps its own comments and the
reason is logged (and counted by the stage). Off unless a run builds one (``open_late_comments``).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from lxml.html import HtmlElement

from pipeline.extraction.comment_fields import finish_comments
from pipeline.extraction.comments import FoundComment, find_comments
from pipeline.extraction.remote_comments import (PageFetcher, fetch_wordpress_comments, find_wordpress_endpoints,
                                                 merge_comments)
from pipeline.extraction.settings import DEFAULT_SETTINGS, ExtractorSettings

if TYPE_CHECKING:
    from pipeline.config import Settings
    from pipeline.extraction.render import PageRenderer
    from pipeline.models import RawPage, Source

log = logging.getLogger(__name__)


@dataclass
class LateComments:
    """Completes a page's comments from its WordPress endpoints and, for chosen sources, a browser."""

    fetcher: PageFetcher
    wordpress_sources: frozenset[str] | None = None  # None: every page may be completed
    render_sources: frozenset[str] = frozenset()
    renderer: "PageRenderer | None" = None
    settings: ExtractorSettings = DEFAULT_SETTINGS
    problems: list[str] = field(default_factory=list)
    added: int = 0

    def _wanted(self, page: "RawPage", chosen: frozenset[str] | None) -> bool:
        return chosen is None or any(s in chosen for s in page.source_ids)

    def complete(self, tree: HtmlElement, page: "RawPage", body: bytes, found: list[FoundComment],
                 languages: tuple[str, ...]) -> list[FoundComment]:
        """The page's comments plus those its endpoints or scripts load; never fewer."""
        comments = found
        if self._wanted(page, self.wordpress_sources):
            endpoints = find_wordpress_endpoints(tree, page.url)
            if endpoints:
                remote = fetch_wordpress_comments(self.fetcher, endpoints, self.settings.remote_comment_pages,
                                                  self.settings.remote_comment_bytes)
                self._note(page, remote.problems)
                comments = self._merge(comments, remote.comments, languages)
        if self.renderer is not None and self._wanted(page, self.render_sources):
            comments = self._merge(comments, self._rendered(page, body), languages)
        return comments

    def _merge(self, comments: list[FoundComment], more: list[FoundComment],
               languages: tuple[str, ...]) -> list[FoundComment]:
        merged = merge_comments(comments, finish_comments(more, languages))
        self.added += len(merged) - len(comments)
        return merged

    def _rendered(self, page: "RawPage", body: bytes) -> list[FoundComment]:
        from pipeline.extraction.errors import ExtractionError
        from pipeline.extraction.page import parse_page
        from pipeline.extraction.render import RenderError

        assert self.renderer is not None
        try:
            rendered = self.renderer.render(page.url, body)
        except RenderError as exc:
            self._note(page, [str(exc)])
            return []
        self._note(page, rendered.problems + [f"render refused {u} ({why})" for u, why in rendered.blocked])
        if not rendered.html:
            return []
        try:
            tree = parse_page(rendered.html.encode("utf-8"), self.settings, "text/html")
        except ExtractionError as exc:
            self._note(page, [f"rendered page: {exc}"])
            return []
        return find_comments(tree, self.settings.min_comment_chars, page.url, use_trafilatura=False).comments

    def _note(self, page: "RawPage", problems: list[str]) -> None:
        for problem in problems:
            log.warning("late comments %s: %s", page.url, problem)
            self.problems.append(f"{page.url}: {problem}")


@contextlib.contextmanager
def open_late_comments(settings: "Settings", sources: list["Source"],
                       extractor: ExtractorSettings = DEFAULT_SETTINGS) -> Iterator[LateComments | None]:
    """A LateComments for a run over ``sources`` (None when no source asks for it), with its own
    fetcher (the run's policy and limits) and, if a source renders, one Chromium for the batch."""
    from pipeline.fetch.client import Fetcher, user_agent
    from pipeline.fetch.state import FetchState

    wordpress = frozenset(s.id for s in sources if s.comments)
    render = frozenset(s.id for s in sources if s.render_comments)
    if not wordpress and not render:
        yield None
        return
    with FetchState(settings.paths.fetch_state) as state, Fetcher(settings, state) as fetcher, \
            contextlib.ExitStack() as stack:
        renderer = None
        if render:
            from pipeline.extraction.render import PageRenderer

            renderer = stack.enter_context(PageRenderer(
                fetcher, settings.allow_private, extractor.render_budget_s, extractor.render_max_requests,
                extractor.remote_comment_bytes, user_agent(settings)))
        yield LateComments(fetcher, wordpress | render, render, renderer, extractor)
