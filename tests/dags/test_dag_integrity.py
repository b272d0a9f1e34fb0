"""Every DAG file imports cleanly, defines its DAGs, and does no I/O while being imported."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest

from tests.dags.conftest import DAGS_DIR

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


def test_dagbag_loads_every_dag_without_errors(airflow_home):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS_DIR))
    assert bag.import_errors == {}
    assert "crinkwatch_daily" in bag.dag_ids
