"""Ad-hoc URL files: parsing, claiming from the inbox, fetching with reasons for failures."""

from __future__ import annotations

from pipeline.adhoc import claim_url_files, fetch_urls, parse_url_lines
from pipeline.batch import BatchPaths
from pipeline.models import RawPage, read_jsonl


def test_url_lines_skip_comments_and_reject_what_is_not_a_url():
    urls, rejected = parse_url_lines(
        "# desk list\nhttps://a.test/x  # why\n\nftp://a.test/y\nhttp://b.test/z\nsee notes\n")

    assert urls == ["https://a.test/x", "http://b.test/z"]
    assert rejected == ["ftp://a.test/y", "see notes"]


def test_claiming_moves_the_files_so_they_are_taken_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("https://a.test/1\n")
    (inbox / "READY").touch()
    paths = BatchPaths(tmp_path / "runs" / "b1")

    first = claim_url_files(inbox, paths)
    second = claim_url_files(inbox, BatchPaths(tmp_path / "runs" / "b2"))

    assert [p.name for p in first] == ["a.txt"] and second == []
    assert first[0].read_text() == "https://a.test/1\n"
    assert (inbox / "READY").exists()  # the flag belongs to the watcher, not to this stage


def test_fetch_urls_keeps_going_past_bad_pages(minisite_server, settings, tmp_path):
    base = minisite_server.base_url
    url_file = tmp_path / "desk.txt"
    url_file.write_text(f"{base}/news/tea.html\nnot-a-url\n")
    paths = BatchPaths(settings.paths.runs_dir / "adhoc1")

    report = fetch_urls([f"{base}/news/accord.html", f"{base}/news/tea.html", f"{base}/nope",
                         "http://10.0.0.1/private"], paths, settings, [url_file])

    assert (report.pages_ok, report.pages_failed) == (2, 2)
    pages = list(read_jsonl(paths.raw_pages, RawPage))
    assert {p.source_ids[0] for p in pages} == {"adhoc"} and len(pages) == 4
    reasons = {f["url"]: f["reason"] for f in report.failures}
    assert "not-a-url" in reasons and f"{base}/nope" in reasons
    assert "http://10.0.0.1/private" in reasons  # the SSRF guard applies to ad-hoc URLs too
