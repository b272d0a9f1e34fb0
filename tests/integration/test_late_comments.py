"""Comments that load after the page, from a WordPress-like fixture site on 127.0.0.1: the REST API
(paginated, with replies and a pingback), the comments feed when the API fails, and every bad
answer an endpoint can give — after which the page keeps its own comments and the reason is logged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.extraction.article import extract_page
from pipeline.extraction.late_comments import LateComments
from pipeline.extraction.remote_comments import WordPressEndpoints, fetch_wordpress_comments
from pipeline.fetch.client import Fetcher
from pipeline.fetch.state import FetchState
from pipeline.models import RawPage
from tests.integration.comment_sites import POST_PATH, comment_site

LIMIT = 5 * 1024 * 1024


@pytest.fixture
def site():
    with comment_site() as server:
        yield server


@pytest.fixture
def fetcher(tmp_path: Path):
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",), max_retries=1,
                             backoff_base_s=0.01, backoff_max_s=0.05, per_host_interval_s=0.0)
    with FetchState(tmp_path / "fetch.sqlite") as state, Fetcher(settings, state, check_robots=False) as f:
        yield f


def _page(site) -> tuple[RawPage, bytes]:
    import httpx

    url = site.base_url + POST_PATH
    body = httpx.get(url).content
    return RawPage(url=url, canonical_url=url, source_ids=["quayside"], status=200,
                   fetched_at="2026-11-25T00:00:00+00:00", body_path=None, content_sha256=None), body


def test_rest_api_adds_every_page_of_comments_with_replies_and_pingbacks(site, fetcher):
    page, body = _page(site)
    article, comments = extract_page(body, page, late=LateComments(fetcher))
    assert [c.author for c in comments] == ["Marta Lind", "Per Holm", "Marta Lind", "Coastal Weekly"]
    # the comment already on the page is not repeated; the API's reply points at its parent
    assert comments[2].parent_id == comments[1].comment_id
    assert comments[1].published_at == "2026-11-21T17:02:00+00:00"
    assert [c.kind for c in comments] == ["comment", "comment", "comment", "pingback"]
    assert comments[2].text == "The port pays half, the state the rest."
    requested = [p for p in site.requests if p.endswith("/comments")]
    assert len(requested) == 2  # two pages of two
    assert "Who pays" not in article.text


def test_the_comments_feed_is_read_when_the_api_fails(site, fetcher, caplog):
    endpoints = WordPressEndpoints(api_root=site.base_url + "/fail/wp-json/", post_id=42,
                                   comments_feed=site.base_url + POST_PATH + "feed/")
    with caplog.at_level(logging.INFO):
        remote = fetch_wordpress_comments(fetcher, endpoints, max_pages=10, max_bytes=LIMIT)
    assert remote.source == "wp-feed"
    assert [c.author for c in remote.comments] == ["Marta Lind", "Per Holm"]  # oldest first
    assert remote.problems and "HTTP 500" in remote.problems[0]


@pytest.mark.parametrize("root,reason", [
    ("/html/", "answered text/html"),
    ("/fail/", "HTTP 500"),
    ("/huge/", "body exceeds"),
    ("/metadata/", "metadata address"),
    ("/private/", "non-public address 127.0.0.2"),
])
def test_a_bad_endpoint_leaves_the_page_its_own_comments(site, fetcher, caplog, root, reason):
    page, body = _page(site)
    late = LateComments(fetcher)
    hostile = body.replace(f'href="{site.base_url}/wp-json/"'.encode(),
                           f'href="{site.base_url}{root}wp-json/"'.encode())
    # no comments feed either: the page has only its own comment to fall back on
    hostile = hostile.replace(b"Comments Feed", b"Feed")
    with caplog.at_level(logging.WARNING):
        _, comments = extract_page(hostile, page, late=late)
    assert [c.author for c in comments] == ["Marta Lind"]
    assert comments[0].text.startswith("My grandfather drove")
    assert len(late.problems) == 1 and reason in late.problems[0]
    assert reason in caplog.text


def test_endless_pagination_stops_at_the_page_limit(site, fetcher):
    endpoints = WordPressEndpoints(api_root=site.base_url + "/endless/wp-json/", post_id=42)
    remote = fetch_wordpress_comments(fetcher, endpoints, max_pages=3, max_bytes=LIMIT)
    assert len([p for p in site.requests if p.startswith("/endless/")]) == 3
    assert len(remote.comments) == 300
    assert "stopped after 3 pages" in remote.problems[0]


def test_pages_of_other_sources_are_not_completed(site, fetcher):
    page, body = _page(site)
    late = LateComments(fetcher, wordpress_sources=frozenset({"another"}))
    _, comments = extract_page(body, page, late=late)
    assert len(comments) == 1
    assert not [p for p in site.requests if "wp-json" in p]
