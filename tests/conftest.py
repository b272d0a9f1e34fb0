"""Shared fixtures: a fixture HTTP server on 127.0.0.1 and per-test settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings, load_settings
from pipeline.demo.server import SITE_DIR, DemoServer

FIXTURES = Path(__file__).parent / "fixtures"
MINISITE = FIXTURES / "minisite"
# The minisite's newest item is from 2026-11-17; runs over it are judged as of the next day so
# feed-silence alerts do not appear once the calendar passes the silence window.
MINISITE_AS_OF = "2026-11-18"


@pytest.fixture
def minisite_server():
    """The two-article test site, served on a free port of 127.0.0.1."""
    with DemoServer(MINISITE) as server:
        yield server


@pytest.fixture
def demo_server():
    """The bundled demo site, served on a free port of 127.0.0.1."""
    with DemoServer(SITE_DIR) as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings writing under a temp folder and allowed to fetch from 127.0.0.1 only."""
    return load_settings(data_dir=tmp_path / "data", db_path=tmp_path / "data" / "warehouse.duckdb",
                         allow_private=("127.0.0.1",))


def write_sources(path: Path, server: DemoServer, template: Path) -> Path:
    """A copy of a sources file with ``{{BASE}}`` replaced by the server's address."""
    path.write_text(template.read_text(encoding="utf-8").replace("{{BASE}}", server.base_url),
                    encoding="utf-8")
    return path
