"""End to end on a real Airflow: scheduler, dag-processor, triggerer and api-server.

``scripts/airflow-local.sh`` (what ``make airflow`` runs) starts the stack on 127.0.0.1 with a
temp AIRFLOW_HOME and SQLite. The test triggers ``crinkwatch_ingest`` through the REST API
against the fixture site and waits until the asset-triggered chain (process → publish) has
published trends to DuckDB; then it drops a URL file and the READY flag into the inbox and
waits for the watcher-started ad-hoc batch to be published too. Every process the script
started shares one process group, which is ended in ``finally``.

No fixed wall-clock deadline: a wait fails only when nothing in the stack has moved for
``STALL_S`` (no task instance, run or asset event changed state, no task log grew), or after
``CAP_S`` in all. A machine whose cores are busy with other work is slower, not stuck.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import MINISITE, write_sources
from tests.dags.celery_stack import stop_group

pytestmark = [pytest.mark.airflow, pytest.mark.slow]

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "airflow-local.sh"
CHAIN = ("crinkwatch_ingest", "crinkwatch_process", "crinkwatch_publish", "crinkwatch_adhoc")
STALL_S = 300  # no observable progress for this long: the stack is stuck
CAP_S = 1500  # the whole test, however steadily it progresses


class ProgressDeadline:
    """A deadline that moves while the observed state keeps changing.

    ``expired(fingerprint)`` is true once the fingerprint has stayed the same for ``stall_s``,
    or ``cap_s`` after the start.
    """

    def __init__(self, stall_s: float = STALL_S, cap_s: float = CAP_S, clock=time.monotonic) -> None:
        self.stall_s, self.clock = stall_s, clock
        self.started = self.last_change = clock()
        self.cap_at = self.started + cap_s
        self.fingerprint: object = None

    def expired(self, fingerprint: object) -> bool:
        now = self.clock()
        if fingerprint != self.fingerprint:
            self.fingerprint, self.last_change = fingerprint, now
        return now - self.last_change > self.stall_s or now > self.cap_at

    def why(self) -> str:
        now = self.clock()
        if now > self.cap_at:
            return f"after {now - self.started:.0f}s in all (cap {self.cap_at - self.started:.0f}s)"
        return f"nothing moved for {now - self.last_change:.0f}s ({now - self.started:.0f}s in all)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    """A small client of Airflow's REST API (v2) with a JWT from the simple auth manager."""

    def __init__(self, base_url: str, home: Path, log: Path) -> None:
        self.base_url, self.home, self.log = base_url, home, log
        self.password_file = home / "passwords.json"
        self.client = httpx.Client(base_url=base_url, timeout=10)

    def login(self) -> None:
        password = json.loads(self.password_file.read_text())["admin"]
        r = self.client.post("/auth/token", json={"username": "admin", "password": password})
        r.raise_for_status()
        self.client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"

    def get(self, path: str, **params) -> dict:
        r = self.client.get(f"/api/v2{path}", params=params)
        r.raise_for_status()
        return r.json()

    def send(self, method: str, path: str, body: dict) -> dict:
        """An idempotent write; 5xx (SQLite briefly locked by the scheduler) is retried."""
        for _ in range(10):
            r = self.client.request(method, f"/api/v2{path}", json=body)
            if r.status_code < 500:
                break
            time.sleep(2)
        assert r.status_code < 300, f"{method} {path}: {r.status_code} {r.text}"
        return r.json()

    def trigger(self, dag_id: str, run_id: str) -> None:
        """Create a run; SQLite may be briefly locked by the scheduler, so 5xx is retried."""
        body = {"dag_run_id": run_id, "logical_date": None, "conf": {}}
        for _ in range(10):
            r = self.client.post(f"/api/v2/dags/{dag_id}/dagRuns", json=body)
            if r.status_code < 300 or r.status_code == 409:  # 409: an earlier try got through
                return
            assert r.status_code >= 500, f"trigger {dag_id}: {r.status_code} {r.text}"
            time.sleep(2)
        pytest.fail(f"could not trigger {dag_id}: {r.status_code} {r.text}\n{self.tail()}")

    def events(self, **filters) -> list[dict]:
        return self.get("/assets/events", limit=100, order_by="timestamp", **filters)["asset_events"]

    def progress(self) -> tuple:
        """Everything that changes while the stack works: task instance and run states, asset
        events, the task logs' sizes (a long task writes), the stack log before the API is up."""
        logs = sorted((str(p), p.stat().st_size) for p in (self.home / "logs").rglob("*.log")) \
            if (self.home / "logs").exists() else []
        if "Authorization" not in self.client.headers:
            return (self.log.stat().st_size, tuple(logs))
        tis = self.get("/dags/~/dagRuns/~/taskInstances", limit=1000)["task_instances"]
        states = sorted((t["dag_id"], t["dag_run_id"], t["task_id"], t["map_index"], t["state"] or "",
                         t["try_number"]) for t in tis)
        runs = sorted((r["dag_id"], r["dag_run_id"], r["state"]) for r in
                      self.get("/dags/~/dagRuns", limit=1000)["dag_runs"])
        return (tuple(states), tuple(runs), len(self.events()), tuple(logs))

    def wait(self, what: str, check, deadline: ProgressDeadline):
        """Poll ``check`` until it returns something truthy, for as long as the stack makes
        progress; fail with the stack's log tail when it stalls."""
        fingerprint: tuple = ()
        while True:
            try:
                fingerprint = self.progress()
            except (httpx.HTTPError, OSError, KeyError, ValueError):
                pass  # keep the last one: an api-server restarting a worker is not progress
            if deadline.expired(fingerprint):
                break
            try:
                found = check()
                if found:
                    return found
                self.fail_on_failed_runs()
            except httpx.HTTPStatusError as exc:
                if exc.response.status_code < 500:  # a wrong request will not get better
                    raise
            except (httpx.TransportError, OSError, KeyError, ValueError):
                pass  # the api-server restarting a worker, or not up yet
            time.sleep(2)
        pytest.fail(f"timed out waiting for {what}: {deadline.why()}\n{self.tail()}")

    def fail_on_failed_runs(self) -> None:
        if "Authorization" not in self.client.headers:
            return
        for dag_id in CHAIN:
            runs = self.get(f"/dags/{dag_id}/dagRuns", state="failed")["dag_runs"]
            if runs:
                pytest.fail(f"{dag_id} run {runs[0]['dag_run_id']} failed\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        """The stack's last log lines and the state of every run, to say why a wait failed."""
        text = "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        try:
            for dag_id in CHAIN:
                for run in self.get(f"/dags/{dag_id}/dagRuns")["dag_runs"]:
                    tis = self.get(f"/dags/{dag_id}/dagRuns/{run['dag_run_id']}/taskInstances")
                    states = [(t["task_id"], t["map_index"], t["state"])
                              for t in tis["task_instances"]]
                    text += f"\n{dag_id} {run['dag_run_id']} {run['state']} {states}"
        except (httpx.HTTPError, KeyError):
            pass
        for task_log in sorted((self.home / "logs").rglob("*.log")):
            body = task_log.read_text(errors="replace")
            if "Traceback" in body or '"level": "error"' in body or "[error" in body:
                text += f"\n--- {task_log.relative_to(self.home)}\n{body[-3000:]}"
        return text


def test_scheduler_runs_the_asset_chain_to_published_trends(tmp_path, minisite_server):
    deadline = ProgressDeadline()
    port = _free_port()
    home, data = tmp_path / "airflow_home", tmp_path / "data"
    sources = write_sources(tmp_path / "sources.yml", minisite_server, MINISITE / "sources.yml")
    env = {k: v for k, v in os.environ.items() if "AIRFLOW" not in k}
    env.update({
        "AIRFLOW_HOME": str(home), "AIRFLOW_PORT": str(port), "PYTHON": sys.executable,
        "AIRFLOW_PARALLELISM": "2",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(_free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(_free_port()),
        "CRINKWATCH_SOURCES": str(sources), "CRINKWATCH_DATA_DIR": str(data),
        "CRINKWATCH_ALLOW_PRIVATE": "127.0.0.1",
    })
    log = tmp_path / "airflow.log"
    with log.open("wb") as out:
        stack = subprocess.Popen(["bash", str(SCRIPT)], env=env, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    api = Api(f"http://127.0.0.1:{port}", home, log)
    try:
        api.wait("the api-server", lambda: api.client.get("/api/v2/monitor/health").is_success,
                 deadline)
        banner = log.read_text()
        assert f"UI:       http://127.0.0.1:{port}" in banner and "login:    admin / " in banner
        api.login()
        api.wait("the DAGs to be parsed", lambda: {d["dag_id"] for d in api.get(
            "/dags", dag_id_pattern="crinkwatch")["dags"]} >= set(CHAIN), deadline)

        # New DAGs start paused; consumers first, so no event finds its consumer paused.
        for dag_id in ("crinkwatch_process", "crinkwatch_publish", "crinkwatch_adhoc"):
            api.send("PATCH", f"/dags/{dag_id}", {"is_paused": False})
        api.trigger("crinkwatch_ingest", "e2e_ingest")
        api.send("PATCH", "/dags/crinkwatch_ingest", {"is_paused": False})
        [raw] = api.wait("the raw_pages event of the triggered ingest", lambda: api.events(
            source_dag_id="crinkwatch_ingest", source_run_id="e2e_ingest"), deadline)
        batch_id = raw["extra"]["batch_id"]
        assert raw["name"] == "raw_pages" and raw["extra"]["pages_ok"] == 2
        assert raw["extra"]["raw_pages"].endswith(f"{batch_id}/raw_pages.jsonl")

        def published(batch: str):
            return [e for e in api.events(source_dag_id="crinkwatch_publish")
                    if e["name"] == "trends" and batch in e["extra"].get("batch_ids", [])]

        [trends] = api.wait("trends published for the ingested batch",
                            lambda: published(batch_id), deadline)
        validated = [e for e in api.events(source_dag_id="crinkwatch_process")
                     if e["extra"]["batch_id"] == batch_id]
        assert validated and validated[0]["name"] == "validated_batch"
        assert trends["extra"]["trend_rows"] > 0

        # The analyst path: a URL file, then the READY flag the triggerer's watcher waits for.
        inbox = data / "inbox"
        (inbox / "desk.txt").write_text(f"{minisite_server.base_url}/news/tea.html\n")
        (inbox / "READY").touch()
        [adhoc] = api.wait("the watcher-started ad-hoc batch", lambda: api.events(
            source_dag_id="crinkwatch_adhoc"), deadline)
        assert adhoc["extra"]["origin"] == "adhoc" and adhoc["extra"]["pages_ok"] == 1
        api.wait("trends published for the ad-hoc batch",
                 lambda: published(adhoc["extra"]["batch_id"]), deadline)
        assert not (inbox / "READY").exists() and not (inbox / "desk.txt").exists()
    finally:
        stop_group(stack)  # the script's whole process group

    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
        assert con.execute("select count(*) from daily_member_mentions").fetchone()[0] == \
            trends["extra"]["trend_rows"]
    finally:
        con.close()


def test_the_deadline_moves_while_progress_is_seen_and_not_after():
    now = [0.0]
    deadline = ProgressDeadline(stall_s=10, cap_s=1000, clock=lambda: now[0])
    for step in range(9):  # 90 s of steady progress: far past the stall window, never expired
        now[0] += 10
        assert not deadline.expired(("task", step))
    now[0] += 10
    assert not deadline.expired(("task", 8))  # the same state for 10 s: not yet stalled
    now[0] += 1
    assert deadline.expired(("task", 8)) and "nothing moved for 11s" in deadline.why()
    now[0] = 1001
    assert deadline.expired(("task", "new")) and "cap" in deadline.why()
