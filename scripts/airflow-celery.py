#!/usr/bin/env python
"""Start crinkwatch on a local Airflow Celery cluster: PostgreSQL (metadata, Celery results),
Redis (broker), api-server, scheduler, dag-processor, triggerer and N Celery workers, all on
127.0.0.1. The same code starts the cluster of ``tests/dags/test_celery_e2e.py``.

Example:  scripts/airflow-celery.py                      # UI on http://127.0.0.1:8080, 2 workers
          AIRFLOW_PORT=8090 CELERY_WORKERS=3 CRINKWATCH_DATA_DIR=/srv/crinkwatch scripts/airflow-celery.py

Settings (environment): AIRFLOW_HOME (default .airflow-celery), AIRFLOW_PORT (8080),
CELERY_WORKERS (2), CELERY_WORKER_CONCURRENCY (2), CRINKWATCH_DATA_DIR (data),
CRINKWATCH_SOURCES, CRINKWATCH_ALLOW_PRIVATE. The Postgres cluster is a throwaway: metadata
starts afresh each time (the pipeline's data folder and warehouse are kept). Ctrl-C stops all.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dags.celery_stack import CeleryStack, missing_services  # noqa: E402


def main() -> int:
    if missing := missing_services():
        print(f"airflow-celery: needs {', '.join(missing)}", file=sys.stderr)
        return 2
    passthrough = {k: v for k, v in os.environ.items()
                   if k.startswith("CRINKWATCH_") and k != "CRINKWATCH_DATA_DIR"}
    stack = CeleryStack(
        home=Path(os.environ.get("AIRFLOW_HOME", ROOT / ".airflow-celery")).resolve(),
        data_dir=Path(os.environ.get("CRINKWATCH_DATA_DIR", ROOT / "data")).resolve(),
        extra_env=passthrough, workers=int(os.environ.get("CELERY_WORKERS", "2")),
        worker_concurrency=int(os.environ.get("CELERY_WORKER_CONCURRENCY", "2")),
        port=int(os.environ.get("AIRFLOW_PORT", "8080")))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    with stack:
        password = json.loads(stack.password_file.read_text())["admin"]
        print(f"crinkwatch on Airflow (CeleryExecutor, {stack.workers} workers)\n"
              f"  UI:       {stack.base_url}\n"
              f"  login:    admin / {password}   (stored in {stack.password_file})\n"
              f"  workers:  {', '.join(stack.worker_names())}\n"
              f"  logs:     {stack.log_dir}\n"
              f"  data:     {stack.data_dir}\n"
              "Ctrl-C stops every component.", flush=True)
        try:
            while not (dead := stack.dead()):
                time.sleep(2)
            print(f"airflow-celery: {', '.join(dead)} exited; see {stack.log_dir}",
                  file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
