import os

from pipeline.tempfiles import remove_stale_temp_files


def test_only_temp_files_older_than_any_live_write_are_removed(tmp_path):
    runs = tmp_path / "runs"
    old = runs / "b1" / "raw_pages.jsonl.tmp"
    fresh = runs / "b2" / "articles.parquet.tmp"
    kept = runs / "b1" / "raw_pages.jsonl"
    for path in (old, fresh, kept):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    os.utime(old, (1_000_000, 1_000_000))
    os.utime(kept, (1_000_000, 1_000_000))
    removed = remove_stale_temp_files([runs, tmp_path / "missing"], older_than_s=3600)
    assert removed == [old] and fresh.exists() and kept.exists()
