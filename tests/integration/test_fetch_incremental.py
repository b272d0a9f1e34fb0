"""Re-runs against the fixture server: conditional GET, content hashes, dedup across feeds and
runs, the raw store's metadata, robots.txt and the User-Agent."""

from __future__ import annotations

import gzip
import threading

import pytest

from pipeline.batch import BatchPaths
from pipeline.config import load_settings
from pipeline.demo.server import DemoServer
from pipeline.extraction.stage import extract_batch
from pipeline.fetch import fetch_batch
from pipeline.fetch.handoff import mark_batch_loaded
from pipeline.fetch.rawstore import RawStore
from pipeline.models import RawPage, Source, read_jsonl
from tests.fixtures.faults import PAGE, XML, rss, send, write_page


@pytest.fixture
def site(tmp_path):
    """Two feeds sharing one article (once utm-tagged), a page without validators, robots.txt."""
    root = tmp_path / "site"
    with DemoServer(root) as server:
        base = server.base_url
        write_page(root, "/a/shared.html", "Shared article")
        write_page(root, "/a/only-a.html", "Only in feed A")
        write_page(root, "/private/secret.html", "Disallowed page")
        (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
        (root / "feeds").mkdir()
        (root / "feeds" / "a.xml").write_text(rss(base, [
            ("Shared", "/a/shared.html"), ("Only A", "/a/only-a.html"),
            ("Secret", "/private/secret.html"), ("No validators", "/plain.html")]), encoding="utf-8")
        (root / "feeds" / "b.xml").write_text(rss(base, [
            ("Shared again", "/a/shared.html?utm_source=b&utm_campaign=x")]), encoding="utf-8")
        seen_headers: list[dict] = []

        def plain(h):  # no ETag, no Last-Modified: only the content hash can tell it is unchanged
            seen_headers.append(dict(h.headers))
            send(h, 200, PAGE.format(title="Plain page").encode(), {"Content-Type": "text/html"})
        server.add_route("/plain.html", plain)
        server.seen_headers = seen_headers
        yield root, server


def _sources(server, ids=("a", "b")):
    return [Source(id=i, name=i.upper(), feed_url=f"{server.base_url}/feeds/{i}.xml", type="news")
            for i in ids]


def _run(settings, sources, batch):
    paths = BatchPaths.for_batch(settings.paths.runs_dir, batch)
    report = fetch_batch(sources, paths, settings)
    return report, list(read_jsonl(paths.raw_pages, RawPage)), paths


def _settings(tmp_path, **kw):
    return load_settings(data_dir=tmp_path / "data", allow_private=("127.0.0.1",),
                         contact_url="https://example.org/crinkwatch-contact", **kw)


def test_second_run_downloads_no_page_bodies_and_nothing_is_reprocessed(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    first, pages1, paths1 = _run(settings, _sources(server), "run1")
    assert first.pages_new == 3 and first.pages_failed == 1  # the robots-disallowed page
    store = RawStore(settings.data_dir / "raw")
    assert extract_batch(paths1, store)["articles"] == 3
    mark_batch_loaded(paths1, settings.paths.fetch_state)  # as the run does after its load

    second, pages2, paths2 = _run(settings, _sources(server), "run2")
    assert second.feeds_not_modified == 2
    assert second.pages_new == 0 and second.pages_unchanged == 3
    assert second.stats.bodies == 1  # only the page without validators, then skipped by its hash
    by_url = {p.canonical_url.rsplit("/", 1)[-1]: p for p in pages2}
    assert by_url["shared.html"].status == 304 and not by_url["shared.html"].is_new
    assert by_url["plain.html"].status == 200 and not by_url["plain.html"].is_new
    assert all(p.content_sha256 and store.has(p.content_sha256) for p in pages2 if not p.error)
    assert extract_batch(paths2, store)["articles"] == 0  # unchanged pages are not reprocessed


def test_a_changed_page_is_fetched_and_processed_again(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    _, _, paths1 = _run(settings, _sources(server), "run1")
    mark_batch_loaded(paths1, settings.paths.fetch_state)
    write_page(root, "/a/only-a.html", "Only in feed A, corrected")
    report, pages, _ = _run(settings, _sources(server), "run2")
    changed = [p for p in pages if p.is_new and not p.error]
    assert [p.canonical_url.rsplit("/", 1)[-1] for p in changed] == ["only-a.html"]
    assert report.pages_new == 1


def test_pages_of_a_batch_that_never_loaded_are_carried_again_even_when_unchanged(site, tmp_path):
    """A crash (or a blocked validation) between fetch and load: the next batch has them all."""
    root, server = site
    settings = _settings(tmp_path)
    first, pages1, _ = _run(settings, _sources(server), "run1")  # ... and no load
    second, pages2, _ = _run(settings, _sources(server), "run2")
    assert second.feeds_not_modified == 2 and second.stats.bodies == 1  # conditional GETs: 304s
    new1 = sorted(p.canonical_url for p in pages1 if p.is_new and not p.error)
    assert sorted(p.canonical_url for p in pages2 if p.is_new and not p.error) == new1
    assert second.pages_new == first.pages_new == 3


def test_a_pending_page_no_feed_lists_any_more_is_requeued_from_the_raw_store(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    _, pages1, _ = _run(settings, _sources(server), "run1")  # feed A lists only-a.html; no load
    report, pages2, paths2 = _run(settings, _sources(server, ("b",)), "run2")  # B does not
    assert report.pages_requeued == 2  # only-a.html and plain.html, from run1's bodies
    carried = {p.canonical_url.rsplit("/", 1)[-1]: p for p in pages2 if p.is_new and not p.error}
    assert set(carried) == {"shared.html", "only-a.html", "plain.html"}
    assert server.requests.count("/a/only-a.html") == 1  # not fetched again
    mark_batch_loaded(paths2, settings.paths.fetch_state)
    third, pages3, _ = _run(settings, _sources(server, ("b",)), "run3")
    assert third.pages_requeued == 0 and not [p for p in pages3 if p.is_new]


def test_one_article_from_two_feeds_and_two_runs_is_stored_once_with_every_source(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    _, pages1, paths1 = _run(settings, _sources(server), "run1")
    mark_batch_loaded(paths1, settings.paths.fetch_state)
    shared = [p for p in pages1 if "shared" in p.canonical_url]
    assert len(shared) == 1 and shared[0].source_ids == ["a", "b"]
    assert "utm_" not in shared[0].canonical_url
    assert server.requests.count("/a/shared.html") == 1
    # A later run reading only feed B still knows feed A listed the article.
    _, pages2, _ = _run(settings, _sources(server, ("b",)), "run2")
    assert [p.source_ids for p in pages2] == [["a", "b"]]
    bodies = list((settings.data_dir / "raw").rglob("*.gz"))
    page_bodies = {p.content_sha256 for p in pages1 if p.content_sha256}
    assert len(page_bodies) == 3  # shared, only-a, plain: the shared page once
    assert len(bodies) == len(page_bodies) + 2  # and the two feed bodies


def test_raw_store_keeps_fetch_metadata_and_no_temp_files(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    _, pages, _ = _run(settings, _sources(server), "run1")
    store = RawStore(settings.data_dir / "raw")
    page = next(p for p in pages if "only-a" in p.canonical_url)
    meta = store.meta(page.content_sha256)
    assert meta[0]["url"] == page.canonical_url and meta[0]["status"] == 200
    assert meta[0]["source_ids"] == ["a"] and meta[0]["batch_id"] == "run1"
    assert meta[0]["headers"]["etag"] and meta[0]["fetched_at"]
    assert gzip.decompress(store.path_for(page.content_sha256).read_bytes()).startswith(b"<!doctype")
    assert not list((settings.data_dir / "raw").rglob("*.tmp"))


def test_robots_txt_is_obeyed_and_cached_between_runs(site, tmp_path):
    root, server = site
    settings = _settings(tmp_path)
    _, pages, paths = _run(settings, _sources(server), "run1")
    secret = next(p for p in pages if "secret" in p.canonical_url)
    assert secret.error == f"disallowed by robots.txt of {server.base_url}"
    assert any("robots.txt" in r["reason"] for r in read_jsonl(paths.fetch_log))
    _run(settings, _sources(server), "run2")
    assert server.requests.count("/robots.txt") == 1
    assert "/private/secret.html" not in server.requests


def test_user_agent_names_the_project_and_the_contact_url(site, tmp_path):
    root, server = site
    _run(_settings(tmp_path), _sources(server), "run1")
    agent = server.seen_headers[0]["User-Agent"]
    assert agent.startswith("crinkwatch/") and "https://example.org/crinkwatch-contact" in agent


def test_gzip_responses_are_decoded(tmp_path):
    root = tmp_path / "site"
    write_page(root, "/a/z.html", "Zipped")
    with DemoServer(root, gzip=True) as server:
        (root / "f.xml").write_text(rss(server.base_url, [("Z", "/a/z.html")]), encoding="utf-8")
        settings = _settings(tmp_path)
        report, pages, _ = _run(settings, [Source("z", "Z", f"{server.base_url}/f.xml", "news")], "r")
    assert report.pages_ok == 1
    assert pages[0].response_headers["content-encoding"] == "gzip"
    assert b"Zipped" in RawStore(settings.data_dir / "raw").get(pages[0].content_sha256)


def test_per_host_interval_and_concurrency_cap(tmp_path):
    root = tmp_path / "site"
    starts: list[float] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()
    import time

    def slow_page(h):
        with lock:
            starts.append(time.monotonic())
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        time.sleep(0.15)
        with lock:
            active["now"] -= 1
        send(h, 200, PAGE.format(title=h.path).encode(), {"Content-Type": "text/html"})

    with DemoServer(root) as server:
        paths_ = [f"/p/{i}.html" for i in range(6)]
        for p in paths_:
            server.add_route(p, slow_page)
        server.add_route("/f.xml", lambda h: send(h, 200, rss(server.base_url, [(p, p) for p in paths_]).encode(), XML))
        # Interval: starts at least 0.1 s apart.
        settings = _settings(tmp_path, private_host_interval_s=0.1, per_host_concurrency=4)
        _run(settings, [Source("s", "S", f"{server.base_url}/f.xml", "news")], "interval")
        # Measured where the server receives them, so one request delayed in transit can shorten
        # the gap after it: the span of the six and the typical gap carry the assertion.
        gaps = sorted(b - a for a, b in zip(starts, starts[1:]))
        assert len(starts) == 6, starts
        assert starts[-1] - starts[0] >= 5 * 0.1 - 0.03, gaps
        assert gaps[len(gaps) // 2] >= 0.09, gaps
        # Concurrency: no interval, at most 2 in flight although 8 workers are free.
        starts.clear()
        settings = _settings(tmp_path / "2", private_host_interval_s=0.0, per_host_concurrency=2,
                             global_concurrency=8)
        _run(settings, [Source("s", "S", f"{server.base_url}/f.xml", "news")], "cap")
        assert len(starts) == 6 and active["max"] == 2
