"""The connection layer enforces the address policy on its own, at connect time (DNS rebinding)."""

from __future__ import annotations

import ipaddress

import pytest

from pipeline.config import load_settings
from pipeline.demo.server import DemoServer
from pipeline.fetch.client import Fetcher
from pipeline.fetch.safety import BlockedURL
from pipeline.fetch.state import FetchState
from tests.fixtures.faults import write_page


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "site"
    write_page(root, "/a/page.html", "A page")
    with DemoServer(root) as running:
        yield running


def _fetcher(tmp_path, allow_private=(), resolve=None) -> Fetcher:
    settings = load_settings(data_dir=tmp_path / "data", allow_private=allow_private, max_retries=0)
    return Fetcher(settings, FetchState(":memory:"), check_robots=False, resolve=resolve)


def test_a_connection_to_loopback_is_refused_even_when_the_url_check_is_skipped(tmp_path, server):
    port = server.base_url.rsplit(":", 1)[1]
    with _fetcher(tmp_path) as fetcher, pytest.raises(BlockedURL, match="non-public address 127.0.0.1"):
        fetcher.client.get(f"http://localhost:{port}/a/page.html")  # straight to the client, no check_url
    assert server.requests == []


def test_a_name_that_rebinds_to_loopback_between_check_and_connect_is_refused(tmp_path, server):
    """The URL check sees a public address; the connection's own lookup answers 127.0.0.1."""
    port = server.base_url.rsplit(":", 1)[1]
    rebound = lambda host, port: [ipaddress.ip_address("127.0.0.1")]  # noqa: E731  the second answer
    with _fetcher(tmp_path, resolve=rebound) as fetcher:
        result = fetcher.fetch(f"http://93.184.216.34:{port}/a/page.html")
    assert result.body is None and result.error.startswith("blocked: ")
    assert "127.0.0.1" in result.error
    assert server.requests == []


def test_an_allowed_private_host_is_still_reached_through_the_pinned_connection(tmp_path, server):
    with _fetcher(tmp_path, allow_private=("127.0.0.1",)) as fetcher:
        result = fetcher.fetch(f"{server.base_url}/a/page.html")
    assert result.error is None and result.status == 200 and b"A page" in result.body
