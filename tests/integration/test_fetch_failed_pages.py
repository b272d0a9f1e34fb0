"""Across runs: an unchanged feed (304) is not a malformed one, and a failed page waits out a
backoff of 1, 2, 4 … days instead of being fetched on every run."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from pipeline.cli.app import app
from pipeline.config import load_settings
from pipeline.demo import DEMO_SOURCES
from pipeline.demo.server import SITE_DIR, DemoServer
from pipeline.fetch import fetch_batch
from pipeline.fetch.state import FetchState
from pipeline.models import RawPage, Source, read_jsonl
from pipeline.sources import load_sources
from tests.fixtures.faults import PAGE, XML, respond, rss, send, write_page


def _fetch(settings, sources, batch_id):
    paths = settings.paths.batch(batch_id)
    report = fetch_batch(sources, paths, settings)
    return report, list(read_jsonl(paths.fetch_log))


def test_an_unchanged_feed_answering_304_is_not_reported_as_malformed(tmp_path):
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",))
    with DemoServer(SITE_DIR) as server:
        sources = load_sources(DEMO_SOURCES, {"BASE": server.base_url})
        first, log1 = _fetch(settings, sources, "run1")
        second, log2 = _fetch(settings, sources, "run2")
    assert first.feeds_failed == 0 and log1 == []
    assert second.feeds_not_modified == second.feeds_ok == first.feeds_ok
    assert log2 == []  # no "recovered from a malformed feed" for a 304


@pytest.fixture
def flaky_site(tmp_path):
    """A feed of one good page and three that fail: a 404, a redirect loop, a gzip bomb."""
    root = tmp_path / "site"
    with DemoServer(root) as server:
        write_page(root, "/ok.html", "A good page")
        bomb = gzip.compress(b"<html>" + b" " * (4 * 1024 * 1024))
        server.add_route("/gone.html", respond(404, b"gone"))
        server.add_route("/loop.html", respond(302, b"", {"Location": "/loop.html"}))
        server.add_route("/bomb.html", respond(200, bomb, {"Content-Type": "text/html",
                                                           "Content-Encoding": "gzip"}))
        server.add_route("/feed.xml", lambda h: send(h, 200, rss(server.base_url, [
            ("Good", "/ok.html"), ("Gone", "/gone.html"), ("Loop", "/loop.html"),
            ("Bomb", "/bomb.html")]).encode(), XML))
        yield root, server


def _age(settings, days: float) -> None:
    """Let ``days`` pass for every failed page (its next attempt moves that much earlier)."""
    with FetchState(settings.paths.fetch_state) as state:
        for f in state.page_failures():
            f.next_attempt_at = (datetime.fromisoformat(f.next_attempt_at) - timedelta(days=days)).isoformat()
            state.save_page_failure(f)


def test_a_failed_page_is_retried_after_1_then_2_days_not_on_every_run(tmp_path, flaky_site):
    root, server = flaky_site
    settings = load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",),
                             max_retries=0, max_body_bytes=1024 * 1024)
    source = [Source(id="flaky", name="Flaky", feed_url=f"{server.base_url}/feed.xml", type="news")]
    failing = ("/gone.html", "/loop.html", "/bomb.html")

    first, _ = _fetch(settings, source, "run1")
    assert first.pages_ok == 1 and first.pages_failed == 3
    before = datetime.now(timezone.utc)
    with FetchState(settings.paths.fetch_state) as state:
        failures = {f.canonical_url.rsplit("/", 1)[-1]: f for f in state.page_failures()}
    assert set(failures) == {"gone.html", "loop.html", "bomb.html"}
    for f in failures.values():
        assert f.failures == 1
        wait = datetime.fromisoformat(f.next_attempt_at) - before
        assert timedelta(hours=23) < wait <= timedelta(days=1)
    assert "HTTP 404" in failures["gone.html"].last_error
    assert "redirect loop" in failures["loop.html"].last_error

    requests = {p: server.requests.count(p) for p in failing}
    second, log2 = _fetch(settings, source, "run2")  # the same day: the failed pages wait
    assert second.pages_deferred == 3 and second.pages_failed == 0
    assert {p: server.requests.count(p) for p in failing} == requests
    deferred = [r for r in log2 if r["kind"] == "page_deferred"]
    assert len(deferred) == 3 and all("next attempt after" in r["reason"] for r in deferred)

    _age(settings, 1)  # a day later: tried again, failed again, next wait 2 days
    third, _ = _fetch(settings, source, "run3")
    assert third.pages_failed == 3 and third.pages_deferred == 0
    assert all(server.requests.count(p) > requests[p] for p in failing)
    with FetchState(settings.paths.fetch_state) as state:
        for f in state.page_failures():
            assert f.failures == 2
            wait = datetime.fromisoformat(f.next_attempt_at) - datetime.fromisoformat(f.last_failed_at)
            assert wait == timedelta(days=2)

    # `sources status` lists them under their source, with the next attempt.
    result = CliRunner().invoke(app, ["sources", "status", "--sources", str(_registry(tmp_path, source)),
                                      "--data-dir", str(settings.data_dir), "--json"])
    row = json.loads(result.output.splitlines()[0])
    listed = sorted(f["canonical_url"].rsplit("/", 1)[-1] for f in row["failed_pages"])
    assert listed == ["bomb.html", "gone.html", "loop.html"]
    assert all(f["failures"] == 2 and f["next_attempt_at"] for f in row["failed_pages"])
    table = CliRunner().invoke(app, ["sources", "status", "--sources", str(_registry(tmp_path, source)),
                                     "--data-dir", str(settings.data_dir)])
    assert "Pages waiting for a retry" in table.output and "gone.html" in table.output
    assert "1 page(s) fetched but not yet loaded" in table.output  # ok.html: these runs never load

    # The page comes back: after its wait it is fetched, and it leaves the list.
    server.add_route("/gone.html", respond(200, PAGE.format(title="Back again").encode(),
                                           {"Content-Type": "text/html; charset=utf-8"}))
    _age(settings, 2)
    fourth, _ = _fetch(settings, source, "run4")
    pages = {p.canonical_url.rsplit("/", 1)[-1]: p
             for p in read_jsonl(settings.paths.batch("run4").raw_pages, RawPage)}
    assert fourth.pages_failed == 2 and pages["gone.html"].is_new and not pages["gone.html"].error
    with FetchState(settings.paths.fetch_state) as state:
        assert sorted(f.canonical_url.rsplit("/", 1)[-1] for f in state.page_failures()) == \
            ["bomb.html", "loop.html"]


def _registry(tmp_path, sources) -> str:
    path = tmp_path / "sources.yml"
    path.write_text("version: 1\nsources:\n" + "".join(
        f"  - id: {s.id}\n    name: {s.name}\n    feed_url: \"{s.feed_url}\"\n    type: {s.type}\n"
        for s in sources), encoding="utf-8")
    return str(path)
