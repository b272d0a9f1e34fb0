"""A throwaway Airflow CeleryExecutor cluster on 127.0.0.1: what the Celery test and
``make airflow-celery`` (``scripts/airflow-celery.py``) start.

PostgreSQL (a fresh cluster from Debian's server binaries, in a temp folder) holds Airflow's
metadata and the Celery results, Redis (no persistence) is the broker, and the api-server,
scheduler, dag-processor, triggerer and N Celery workers run as separate processes, each in its
own process group so that ``stop()`` ends it with everything it spawned. Every worker has its
own name (``--celery-hostname`` and the task instances' ``hostname``), so a run can say which
worker ran what even though all of them share one machine.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
# Ran by each worker's task processes (``[core] hostname_callable``): the worker's own name.
HOSTNAME_CALLABLE = "tests.dags.celery_stack.worker_hostname"
WORKER_NAME_ENV = "CRINKWATCH_WORKER_NAME"
COMPONENTS = ("api-server", "scheduler", "dag-processor", "triggerer")
CREATE_POOLS = """
import subprocess, sys
sys.path.insert(0, sys.argv[1])
from _crinkwatch import POOLS
for name, (slots, description) in POOLS.items():
    subprocess.run([sys.executable, "-m", "airflow", "pools", "set", name, str(slots), description],
                   check=True, stdout=subprocess.DEVNULL)
