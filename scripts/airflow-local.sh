#!/usr/bin/env bash
# Start a local Airflow 3 with the crinkwatch DAGs: api-server, scheduler, dag-processor and
# triggerer (`airflow standalone`), SQLite metadata, LocalExecutor, bound to 127.0.0.1.
#
# Example:  scripts/airflow-local.sh            # UI on http://127.0.0.1:8080
#           AIRFLOW_PORT=8090 CRINKWATCH_DATA_DIR=/srv/crinkwatch scripts/airflow-local.sh
#
# Settings (environment): AIRFLOW_HOME (default .airflow), AIRFLOW_PORT (8080), PYTHON
# (.venv/bin/python), CRINKWATCH_DATA_DIR (data), CRINKWATCH_SOURCES, CRINKWATCH_ALLOW_PRIVATE,
# AIRFLOW_PARALLELISM (4). Ctrl-C stops every component.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
PORT=${AIRFLOW_PORT:-8080}
HOST=127.0.0.1

export AIRFLOW_HOME=${AIRFLOW_HOME:-$ROOT/.airflow}
export CRINKWATCH_DATA_DIR=${CRINKWATCH_DATA_DIR:-$ROOT/data}
export PATH="$(dirname "$PY"):$PATH"  # standalone starts its components as `airflow ...`
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export AIRFLOW__CORE__DAGS_FOLDER=$ROOT/dags
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__EXECUTOR=LocalExecutor
export AIRFLOW__CORE__PARALLELISM=${AIRFLOW_PARALLELISM:-4}
export AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG=${AIRFLOW_PARALLELISM:-4}
# SQLite serialises writers; wait for a lock rather than fail a task start under load.
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-sqlite:///$AIRFLOW_HOME/airflow.db?timeout=30}
export AIRFLOW__API__HOST=$HOST
export AIRFLOW__API__PORT=$PORT
export AIRFLOW__API__BASE_URL=http://$HOST:$PORT
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL=http://$HOST:$PORT/execution/
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE=$AIRFLOW_HOME/passwords.json
# A new asset event should start its consumer within seconds, not the default minute.
export AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC=${AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC:-2}
export AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL=${AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL:-30}

mkdir -p "$AIRFLOW_HOME" "$CRINKWATCH_DATA_DIR/inbox"
if [ ! -s "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" ]; then
  "$PY" -c 'import json, secrets, sys; json.dump({"admin": secrets.token_urlsafe(12)}, open(sys.argv[1], "w"))' \
    "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
fi

"$PY" -m airflow db migrate >/dev/null
"$PY" - <<'PY'
import sys
sys.path.insert(0, __import__("os").environ["AIRFLOW__CORE__DAGS_FOLDER"])
from _crinkwatch import POOLS
import subprocess
for name, (slots, description) in POOLS.items():
    subprocess.run([sys.executable, "-m", "airflow", "pools", "set", name, str(slots), description],
                   check=True, stdout=subprocess.DEVNULL)
PY

PASSWORD=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["admin"])' \
  "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE")
cat <<MSG
crinkwatch on Airflow
  UI:       http://$HOST:$PORT
  login:    admin / $PASSWORD   (stored in $AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE)
  DAGs:     $AIRFLOW__CORE__DAGS_FOLDER
  data:     $CRINKWATCH_DATA_DIR  (ad-hoc URL files go to $CRINKWATCH_DATA_DIR/inbox, then touch READY)
MSG
exec "$PY" -m airflow standalone
