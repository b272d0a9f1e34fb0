"""Merging per-source fetch parts: one page per canonical URL, credited to every source."""

from __future__ import annotations

from pipeline.batch import BatchPaths
from pipeline.fanout import merge_pages, merge_source_parts, source_paths
from pipeline.models import RawPage, read_jsonl, write_jsonl


def _page(url: str, source: str, error: str | None = None) -> RawPage:
    return RawPage(url=url, canonical_url=url, source_ids=[source], status=0 if error else 200,
                   fetched_at="2026-11-20T00:00:00+00:00", body_path=None if error else "b.gz",
                   content_sha256=None if error else "ab", error=error)


def test_a_page_listed_by_two_sources_is_kept_once_with_both_ids():
    merged = merge_pages([[_page("https://a.test/1", "a")], [_page("https://a.test/1", "b")]])

    assert [(p.url, p.source_ids) for p in merged] == [("https://a.test/1", ["a", "b"])]


def test_a_fetched_copy_wins_over_a_failed_one():
    merged = merge_pages([[_page("https://a.test/1", "a", error="timeout")],
                          [_page("https://a.test/1", "b")]])

    assert merged[0].error is None and merged[0].source_ids == ["a", "b"]


def test_merge_writes_the_batch_manifest_and_log(tmp_path):
    paths = BatchPaths(tmp_path / "batch")
    for source, pages in (("a", [_page("https://a.test/1", "a"), _page("https://a.test/2", "a")]),
                          ("b", [_page("https://a.test/2", "b", error="404")])):
        part = source_paths(paths, source)
        write_jsonl(part.raw_pages, pages)
        write_jsonl(part.fetch_log, [{"kind": "page", "source_id": source, "reason": "x"}]
                    if source == "b" else [])

    counts = merge_source_parts(paths, ["a", "b", "silent"])

    assert counts == {"pages": 2, "pages_ok": 2, "pages_failed": 0, "duplicates": 1,
                      "requeued": 0}
    assert len(list(read_jsonl(paths.raw_pages, RawPage))) == 2
    assert [r["source_id"] for r in read_jsonl(paths.fetch_log)] == ["b"]


def test_the_copy_marked_new_wins_over_one_already_handed_downstream():
    seen = _page("https://a.test/1", "a")
    seen.is_new = False
    merged = merge_pages([[seen], [_page("https://a.test/1", "b")]])

    assert merged[0].is_new is True and merged[0].source_ids == ["a", "b"]
