"""Extract, language and tag over chunks on several processes give the same batch as one process.

The demo site is run twice with the same batch id: once on one process with one chunk, once on
two processes with chunks of three pages. Every stage file and every warehouse row must match,
and so must the stage functions run the old way, over the whole batch at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.batch import BatchPaths
from pipeline.config import load_settings
from pipeline.demo import DEMO_AS_OF, DEMO_SOURCES
from pipeline.extraction.stage import extract_batch
from pipeline.fetch.rawstore import RawStore
from pipeline.language import label_batch
from pipeline.parallel import chunks_dir, merge_chunks, plan_chunks
from pipeline.runner import run_once
from pipeline.sources import load_sources
from pipeline.tagging.stage import tag_batch

pytestmark = pytest.mark.slow

BATCH = "20261127T060000Z-same01"
STAGE_FILES = ("extracted/articles.parquet", "extracted/comments.parquet", "articles.parquet",
               "comments.parquet", "mentions.parquet", "framings.parquet", "dyads.parquet")
TABLES = ("articles", "comments", "mentions", "framings", "dyads")


def _run(tmp: Path, server, workers: int, chunk_size: int):
    settings = load_settings(data_dir=tmp, allow_private=("127.0.0.1",), as_of=DEMO_AS_OF,
                             workers=workers, chunk_size=chunk_size)
    result = run_once(settings, load_sources(DEMO_SOURCES, {"BASE": server.base_url}), BATCH)
    return settings, result


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def _tables(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(f"select * from {table} order by all").fetchall()
                for table in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    from pipeline.demo.server import DemoServer

    with DemoServer() as server:
        one = _run(tmp_path_factory.mktemp("one"), server, workers=1, chunk_size=100)
        two = _run(tmp_path_factory.mktemp("two"), server, workers=2, chunk_size=3)
    return one, two


def test_two_workers_write_the_same_stage_files_as_one(two_runs):
    (_, one), (_, two) = two_runs
    assert one.counts["extract"]["articles"] == 14 and one.counts["tag"]["mentions"] > 0
    for name in STAGE_FILES:
        a, b = _rows(Path(one.batch_dir) / name), _rows(Path(two.batch_dir) / name)
        assert a == b, name
    assert {k: one.counts[k] for k in ("extract", "language", "tag")} == \
        {k: two.counts[k] for k in ("extract", "language", "tag")}
    assert not chunks_dir(BatchPaths(Path(two.batch_dir))).exists()  # merged, then removed


def test_two_workers_load_the_same_warehouse_rows(two_runs):
    (s1, _), (s2, _) = two_runs
    one, two = _tables(s1.db_path), _tables(s2.db_path)
    assert one == two
    assert len(one["articles"]) == 14 and one["mentions"]


def test_chunks_match_the_stages_run_over_the_whole_batch(two_runs, tmp_path):
    (settings, one), _ = two_runs
    whole = BatchPaths(tmp_path / BATCH)
    whole.root.mkdir()
    shutil.copy(BatchPaths(Path(one.batch_dir)).raw_pages, whole.raw_pages)
    extract_batch(whole, RawStore(settings.paths.raw_dir))
    label_batch(whole)
    tag_batch(whole, settings.taxonomy_path)
    chunked = BatchPaths(Path(one.batch_dir))
    for name in ("extracted/articles.parquet", "extracted/comments.parquet"):
        assert _rows(whole.root / name) == _rows(chunked.root / name), name
    # validation may quarantine rows of the run's files after the merge; tags of kept rows agree
    kept = {r["article_id"] for r in _rows(chunked.articles)}
    assert kept and [r for r in _rows(whole.mentions) if r["article_id"] in kept] == \
        [r for r in _rows(chunked.mentions) if r["article_id"] in kept]


def test_merge_is_repeatable_and_reports_rows_once_the_chunks_are_gone(tmp_path, two_runs):
    (settings, one), _ = two_runs
    paths = BatchPaths(tmp_path / BATCH)
    paths.root.mkdir()
    shutil.copy(BatchPaths(Path(one.batch_dir)).raw_pages, paths.raw_pages)
    assert plan_chunks(paths, 5) == 3  # 14 pages in chunks of 5
    from pipeline.parallel import ChunkPaths, process_chunk

    for i in range(3):
        process_chunk(ChunkPaths.of(paths, i), settings.paths.raw_dir, settings.taxonomy_path)
    first = merge_chunks(paths)
    assert first["articles"] == 14 and merge_chunks(paths) == first


def test_chunk_size_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        plan_chunks(BatchPaths(tmp_path / BATCH), 0)


def test_run_command_takes_workers_and_loads_the_same_rows(two_runs, tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.demo.server import DemoServer
    from tests.conftest import write_sources

    (one_settings, _), _ = two_runs
    with DemoServer() as server:
        sources = write_sources(tmp_path / "sources.yml", server, DEMO_SOURCES)
        result = CliRunner().invoke(app, [
            "run", "--sources", str(sources), "--data-dir", str(tmp_path / "data"),
            "--allow-private", "127.0.0.1", "--as-of", DEMO_AS_OF, "--workers", "2"])
    assert result.exit_code == 0, result.output
    # Another server port gives other URLs and ids; what was found in the text is the same.
    query = ("select doc_kind, actor, surface, start_offset, end_offset, sentence from mentions "
             "order by all")
    found = []
    for db in (tmp_path / "data" / "warehouse.duckdb", one_settings.db_path):
        con = duckdb.connect(str(db), read_only=True)
        try:
            found.append(con.execute(query).fetchall())
        finally:
            con.close()
    assert found[0] == found[1] and found[0]
