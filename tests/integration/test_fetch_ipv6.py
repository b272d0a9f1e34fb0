"""IPv6 loopback: ``--allow-private ::1`` opens ``http://[::1]:PORT/`` and nothing else."""

from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.config import load_settings
from pipeline.demo import DEMO_SOURCES
from pipeline.demo.server import SITE_DIR, DemoServer
from pipeline.fetch import fetch_batch
from pipeline.fetch.client import Fetcher
from pipeline.fetch.state import FetchState
from pipeline.sources import load_sources


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback")


@pytest.fixture
def server6():
    with DemoServer(SITE_DIR, host="::1") as server:
        yield server


@pytest.fixture
def server4():
    with DemoServer(SITE_DIR) as server:
        yield server


def test_the_demo_site_on_ipv6_loopback_is_fetched_when_allowed(tmp_path, server6):
    assert server6.base_url.startswith("http://[::1]:")
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("::1",))
    sources = load_sources(DEMO_SOURCES, {"BASE": server6.base_url})
    paths = settings.paths.batch("b1")
    paths.root.mkdir(parents=True)
    report = fetch_batch(sources, paths, settings)
    assert report.feeds_failed == 0 and report.pages_failed == 0
    assert report.feeds_ok == len([s for s in sources if s.enabled]) and report.pages_new >= 10
    assert "/robots.txt" in server6.requests  # robots.txt is asked of the bracketed origin


@pytest.mark.parametrize("allow", [(), ("127.0.0.1",), ("fe80::1",)])
def test_ipv6_loopback_is_refused_unless_named(tmp_path, server6, allow):
    settings = load_settings(data_dir=tmp_path / "data", allow_private=allow, max_retries=0)
    with FetchState(":memory:") as state, Fetcher(settings, state) as fetcher:
        result = fetcher.fetch(server6.base_url + "/meridian/feed.xml")
    assert result.error and "non-public address ::1" in result.error
    assert server6.requests == []


def test_allowing_ipv6_loopback_does_not_open_ipv4_loopback_through_a_mapped_address(tmp_path, server4):
    """::ffff:127.0.0.1 reaches the IPv4 loopback: it is 127.0.0.1, not ::1."""
    port = server4.base_url.rsplit(":", 1)[1]
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("::1",), max_retries=0)
    with FetchState(":memory:") as state, Fetcher(settings, state) as fetcher:
        result = fetcher.fetch(f"http://[::ffff:127.0.0.1]:{port}/meridian/feed.xml")
    assert result.error and "non-public address 127.0.0.1" in result.error
    assert server4.requests == []


def test_sources_check_accepts_allow_private_ipv6(tmp_path, server6):
    registry = tmp_path / "sources.yml"
    registry.write_text(DEMO_SOURCES.read_text(encoding="utf-8").replace("{{BASE}}", server6.base_url),
                        encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "check", "--sources", str(registry), "--json",
                                      "--allow-private", "::1"])
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert result.exit_code == 0, result.output
    assert rows and all(r["ok"] for r in rows)
