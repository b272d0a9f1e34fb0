"""Comments a script loads, read by running the page in Debian's headless Chromium (Playwright),
with every request of the page checked against the address policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.demo.server import DemoServer
from pipeline.extraction.article import extract_page
from pipeline.extraction.late_comments import LateComments
from pipeline.extraction.render import PageRenderer
from pipeline.fetch.client import Fetcher
from pipeline.fetch.state import FetchState
from pipeline.models import RawPage
from tests.integration.comment_sites import SITE, comment_site
# Debian's chromium, installed on first use by the report test's fixture (CI machines start without it)
from tests.integration.test_warehouse_demo import chromium  # noqa: F401

pytestmark = pytest.mark.usefixtures("chromium")


@pytest.fixture
def private_server():
    """A server on 127.0.0.2: the intranet host a hostile script tries to reach."""
    with DemoServer(SITE, host="127.0.0.2") as server:
        yield server


@pytest.fixture
def site(private_server):
    with comment_site(private_server.base_url) as server:
        yield server


@pytest.fixture
def renderer(tmp_path: Path):
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",), max_retries=0,
                             per_host_interval_s=0.0)
    with FetchState(tmp_path / "fetch.sqlite") as state, Fetcher(settings, state, check_robots=False) as fetcher, \
            PageRenderer(fetcher, settings.allow_private, budget_s=20) as renderer:
        yield renderer


def _page(site, path: str) -> tuple[RawPage, bytes]:
    import httpx

    url = site.base_url + path
    return (RawPage(url=url, canonical_url=url, source_ids=["island"], status=200,
                    fetched_at="2026-11-25T00:00:00+00:00", body_path=None, content_sha256=None),
            httpx.get(url).content)


def test_comments_loaded_by_a_script_become_records(site, renderer):
    page, body = _page(site, "/ferry.html")
    _, static = extract_page(body, page)
    assert static == []  # nothing in the HTML but "Loading comments…"
    late = LateComments(renderer.fetcher, wordpress_sources=frozenset(), render_sources=frozenset({"island"}),
                        renderer=renderer)
    article, comments = extract_page(body, page, late=late)
    assert [c.author for c in comments] == ["Lea Sand", "Ole Brygge"]
    assert comments[0].text.startswith("Twenty minutes earlier")
    assert comments[1].published_at == "2026-11-24T09:40:00+00:00"
    assert "/api/ferry-comments.json" in site.requests
    # the page itself came from the stored body, not a second download
    assert "/ferry.html" in site.requests and site.requests.count("/ferry.html") == 1
    assert "Twenty minutes" not in article.text


def test_a_hostile_script_cannot_reach_private_or_metadata_addresses(site, renderer, private_server):
    page, body = _page(site, "/hostile.html")
    result = renderer.render(page.url, body)
    blocked = {url.split("?")[0]: reason for url, reason in result.blocked}
    assert blocked[f"{private_server.base_url}/steal"].startswith("host '127.0.0.2' resolves to non-public")
    assert f"{private_server.base_url}/pixel.gif" in blocked
    assert "metadata address" in blocked["http://169.254.169.254/latest/meta-data/iam/"]
    assert private_server.requests == []  # nothing reached the intranet host
    assert "Lea Sand" in (result.html or "")  # the page's own, allowed request still worked


def test_a_page_over_its_time_budget_keeps_what_it_has(tmp_path):
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",), max_retries=0,
                             per_host_interval_s=0.0)
    # every answer of this server comes after the page's whole budget
    with comment_site(latency_s=3.0) as slow, FetchState(tmp_path / "f.sqlite") as state, \
            Fetcher(settings, state, check_robots=False) as fetcher, \
            PageRenderer(fetcher, settings.allow_private, budget_s=1.0) as renderer:
        result = renderer.render(slow.base_url + "/ferry.html", (SITE / "script_comments.html").read_bytes())
    assert result.html is not None and "Loading comments" in result.html
    assert "Lea Sand" not in result.html
    assert any("budget" in why for _, why in result.blocked) or result.problems  # reported, not raised
