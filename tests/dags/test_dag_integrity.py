"""Every DAG file imports cleanly, defines its DAGs, and does no I/O while being imported."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from tests.dags.conftest import DAGS_DIR

pytestmark = pytest.mark.airflow

DAG_FILES = sorted(p for p in DAGS_DIR.glob("*.py") if not p.name.startswith("_"))


def _import(path: Path):
    spec = importlib.util.spec_from_file_location(f"dagfile_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _warm_up_airflow() -> None:
    """Build a throwaway DAG first, so Airflow's own one-time set-up is not blamed on a file."""
    from airflow.sdk import DAG, task

    with DAG("warm_up", schedule=None):
        task(lambda: None, task_id="noop")()


@pytest.mark.parametrize("path", DAG_FILES, ids=lambda p: p.name)
def test_dag_file_imports_without_io(path, airflow_home):
    _warm_up_airflow()

    events: list[str] = []
    watching = [True]

    def hook(event, args):
        if not watching[0]:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes)):
            name = str(args[0])
            if not name.endswith((".py", ".pyc")) and "__pycache__" not in name \
                    and "site-packages" not in name and "/lib/python" not in name:
                events.append(f"open {name}")
        elif event in ("socket.connect", "socket.getaddrinfo", "subprocess.Popen"):
            events.append(f"{event} {args[:1]}")

    before = set(sys.modules)
    sys.addaudithook(hook)
    started = time.perf_counter()
    try:
        module = _import(path)
    finally:
        watching[0] = False
    elapsed = time.perf_counter() - started
    from airflow.sdk import DAG

    dags = [v for v in vars(module).values() if isinstance(v, DAG)]
    assert events == [], f"I/O at import of {path.name}: {events}"
    assert elapsed < 1.0, f"{path.name} took {elapsed:.2f}s to import"
    assert dags, f"{path.name} defines no DAG at module level"
    heavy = {"trafilatura", "great_expectations", "duckdb", "pandas", "pipeline"}
    assert {m.split(".")[0] for m in set(sys.modules) - before} & heavy == set()


EXPECTED_DAGS = {"crinkwatch_ingest", "crinkwatch_process", "crinkwatch_publish",
                 "crinkwatch_retag", "crinkwatch_adhoc"}


@pytest.fixture(scope="module")
def dagbag(airflow_home):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_DIR))


def test_dagbag_loads_every_dag_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == EXPECTED_DAGS


def test_downstream_dags_are_scheduled_by_the_upstream_assets(dagbag):
    def schedule_names(dag_id: str) -> set[str]:
        return {a.name for a in dagbag.dags[dag_id].schedule}

    assert dagbag.dags["crinkwatch_ingest"].schedule == "@daily"
    assert schedule_names("crinkwatch_process") == {"raw_pages"}
    assert schedule_names("crinkwatch_publish") == {"validated_batch"}
    assert schedule_names("crinkwatch_adhoc") == {"adhoc_request"}
    assert dagbag.dags["crinkwatch_retag"].schedule is None


def test_adhoc_request_is_watched_by_a_file_trigger(dagbag):
    [asset] = dagbag.dags["crinkwatch_adhoc"].schedule
    [watcher] = asset.watchers
    classpath, kwargs = watcher.trigger.serialize()
    assert classpath.endswith("FileDeleteTrigger")
    assert kwargs["filepath"].endswith("/inbox/READY")


def test_outlets_emit_the_chain_assets(dagbag):
    def outlets(dag_id: str, task_id: str) -> set[str]:
        return {o.name for o in dagbag.dags[dag_id].get_task(task_id).outlets}

    assert outlets("crinkwatch_ingest", "merge") == {"raw_pages"}
    assert outlets("crinkwatch_adhoc", "fetch_urls") == {"raw_pages"}
    assert outlets("crinkwatch_process", "validate") == {"validated_batch"}
    assert outlets("crinkwatch_publish", "trends") == {"trends"}
    assert outlets("crinkwatch_retag", "trends") == {"trends"}


def test_every_task_has_retries_timeout_and_failure_callback(dagbag):
    from _crinkwatch import notify_failure

    for dag in dagbag.dags.values():
        assert dag.max_active_runs == 1, dag.dag_id
        assert dag.catchup is False, dag.dag_id
        for t in dag.tasks:
            where = f"{dag.dag_id}.{t.task_id}"
            assert t.execution_timeout is not None, where
            callbacks = t.on_failure_callback
            assert notify_failure in (callbacks if isinstance(callbacks, list) else [callbacks]), where
            if t.retries:
                assert t.retry_exponential_backoff, where
    # Retrying a failed expectation cannot change the verdict; fetches are retried.
    assert dagbag.dags["crinkwatch_process"].get_task("validate").retries == 0
    assert dagbag.dags["crinkwatch_ingest"].get_task("fetch_source").retries >= 2


def test_fetches_share_a_pool_and_warehouse_writers_one_slot(dagbag):
    from _crinkwatch import FETCH_POOL, POOLS, WAREHOUSE_POOL

    assert dagbag.dags["crinkwatch_ingest"].get_task("fetch_source").pool == FETCH_POOL
    assert dagbag.dags["crinkwatch_adhoc"].get_task("fetch_urls").pool == FETCH_POOL
    for dag_id in ("crinkwatch_publish", "crinkwatch_retag"):
        for t in dagbag.dags[dag_id].tasks:
            if t.task_id != "batches":
                assert t.pool == WAREHOUSE_POOL, f"{dag_id}.{t.task_id}"
    assert POOLS[WAREHOUSE_POOL][0] == 1


def test_failure_callback_raises_a_data_quality_alert(tmp_path, monkeypatch):
    from _crinkwatch import notify_failure

    from pipeline.warehouse.quality_records import list_alerts

    monkeypatch.setenv("CRINKWATCH_DATA_DIR", str(tmp_path))

    class TI:
        dag_id, task_id, run_id, try_number = "crinkwatch_process", "validate", "manual__x", 1

    notify_failure({"task_instance": TI(), "exception": RuntimeError("suite failed"),
                    "params": {"batch_id": "b1"}})

    from pipeline.config import load_settings

    [alert] = list_alerts(load_settings().private_db_path)  # alerts live with the loads
    assert alert["check_name"] == "task_failed" and alert["severity"] == "critical"
    assert alert["subject"] == "crinkwatch_process.validate" and alert["batch_id"] == "b1"
    assert "suite failed" in alert["observed"]
