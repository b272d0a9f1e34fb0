"""Airflow runs in a temp AIRFLOW_HOME with a SQLite metadata DB, set up once per session.

Airflow reads its configuration when first imported, so the environment is set here and the
tests import airflow only inside their bodies.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DAGS_DIR = Path(__file__).parents[2] / "dags"
# Airflow puts the DAG bundle folder on sys.path; so do the tests, for the shared helper module.
if str(DAGS_DIR) not in sys.path:
    sys.path.insert(0, str(DAGS_DIR))

pytestmark = pytest.mark.airflow


@pytest.fixture(scope="session")
def airflow_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("airflow_home")
    env = {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_DIR),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
    }
    os.environ.update(env)
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True,
                   capture_output=True, env={**os.environ, **env})
    return home


def load_dag(name: str):
    """Import one DAG file the way the DAG processor does and return its DAG."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"dagfile_{name}", DAGS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.dag


def asset_events(asset_name: str, dag_id: str, run_id: str) -> list[dict]:
    """The extras of the asset events one DAG run emitted, read from the metadata DB."""
    from sqlalchemy import select

    from airflow.models.asset import AssetEvent, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = session.scalars(
            select(AssetEvent).join(AssetModel, AssetEvent.asset_id == AssetModel.id)
            .where(AssetModel.name == asset_name, AssetEvent.source_dag_id == dag_id,
                   AssetEvent.source_run_id == run_id)
            .order_by(AssetEvent.id)).all()
        return [dict(e.extra) for e in rows]
