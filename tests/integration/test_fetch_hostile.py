"""The fetch stage against a fixture server that misbehaves in every way the issue lists.

One batch reads one feed per fault; each case checks that the good entries were kept, the bad one
has its recorded reason, and the run finished.
"""

from __future__ import annotations

import pytest

from pipeline.batch import BatchPaths
from pipeline.config import load_settings
from pipeline.demo.server import DemoServer
from pipeline.fetch import fetch_batch
from pipeline.fetch.rawstore import RawStore
from pipeline.models import RawPage, read_jsonl
from pipeline.sources import load_sources
from tests.fixtures.faults import build_hostile_site, sources_yaml

MAX_BODY = 64 * 1024

PAGE_REASONS = {
    "/p/slow.html": "timeout",
    "/p/loop-a.html": "redirect loop",
    "/p/big.html": "exceeds",
    "/p/bomb.html": "after decompression",
    "/p/404.html": "HTTP 404",
    "/p/410.html": "HTTP 410",
    "/p/500.html": "HTTP 500 (gave up after 3 attempts",
    "169.254.169.254/latest/meta-data/": "cloud metadata address 169.254.169.254",
    "/p/metadata-redirect.html": "cloud metadata address 169.254.169.254",
    "file://": "scheme 'file' is not allowed",
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    data = tmp_path_factory.mktemp("data")
    with DemoServer(root) as server:
        faults = build_hostile_site(root, server, MAX_BODY)
        (root / "sources.yml").write_text(sources_yaml(faults, server.base_url), encoding="utf-8")
        settings = load_settings(
            data_dir=data, allow_private=("127.0.0.1",), timeout_s=0.5, connect_timeout_s=0.5,
            max_retries=2, backoff_base_s=0.01, backoff_max_s=0.05, max_retry_after_s=5.0,
            max_body_bytes=MAX_BODY, max_response_s=3.0, global_concurrency=8)
        paths = BatchPaths.for_batch(settings.paths.runs_dir, "hostile")
        report = fetch_batch(load_sources(root / "sources.yml"), paths, settings)
        requests = list(server.requests)
    pages = list(read_jsonl(paths.raw_pages, RawPage))
    log = list(read_jsonl(paths.fetch_log))
    return {"faults": {f.source_id: f for f in faults}, "report": report, "pages": pages,
            "log": log, "settings": settings, "requests": requests}


FAULT_IDS = ["good", "bozo", "wrong_charset", "no_charset", "html_feed", "empty_body", "no_items",
             "feed_404", "feed_410", "feed_500", "feed_503_long", "flaky_503", "page_faults"]


@pytest.mark.parametrize("source_id", FAULT_IDS)
def test_each_feed_keeps_its_good_entries_and_records_why(hostile_run, source_id):
    fault = hostile_run["faults"][source_id]
    pages = [p for p in hostile_run["pages"] if source_id in p.source_ids]
    good = [p for p in pages if p.error is None]
    assert len(good) == fault.good_pages, [(p.url, p.error) for p in pages]
    store = RawStore(hostile_run["settings"].data_dir / "raw")
    for page in good:
        assert b"<article>" in store.get(page.content_sha256)
    if fault.reason:
        rows = [r for r in hostile_run["log"] if r["source_id"] == source_id and r["kind"] == fault.kind]
        assert any(fault.reason in r["reason"] for r in rows), rows


@pytest.mark.parametrize("url_part, reason", sorted(PAGE_REASONS.items()))
def test_each_bad_page_is_kept_in_the_manifest_with_its_reason(hostile_run, url_part, reason):
    matches = [p for p in hostile_run["pages"] if url_part in p.url]
    assert len(matches) == 1, [p.url for p in hostile_run["pages"]]
    page = matches[0]
    assert page.error and reason in page.error, page.error
    assert page.body_path is None
    logged = [r for r in hostile_run["log"] if r["kind"] == "page" and url_part in r["url"]]
    assert logged and reason in logged[0]["reason"]


def test_the_run_finished_with_counts_that_add_up(hostile_run):
    report = hostile_run["report"]
    assert report.feeds_ok == 6  # good, bozo, two charsets, flaky, page_faults
    assert report.feeds_failed == 7
    assert report.pages_ok + report.pages_failed == len(hostile_run["pages"])
    assert report.pages_failed == len(PAGE_REASONS)


def test_duplicate_and_utm_tagged_links_become_one_page(hostile_run):
    same = [p for p in hostile_run["pages"] if "/a/pages-0.html" in p.canonical_url]
    assert len(same) == 1
    assert same[0].canonical_url.endswith("/a/pages-0.html")
    assert hostile_run["report"].duplicate_entries == 2
    assert hostile_run["requests"].count("/a/pages-0.html") == 1


def test_wrong_charset_titles_are_read_correctly(hostile_run):
    page = next(p for p in hostile_run["pages"] if "wrong_charset" in p.source_ids)
    assert page.entry_title == "Новости Москвы"


def test_retry_after_was_honoured_and_long_ones_give_up(hostile_run):
    requests = hostile_run["requests"]
    assert requests.count("/f/flaky.xml") == 2
    assert requests.count("/f/503.xml") == 1  # Retry-After 3600 is past the cap: no waiting
    assert requests.count("/p/500.html") == 3  # max_retries=2


def test_nothing_was_sent_to_refused_addresses(hostile_run):
    assert not any("meta-data" in r for r in hostile_run["requests"])
    assert requests_for(hostile_run, "/p/metadata-redirect.html") == 1


def requests_for(run, path):
    return run["requests"].count(path)
