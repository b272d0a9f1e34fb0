"""The extract stage over a batch in a real raw store: bad pages are quarantined, the rest go on."""

import json

from pipeline.batch import BatchPaths
from pipeline.extraction.stage import extract_batch
from pipeline.fetch.rawstore import RawStore
from pipeline.models import Article, Comment, RawPage, read_jsonl, read_parquet, write_jsonl
from tests.unit.extraction.conftest import PAGES


def _raw(store: RawStore, url: str, body: bytes, **kw) -> RawPage:
    sha, path = store.put(body)
    return RawPage(url=url, canonical_url=url, source_ids=["harbour"], status=200,
                   fetched_at="2026-11-16T10:00:00+00:00", body_path=str(path), content_sha256=sha, **kw)


def test_batch_keeps_good_pages_and_quarantines_bad_ones(tmp_path):
    store = RawStore(tmp_path / "raw")
    paths = BatchPaths.for_batch(tmp_path / "runs", "b1")
    paths.root.mkdir(parents=True)
    base = "http://127.0.0.1/news/2026/11/"
    pages = [
        _raw(store, base + "port.html", (PAGES / "wordpress.html").read_bytes(),
             entry_title="Port talks stall", entry_published_at="2026-11-10T07:00:00+00:00"),
        _raw(store, base + "empty.html", b" "),
        _raw(store, base + "file.pdf", b"%PDF-1.4 binary"),
        _raw(store, base + "short.html", b"<html><body><p>Only a teaser.</p></body></html>"),
        _raw(store, base + "big.html", b"<html><body><p>" + b"y" * (11 * 1024 * 1024) + b"</p></body></html>"),
        _raw(store, base + "drones.html", (PAGES / "disqus.html").read_bytes()),
        RawPage(url=base + "gone.html", canonical_url=base + "gone.html", source_ids=["harbour"], status=404,
                fetched_at="2026-11-16T10:00:00+00:00", body_path=None, content_sha256=None, error="HTTP 404"),
    ]
    write_jsonl(paths.raw_pages, pages)

    counts = extract_batch(paths, store)

    assert counts == {"articles": 2, "comments": 5, "failed": 4}
    articles = read_parquet(paths.extracted_articles, Article)
    assert [a.url.rsplit("/", 1)[1] for a in articles] == ["port.html", "drones.html"]
    assert articles[0].published_at == "2026-11-10T07:00:00+00:00"
    comments = read_parquet(paths.extracted_comments, Comment)
    assert {c.article_id for c in comments} == {a.article_id for a in articles}
    failures = {r["url"].rsplit("/", 1)[1]: r["reason"] for r in read_jsonl(paths.quarantine("extract"))}
    assert failures.keys() == {"empty.html", "file.pdf", "short.html", "big.html"}
    assert failures["empty.html"] == "empty page"
    assert failures["file.pdf"] == "binary content (pdf)"
    assert failures["short.html"].startswith("main text too short")
    assert failures["big.html"].startswith("page too large")
    assert json.loads(articles[0].extractor_settings)["include_tables"] is True
