"""The validate stage: run a Great Expectations suite on a stage's output, in our own code.

Suites are the JSON files of the GX project in ``expectations/gx/expectations/``. Frames are
validated on GX's pandas path; a failed suite raises ValidationFailed so nothing loads.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.batch import BatchPaths

log = logging.getLogger(__name__)


@dataclass
class SuiteResult:
    """The outcome of one suite on one batch."""

    suite: str
    success: bool
    evaluated: int
    failed: list[dict[str, Any]] = field(default_factory=list)


class ValidationFailed(RuntimeError):
    """A blocking suite failed; the message lists each failed expectation."""

    def __init__(self, result: SuiteResult) -> None:
        self.result = result
        lines = [f"suite '{result.suite}' failed {len(result.failed)} of {result.evaluated} expectations:"]
        lines += [f"  - {f['expectation']} {f['kwargs']}: observed {f['observed']}" for f in result.failed]
        super().__init__("\n".join(lines))


def load_suite_dict(expectations_dir: Path, name: str) -> dict[str, Any]:
    """The suite's JSON as stored in the GX project."""
    path = Path(expectations_dir) / "gx" / "expectations" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def run_suite(df: Any, suite_dict: dict[str, Any]) -> SuiteResult:
    """Validate a pandas DataFrame against a suite in an ephemeral GX context."""
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    suite = gx.ExpectationSuite(
        name=suite_dict["name"],
        expectations=[
            gx.expectations.registry.get_expectation_impl(e["type"])(**e["kwargs"], meta=e.get("meta") or {})
            for e in suite_dict["expectations"]
        ],
    )
    suite = context.suites.add(suite)
    asset = context.data_sources.add_pandas("frames").add_dataframe_asset(name=suite_dict["name"])
    batch = asset.add_batch_definition_whole_dataframe("batch").get_batch(
        batch_parameters={"dataframe": df}
    )
    result = batch.validate(suite, result_format="SUMMARY")
    failed = []
    for r in result.results:
        if not r.success:
            cfg = r.expectation_config
            observed = r.result.get("observed_value", r.result.get("unexpected_count"))
            failed.append({"expectation": cfg.type, "kwargs": dict(cfg.kwargs), "observed": observed,
                           "sample": r.result.get("partial_unexpected_list", [])[:5]})
    return SuiteResult(suite=suite_dict["name"], success=bool(result.success),
                       evaluated=len(result.results), failed=failed)


def validate_articles(paths: BatchPaths, expectations_dir: Path) -> SuiteResult:
    """Run the ``articles`` suite on the batch; raise ValidationFailed if it fails."""
    import pandas as pd

    df = pd.read_parquet(paths.articles)
    result = run_suite(df, load_suite_dict(expectations_dir, "articles"))
    paths.validation_dir.mkdir(parents=True, exist_ok=True)
    (paths.validation_dir / "articles.json").write_text(
        json.dumps(result.__dict__, indent=2, default=str), encoding="utf-8"
    )
    if not result.success:
        raise ValidationFailed(result)
    return result
