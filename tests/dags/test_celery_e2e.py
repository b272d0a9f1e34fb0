"""A real distributed run: Airflow's CeleryExecutor with PostgreSQL, Redis and two workers.

The test starts the whole cluster on 127.0.0.1 (``tests/dags/celery_stack.py``, the same code
``make airflow-celery`` runs), triggers ``crinkwatch_ingest`` against the bundled demo site
through the REST API and waits, for as long as the runs make progress, until the asset chain
(ingest → process → publish) has published the demo's articles to DuckDB. It then reads every
task instance's hostname from the REST API: both workers must have run tasks. The fixture's
finalizer stops every process it started, and the Postgres cluster, on success or failure.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from pipeline.demo.server import SITE_DIR
from tests.conftest import write_sources
from tests.dags.celery_stack import CeleryStack, missing_services
from tests.dags.test_scheduler_e2e import Api, ProgressDeadline

pytestmark = [pytest.mark.airflow, pytest.mark.slow]

DEMO_DIR = SITE_DIR.parent
DEMO_AS_OF = "2026-11-27"  # the demo site's snapshot day (see README: crinkwatch demo)
CHAIN = ("crinkwatch_ingest", "crinkwatch_process", "crinkwatch_publish")


@pytest.fixture
def celery_stack(tmp_path, demo_server):
    missing = missing_services()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make test installs them)")
    sources = write_sources(tmp_path / "sources.yml", demo_server, DEMO_DIR / "sources.yml")
    stack = CeleryStack(home=tmp_path / "airflow_home", data_dir=tmp_path / "data", extra_env={
        "CRINKWATCH_SOURCES": str(sources), "CRINKWATCH_ALLOW_PRIVATE": "127.0.0.1",
        "CRINKWATCH_AS_OF": DEMO_AS_OF})
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


class StackApi(Api):
    """The REST client, failing fast when a component died and showing every component's log."""

    def __init__(self, stack: CeleryStack) -> None:
        log = stack.log_dir / "api-server.log"
        super().__init__(stack.base_url, stack.home, log)
        self.stack = stack

    def fail_on_failed_runs(self) -> None:
        if dead := self.stack.dead():
            pytest.fail(f"{', '.join(dead)} exited\n{self.stack.tail()}")
        super().fail_on_failed_runs()

    def tail(self, lines: int = 40) -> str:
        return super().tail(lines) + "\n" + self.stack.tail()

    def task_hosts(self, dag_id: str) -> dict[tuple[str, int], str]:
        """(task id, map index) → hostname of every task instance of the DAG's runs."""
        hosts = {}
        for run in self.get(f"/dags/{dag_id}/dagRuns")["dag_runs"]:
            tis = self.get(f"/dags/{dag_id}/dagRuns/{run['dag_run_id']}/taskInstances")
            for ti in tis["task_instances"]:
                hosts[(ti["task_id"], ti["map_index"])] = ti["hostname"]
        return hosts


def test_celery_cluster_runs_the_chain_on_both_workers(celery_stack: CeleryStack):
    # Waits last as long as task, run and event states keep changing (a generous cap in all).
    deadline = ProgressDeadline()
    api = StackApi(celery_stack)
    api.wait("the api-server", lambda: api.client.get("/api/v2/monitor/health").is_success,
             deadline)
    api.login()
    api.wait("the DAGs to be parsed", lambda: {d["dag_id"] for d in api.get(
        "/dags", dag_id_pattern="crinkwatch")["dags"]} >= set(CHAIN), deadline)
    for dag_id in ("crinkwatch_process", "crinkwatch_publish"):
        api.send("PATCH", f"/dags/{dag_id}", {"is_paused": False})
    api.trigger("crinkwatch_ingest", "celery_ingest")
    api.send("PATCH", "/dags/crinkwatch_ingest", {"is_paused": False})

    [raw] = api.wait("the raw_pages event of the triggered ingest", lambda: api.events(
        source_dag_id="crinkwatch_ingest", source_run_id="celery_ingest"), deadline)
    batch_id = raw["extra"]["batch_id"]
    expected = yaml.safe_load((DEMO_DIR / "expected.yml").read_text(encoding="utf-8"))
    assert raw["extra"]["pages_ok"] == len(expected["articles"])

    [trends] = api.wait("trends published for the ingested batch", lambda: [
        e for e in api.events(source_dag_id="crinkwatch_publish")
        if e["name"] == "trends" and batch_id in e["extra"].get("batch_ids", [])], deadline)
    assert trends["extra"]["trend_rows"] > 0

    hosts = {dag_id: api.task_hosts(dag_id) for dag_id in CHAIN}
    used = {h for per_dag in hosts.values() for h in per_dag.values()}
    assert used == set(celery_stack.worker_names()), hosts
    assert all(hosts.values()), hosts  # every DAG of the chain ran its tasks on the cluster

    con = duckdb.connect(str(Path(trends["extra"]["db_path"])), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == \
            len(expected["articles"])
        assert con.execute("select count(*) from daily_member_mentions").fetchone()[0] == \
            trends["extra"]["trend_rows"]
    finally:
        con.close()
