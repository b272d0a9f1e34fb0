"""A real ``dag.test()`` of the daily DAG over the fixture site ends with rows in DuckDB."""

from __future__ import annotations

import importlib.util

import duckdb
import pytest

from tests.conftest import MINISITE, write_sources
from tests.dags.conftest import DAGS_DIR


@pytest.mark.slow
def test_daily_dag_loads_the_fixture_site(airflow_home, minisite_server, tmp_path, monkeypatch):
    sources = write_sources(tmp_path / "sources.yml", minisite_server, MINISITE / "sources.yml")
    monkeypatch.setenv("CRINKWATCH_SOURCES", str(sources))
    monkeypatch.setenv("CRINKWATCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CRINKWATCH_ALLOW_PRIVATE", "127.0.0.1")

    spec = importlib.util.spec_from_file_location("crinkwatch_daily", DAGS_DIR / "crinkwatch_daily.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    run = module.dag.test()

    assert run.state == "success"
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert set(states.values()) == {"success"}, states
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    assert con.execute("select count(*) from comments").fetchone()[0] == 2
    assert con.execute("select count(*) from mentions where is_member").fetchone()[0] > 0
    con.close()
