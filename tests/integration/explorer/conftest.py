"""The demo warehouse built once for the explorer tests, and the explorer served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.explorer.app import create_app

# Debian's chromium package (`make browser`), driven by Playwright without a browser download.
CHROMIUM = os.environ.get("CRINKWATCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory) -> Path:
    """A data folder after `crinkwatch demo` (analyst database, search index, raw store)."""
    data_dir = tmp_path_factory.mktemp("explorer-demo")
    result = CliRunner().invoke(app, ["demo", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    return data_dir


@pytest.fixture(scope="session")
def demo_db(demo_dir) -> Path:
    return demo_dir / "warehouse.duckdb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def explorer_url(demo_db):
    """The explorer over the demo database, served by uvicorn in a thread."""
    server = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the explorer did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join()
