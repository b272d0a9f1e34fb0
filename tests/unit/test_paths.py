"""DataPaths: every path under the data folder comes from one object built from Settings."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import load_settings
from pipeline.paths import DataPaths

ENV = ("CRINKWATCH_DATA_DIR", "CRINKWATCH_DB", "CRINKWATCH_PRIVATE_DB")


def _clean(monkeypatch):
    for var in ENV:
        monkeypatch.delenv(var, raising=False)


def test_every_store_lives_under_the_data_folder(monkeypatch):
    _clean(monkeypatch)
    paths = load_settings(data_dir=Path("/srv/cw")).paths
    assert paths == DataPaths.for_data_dir(Path("/srv/cw"))
    root = Path("/srv/cw")
    assert (paths.raw_dir, paths.runs_dir, paths.quality_dir) == (root / "raw", root / "runs", root / "quality")
    assert paths.fetch_state == root / "state" / "fetch.sqlite"
    assert paths.ready_flag == root / "inbox" / "READY"
    assert paths.analyst_db == root / "warehouse.duckdb"
    assert paths.private_db == root / "private" / "warehouse.duckdb"
    assert paths.private_lock == root / "private" / "warehouse.duckdb.lock"
    assert paths.batch("b1").root == root / "runs" / "b1"


def test_the_warehouses_follow_the_data_folder_from_the_environment(monkeypatch):
    _clean(monkeypatch)
    monkeypatch.setenv("CRINKWATCH_DATA_DIR", "/srv/env")
    settings = load_settings()
    assert settings.db_path == Path("/srv/env/warehouse.duckdb")
    assert settings.private_db_path == Path("/srv/env/private/warehouse.duckdb")


def test_an_explicit_data_folder_beats_the_environment_for_both_warehouses(monkeypatch):
    _clean(monkeypatch)
    monkeypatch.setenv("CRINKWATCH_DATA_DIR", "/srv/env")
    settings = load_settings(data_dir=Path("/srv/flag"))
    assert settings.db_path == Path("/srv/flag/warehouse.duckdb")
    assert settings.private_db_path == Path("/srv/flag/private/warehouse.duckdb")


def test_a_named_database_is_kept(monkeypatch):
    _clean(monkeypatch)
    monkeypatch.setenv("CRINKWATCH_DB", "/elsewhere/a.duckdb")
    settings = load_settings(data_dir=Path("/srv/flag"), private_db_path=Path("/p/w.duckdb"))
    assert settings.paths.analyst_db == Path("/elsewhere/a.duckdb")
    assert settings.paths.private_db == Path("/p/w.duckdb")
