"""The process stage starts while the raw pages are validated; what that validation quarantines or
blocks still decides what is processed, as when the two ran one after the other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.config import EXPECTATIONS_DIR, load_settings, parse_as_of
from pipeline.parallel import chunks_dir
from pipeline.quality import ValidationFailed
from pipeline.runner import run_once
from pipeline.sources import load_sources
from tests.conftest import MINISITE, MINISITE_AS_OF

ACCORD = "Pyongyang and Moscow sign a logistics accord"  # the tea article's title is not kept


def _settings_with_raw_check(tmp_path: Path, expectation: dict, workers: int):
    project = tmp_path / "expectations"
    shutil.copytree(EXPECTATIONS_DIR, project, ignore=shutil.ignore_patterns("uncommitted"))
    suite_path = project / "gx" / "expectations" / "raw_pages.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))
    suite["expectations"].append(expectation)
    suite_path.write_text(json.dumps(suite), encoding="utf-8")
    return load_settings(data_dir=tmp_path / "data", db_path=tmp_path / "data" / "w.duckdb",
                         allow_private=("127.0.0.1",), expectations_dir=project, workers=workers,
                         as_of=parse_as_of(MINISITE_AS_OF))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_the_raw_validation_quarantines_is_not_processed(minisite_server, tmp_path, workers):
    settings = _settings_with_raw_check(tmp_path, {
        "type": "expect_column_values_to_be_in_set",
        "kwargs": {"column": "entry_title", "value_set": [ACCORD]},
        "meta": {"check": "only_the_accord", "on_failure": "quarantine", "why": "a test narrows the batch"},
    }, workers)
    result = run_once(settings, load_sources(MINISITE / "sources.yml", {"BASE": minisite_server.base_url}))

    paths = settings.paths.batch(result.batch_id)
    titles = pq.read_table(paths.articles, columns=["title"]).column("title").to_pylist()
    assert titles == [ACCORD]
    assert result.counts["validate_raw"]["quarantined"] == 1
    assert result.counts["extract"]["articles"] == 1
    assert result.counts["load"]["articles"] == 1
    assert not chunks_dir(paths).exists()


def test_a_blocking_raw_validation_stops_the_started_processing(minisite_server, tmp_path):
    settings = _settings_with_raw_check(tmp_path, {
        "type": "expect_table_row_count_to_be_between",
        "kwargs": {"min_value": 50},
        "meta": {"check": "min_pages", "on_failure": "block", "why": "a test wants a big batch"},
    }, workers=2)
    with pytest.raises(ValidationFailed, match="raw_pages.min_pages"):
        run_once(settings, load_sources(MINISITE / "sources.yml", {"BASE": minisite_server.base_url}))

    (batch,) = [p for p in settings.paths.runs_dir.iterdir() if p.is_dir()]
    paths = settings.paths.batch(batch.name)
    assert not chunks_dir(paths).exists()  # the started work is gone with its files
    assert not paths.articles.exists()  # and nothing was merged
    assert not settings.private_db_path.exists() or not _loaded(settings.private_db_path)


def _loaded(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from articles").fetchone()[0]
    finally:
        con.close()
