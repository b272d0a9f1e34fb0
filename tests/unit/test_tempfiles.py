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


def test_a_temp_file_whose_writer_died_is_removed_at_once_a_live_ones_is_kept(tmp_path):
    import subprocess
    import sys

    from pipeline.tempfiles import temp_path_for, writer_tag

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    host = writer_tag().rsplit("-", 1)[0]
    orphan = tmp_path / f"articles.parquet.{host}-{dead.stdout.strip()}.tmp"
    mine = temp_path_for(tmp_path / "raw_pages.jsonl")
    other_host = tmp_path / "x.jsonl.otherhost-1.tmp"  # on a shared disk: judged by age only
    for path in (orphan, mine, other_host):
        path.write_text("x")
    assert remove_stale_temp_files([tmp_path]) == [orphan]
    assert mine.exists() and other_host.exists()