"""


def worker_hostname() -> str:
    """The name of the Celery worker this task runs on (its host's name outside the stack)."""
    return os.environ.get(WORKER_NAME_ENV) or socket.getfqdn()


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def missing_services() -> list[str]:
    """The server programs this stack needs that are not installed (empty when all are)."""
    missing = [] if shutil.which("redis-server") else ["redis-server"]
    if not any((d / "initdb").exists() for d in PG_BIN_DIRS):
        missing.append("postgresql")
    # Looked up without importing: importing airflow here would fix its configuration for the
    # whole test process before the in-process DAG tests set theirs.
    try:
        importlib.metadata.version("apache-airflow-providers-celery")
        has_driver = importlib.util.find_spec("psycopg2") is not None
    except importlib.metadata.PackageNotFoundError:
        has_driver = False
    if not has_driver:
        missing.append("the celery extra (pip install -e '.[celery]')")
    return missing


def _run_or_say_why(argv: list[str], env: dict[str, str] | None = None,
                    cwd: Path | None = None) -> None:
    """Run a set-up command; when it fails, raise with the end of what it printed."""
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        said = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise RuntimeError(f"{' '.join(argv[:4])} failed ({done.returncode}):\n" + "\n".join(said))


def stop_group(proc: subprocess.Popen, grace_s: float = 30) -> None:
    """End a process and everything in its process group: TERM, then KILL what is left."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        pass
    end = time.monotonic() + grace_s / 2
    while time.monotonic() < end:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.3)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


class Postgres:
    """A private PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only.

    The server refuses to run as root, so under root the cluster belongs to the ``postgres``
    system user and every server command runs as that user.
    """

    def __init__(self) -> None:
        self.bin = next(d for d in PG_BIN_DIRS if (d / "initdb").exists())
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="crinkwatch-pg-"))
        self.log = self.root / "postgres.log"
        self.data = self.root / "data"
        self.started = False
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://airflow@{HOST}:{self.port}/airflow"

    def _run(self, *args: str) -> None:
        _run_or_say_why([*self.as_user, *args], cwd=self.root)

    def start(self) -> None:
        """initdb, start on a free port (no fsync: the cluster is thrown away), create the DB."""
        if self.as_user:
            shutil.chown(self.root, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "airflow",
                  "--auth=trust", "-E", "UTF8", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses={HOST} -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "120", "start")
        self.started = True
        self._run(str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "airflow",
                  "airflow")

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete the cluster."""
        if self.started:
            subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data),
                            "-m", "fast", "-w", "-t", "60", "stop"], cwd=self.root,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class CeleryStack:
    """Postgres, Redis and the Airflow components with ``workers`` Celery workers."""

    home: Path
    data_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    workers: int = 2
    worker_concurrency: int = 1
    port: int = 0
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    postgres: Postgres | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log_dir(self) -> Path:
        return self.home / "stack-logs"

    @property
    def password_file(self) -> Path:
        return self.home / "passwords.json"

    def worker_names(self) -> list[str]:
        return [f"crinkwatch-worker-{i}" for i in range(1, self.workers + 1)]

    def env(self) -> dict[str, str]:
        """The environment every component shares (the host's AIRFLOW_* settings left out)."""
        assert self.postgres is not None
        env = {k: v for k, v in os.environ.items() if "AIRFLOW" not in k}
        pythonpath = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        env.update({
            "AIRFLOW_HOME": str(self.home),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            "PYTHONPATH": pythonpath,
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__CORE__PARALLELISM": "8",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": self.postgres.url,
            "AIRFLOW__CELERY__BROKER_URL": f"redis://{HOST}:{self.redis_port}/0",
            "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{self.postgres.url}",
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": str(self.worker_concurrency),
            "AIRFLOW__API__HOST": HOST,
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API__BASE_URL": self.base_url,
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.base_url}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": self.secret,
            "AIRFLOW__API__SECRET_KEY": self.secret,
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(self.password_file),
            "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
            # A new asset event should start its consumer within seconds, not the default minute.
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
            "CRINKWATCH_DATA_DIR": str(self.data_dir),
        })
        env.update(self.extra_env)
        return env

    def start(self) -> None:
        """Start every part; raise (after stopping what started) if one cannot start."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "inbox").mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.redis_port = free_port()
        self.secret = secrets.token_urlsafe(24)
        if not self.password_file.exists():
            self.password_file.write_text(json.dumps({"admin": secrets.token_urlsafe(12)}))
        try:
            self.postgres = Postgres()
            self.postgres.start()
            self._spawn("redis", ["redis-server", "--bind", HOST, "--port", str(self.redis_port),
                                  "--save", "", "--appendonly", "no", "--dir", str(self.home)])
            env = self.env()
            airflow = [sys.executable, "-m", "airflow"]
            _run_or_say_why([*airflow, "db", "migrate"], env)
            self._create_pools(env)
            for component in COMPONENTS:
                self._spawn(component, [*airflow, component], env)
            for name in self.worker_names():
                worker_env = {**env, WORKER_NAME_ENV: name,
                              "AIRFLOW__CORE__HOSTNAME_CALLABLE": HOSTNAME_CALLABLE}
                self._spawn(name, [*airflow, "celery", "worker", "--celery-hostname",
                                   f"{name}@%h", "--skip-serve-logs"], worker_env)
        except BaseException:
            self.stop()
            raise

    def _create_pools(self, env: dict[str, str]) -> None:
        """The DAGs' pools, read from their shared module in a child process with the stack's
        configuration (importing airflow in this process would configure it for this one)."""
        _run_or_say_why([sys.executable, "-c", CREATE_POOLS, str(ROOT / "dags")], env)

    def _spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        with (self.log_dir / f"{name}.log").open("ab") as out:
            self.procs[name] = subprocess.Popen(argv, env=env, stdout=out,
                                                stderr=subprocess.STDOUT, cwd=self.home,
                                                start_new_session=True)

    def dead(self) -> list[str]:
        """The components that have exited (a running stack has none)."""
        return [name for name, p in self.procs.items() if p.poll() is not None]

    def tail(self, lines: int = 15) -> str:
        """Each component's last log lines, to say why something did not happen."""
        out = []
        logs = sorted(self.log_dir.glob("*.log"))
        if self.postgres is not None and self.postgres.log.exists():
            logs.append(self.postgres.log)
        for log in logs:
            text = log.read_text(errors="replace").splitlines()[-lines:]
            out.append(f"--- {log.name}\n" + "\n".join(text))
        return "\n".join(out)

    def stop(self) -> None:
        """Stop workers first (they finish nothing new), then the rest, then the databases."""
        for name in reversed(list(self.procs)):
            stop_group(self.procs.pop(name))
        if self.postgres is not None:
            self.postgres.stop()

    def __enter__(self) -> "CeleryStack":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
