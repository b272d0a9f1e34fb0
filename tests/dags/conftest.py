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
