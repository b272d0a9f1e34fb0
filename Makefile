# The two commands that matter: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= data/demo

.PHONY: demo test venv clean airflow airflow-celery compose-cli browser serve services

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) on PATH"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[airflow,celery,serve,dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/crinkwatch demo --data-dir $(DATA)

test: $(STAMP) compose-cli browser services
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The explorer over the demo database (after `make demo`), on http://127.0.0.1:8050/
serve: $(STAMP)
	$(BIN)/crinkwatch serve --data-dir $(DATA)

# Debian's chromium for the explorer's browser test (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The local Airflow stack (api-server, scheduler, dag-processor, triggerer) with our DAGs;
# prints the UI URL and login. AIRFLOW_PORT=8090 make airflow picks another port.
airflow: $(STAMP)
	PYTHON=$(abspath $(BIN))/python scripts/airflow-local.sh

# The Celery cluster on 127.0.0.1 (PostgreSQL, Redis, api-server, scheduler, dag-processor,
# triggerer, two workers); prints the UI URL and login. CELERY_WORKERS=3 make airflow-celery
airflow-celery: $(STAMP) services
	$(BIN)/python scripts/airflow-celery.py

# Servers the Celery cluster test starts: Debian's postgresql and redis-server, when missing.
services:
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v redis-server >/dev/null; } || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql redis-server >/dev/null; }

# A Compose implementation for the docker-compose.yml test (no container engine needed):
# the docker compose plugin if present, else Debian's docker-compose package.
compose-cli:
	@docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq docker-compose >/dev/null; }

clean:
	rm -rf $(VENV) data .pytest_cache
