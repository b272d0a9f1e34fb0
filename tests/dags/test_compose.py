"""docker-compose.yml is valid for a real Compose implementation and matches the DAGs' needs.

No container engine runs here: ``config`` parses, interpolates and validates the file against
the Compose specification without one. ``make test`` installs Debian's ``docker-compose`` when
neither it nor the ``docker compose`` plugin is present.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
AIRFLOW_SERVICES = {"airflow-init", "airflow-apiserver", "airflow-scheduler",
                    "airflow-dag-processor", "airflow-triggerer", "airflow-worker"}


def _compose_cli() -> list[str]:
    if shutil.which("docker") and subprocess.run(
            ["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    pytest.fail("no Compose implementation: run `make compose-cli` "
                "(installs Debian's docker-compose) or install the docker compose plugin")


def _config(tmp_path: Path, *args: str, env: dict[str, str] | None = None,
            compose_file: Path = COMPOSE_FILE) -> subprocess.CompletedProcess:
    run_env = {k: v for k, v in os.environ.items() if k not in ("AIRFLOW_JWT_SECRET",)}
    run_env.update(env or {})
    return subprocess.run([*_compose_cli(), "--project-directory", str(ROOT), "-f",
                           str(compose_file), "config", *args],
                          capture_output=True, text=True, env=run_env, cwd=tmp_path)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    """The file as the Compose implementation resolves it (anchors merged, variables filled)."""
    result = _config(tmp_path_factory.mktemp("compose"), env={"AIRFLOW_JWT_SECRET": "test"})
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def test_compose_file_is_valid(tmp_path):
    result = _config(tmp_path, "-q", env={"AIRFLOW_JWT_SECRET": "test"})
    assert result.returncode == 0, result.stderr


def test_compose_refuses_to_start_without_a_jwt_secret(tmp_path):
    result = _config(tmp_path, "-q")
    assert result.returncode != 0 and "AIRFLOW_JWT_SECRET" in result.stderr


def test_the_validator_rejects_an_unknown_key(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(COMPOSE_FILE.read_text().replace(
        "    command: scheduler\n", "    command: scheduler\n    replicaz: 2\n"))
    result = _config(tmp_path, "-q", env={"AIRFLOW_JWT_SECRET": "test"}, compose_file=broken)
    assert result.returncode != 0 and "replicaz" in result.stderr


def test_scale_out_stack_has_every_component(rendered):
    services = rendered["services"]
    assert set(services) == AIRFLOW_SERVICES | {"postgres", "redis"}
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql"), name
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis"), name
        assert services[name]["build"]["dockerfile"] == "Dockerfile", name
        mounts = {v["target"] if isinstance(v, dict) else v.split(":")[1]
                  for v in services[name]["volumes"]}
        assert {"/data", "/warehouse"} <= mounts, name
    commands = {n: " ".join(services[n]["command"]) if isinstance(services[n]["command"], list)
                else services[n]["command"] for n in AIRFLOW_SERVICES - {"airflow-init"}}
    assert commands == {"airflow-apiserver": "api-server", "airflow-scheduler": "scheduler",
                        "airflow-dag-processor": "dag-processor",
                        "airflow-triggerer": "triggerer", "airflow-worker": "celery worker"}
    assert services["airflow-worker"]["depends_on"]["airflow-init"]["condition"] == \
        "service_completed_successfully"
    assert {"crinkwatch-data", "crinkwatch-warehouse"} <= set(rendered["volumes"])


def test_init_creates_the_pools_the_dags_use(rendered, airflow_home):
    from _crinkwatch import POOLS

    script = " ".join(rendered["services"]["airflow-init"]["command"])
    for name, (slots, _) in POOLS.items():
        assert re.search(rf"pools set {name} {slots} ", script), name


def test_image_installs_the_package_on_the_pinned_airflow():
    dockerfile = (ROOT / "Dockerfile").read_text()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]["airflow"]
    pinned = next(d.split("==")[1] for d in extras if d.startswith("apache-airflow=="))
    assert f"ARG AIRFLOW_VERSION={pinned}" in dockerfile
    assert "FROM apache/airflow:${AIRFLOW_VERSION}-python${PYTHON_VERSION}" in dockerfile
    assert re.search(r"pip install .*-e \.", dockerfile)
    assert "COPY --chown=airflow:root dags dags" in dockerfile
