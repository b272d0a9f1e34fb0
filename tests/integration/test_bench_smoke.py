"""The benchmark scripts still run end to end (tiny sizes; the numbers are not checked here).

Benchmarks are run by hand for the figures in issue notes; this keeps them from rotting when
the library they call changes under them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"


def _bench(script: str, *args: str, tmp_path: Path) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_validate_bench(tmp_path):
    out = _bench("validate.py", "--articles", "40", "--workdir", str(tmp_path / "w"), tmp_path=tmp_path)
    assert "validate tags" in out and "all validation + GX set-up" in out


def test_tag_bench(tmp_path):
    out = _bench("tag.py", "--mb", "0.05", tmp_path=tmp_path)
    assert "MB/s per core" in out


def test_fetch_bench(tmp_path):
    out = _bench("fetch.py", "--feeds", "2", "--entries", "3", "--latency-ms", "0", tmp_path=tmp_path)
    assert "second run downloaded 0 bodies" in out


def test_warehouse_bench(tmp_path):
    out = _bench("warehouse.py", "--articles", "400", "--mentions", "2000", "--batches", "2",
                 "--runs", "1", tmp_path=tmp_path)
    assert "slowest p50" in out


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_bench(tmp_path, workers):
    out = _bench("extract.py", str(PAGES), "--workers", workers, tmp_path=tmp_path)
    assert "ratio crinkwatch extract / bare, workers=1" in out and "peak RSS" in out


def test_pipeline_bench(tmp_path):
    out = _bench("pipeline.py", str(PAGES), "--pages", "4", "--feeds", "2", "--workers", "1", "2",
                 "--bare-workers", "1", tmp_path=tmp_path)
    assert "ratio crinkwatch/bare, workers=1" in out and "ratio crinkwatch/bare, workers=2" in out
    assert "seconds per stage: fetch" in out and "peak RSS main" in out
    assert out.count("the CPU it used allows at most ratio") == 2
