"""`crinkwatch sources check` against the fixture server and a port where nothing listens."""

from __future__ import annotations

import json
import socket

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.demo.server import DemoServer
from tests.fixtures.faults import PAGE, XML, respond, rss


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sources(tmp_path, base: str, dead: str):
    path = tmp_path / "sources.yml"
    path.write_text(
        "sources:\n"
        f"  - {{id: good, name: Good, feed_url: '{base}/good.xml', type: think_tank}}\n"
        f"  - {{id: page, name: Page, feed_url: '{base}/page.html', type: news}}\n"
        f"  - {{id: dead, name: Dead, feed_url: '{dead}/rss', type: state_media}}\n"
        f"  - {{id: parked, name: Parked, feed_url: '{base}/parked.xml', type: news, enabled: false}}\n",
        encoding="utf-8")
    return path


def test_check_reports_each_feed_and_fails_cleanly(tmp_path):
    with DemoServer(tmp_path) as server:
        server.add_route("/good.xml", respond(200, rss(server.base_url, [("A", "/a.html")]).encode(), XML))
        server.add_route("/page.html", respond(200, PAGE.format(title="x").encode(),
                                               {"Content-Type": "text/html"}))
        sources = _sources(tmp_path, server.base_url, f"http://127.0.0.1:{_closed_port()}")
        result = CliRunner().invoke(app, ["sources", "check", "--sources", str(sources),
                                          "--allow-private", "127.0.0.1", "--retries", "0", "--json"])
        requests = list(server.requests)
    assert result.exit_code == 1, result.output
    rows = {r["source_id"]: r for r in map(json.loads, result.output.splitlines())}
    assert list(rows) == ["good", "page", "dead"]  # disabled sources only with --all
    assert rows["good"]["ok"] and rows["good"]["format"] == "rss20" and rows["good"]["entries"] == 1
    assert not rows["page"]["ok"] and "not a feed: got an HTML page" in rows["page"]["reason"]
    assert not rows["dead"]["ok"] and "connection failed" in rows["dead"]["reason"]
    assert "/a.html" not in requests  # a check reads feeds only


def test_check_without_allow_private_refuses_loopback_per_feed(tmp_path):
    with DemoServer(tmp_path) as server:
        sources = _sources(tmp_path, server.base_url, "http://127.0.0.1:9")
        result = CliRunner().invoke(app, ["sources", "check", "--sources", str(sources), "--all",
                                          "--json"])
        table = CliRunner().invoke(app, ["sources", "check", "--sources", str(sources), "--all"])
        assert server.requests == []
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 4 and all("non-public address 127.0.0.1" in r["reason"] for r in rows)
    assert table.exit_code == 1 and "0 of 4 feeds reachable" in table.output


def test_check_on_a_broken_registry_exits_2(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("sources:\n  - {id: a, name: A, type: news}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "check", "--sources", str(bad)])
    assert result.exit_code == 2 and "missing required key 'feed_url'" in result.output
