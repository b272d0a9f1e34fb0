"""Old GX validation results and their Data Docs pages are pruned after the retention window."""

from __future__ import annotations

import shutil

from pipeline.batch import BatchPaths
from pipeline.models import RawPage, write_jsonl
from pipeline.quality import validate_stage
from pipeline.quality.docs import RESULTS_PATH, docs_dir, quality_dir

OLD = "20260101T060000.000000Z"  # a run time far outside a 90-day window


def _batch(settings) -> BatchPaths:
    paths = BatchPaths.for_batch(settings.paths.runs_dir, "20261127T060000Z-keep01")
    paths.root.mkdir(parents=True)
    url = "https://news.example.org/2026/11/talks.html"
    write_jsonl(paths.raw_pages, [RawPage(url=url, canonical_url=url, source_ids=["desk"], status=200,
                                          fetched_at="2026-11-27T06:00:00+00:00", body_path=None,
                                          content_sha256="ab" * 32)])
    return paths


def _run_times(root):
    return sorted(p.name for p in root.glob("*/*/*") if p.is_dir())


def _age_first_result(settings) -> None:
    """Copy the stored result (and its page) to a run-time folder from last January."""
    for root in (quality_dir(settings) / RESULTS_PATH, docs_dir(settings) / "validations"):
        (current,) = [p for p in root.glob("*/*/*") if p.is_dir()]
        shutil.copytree(current, current.with_name(OLD))


def test_results_older_than_the_window_leave_the_store_and_the_docs(settings):
    settings = settings.with_overrides(quality_retention_days=90.0)
    paths = _batch(settings)
    validate_stage("raw", paths, settings)
    _age_first_result(settings)
    assert OLD in _run_times(quality_dir(settings) / RESULTS_PATH)

    validate_stage("raw", paths, settings)

    kept = _run_times(quality_dir(settings) / RESULTS_PATH)
    assert len(kept) == 2 and OLD not in kept
    assert _run_times(docs_dir(settings) / "validations") == kept
    index = (docs_dir(settings) / "index.html").read_text(encoding="utf-8")
    assert all(t in index for t in kept) and OLD not in index


def test_a_zero_window_keeps_everything(settings):
    settings = settings.with_overrides(quality_retention_days=0.0)
    paths = _batch(settings)
    validate_stage("raw", paths, settings)
    _age_first_result(settings)
    validate_stage("raw", paths, settings)
    assert OLD in _run_times(quality_dir(settings) / RESULTS_PATH)
