"""Load the GX file-context project and run its suites by name on pandas frames.

The committed project (``expectations/gx``) holds one suite, one validation definition and one
checkpoint per table. A run never touches it: the project is copied once per process into
``<data_dir>/quality/gx`` and GX writes its validation results and Data Docs there. The context
(about 3 s of GX import and set-up) is built once per process and reused for every suite.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATASOURCE = "frames"
BATCH_DEFINITION = "whole_frame"
DOCS_SITE = "local_site"
# Folders of the committed project copied into the run-time project; the rest is GX's output.
PROJECT_PARTS = ("great_expectations.yml", "expectations", "checkpoints", "validation_definitions",
                 "plugins")

_contexts: dict[Path, Any] = {}


@dataclass
class FailedExpectation:
    """One expectation that did not hold, with what the policy says to do about it."""

    suite: str
    check: str  # meta.check of the expectation, stable across GX versions
    expectation: str  # the GX expectation type
    kwargs: dict[str, Any]
    on_failure: str  # block | quarantine | warn
    observed: str
    sample: list[Any] = field(default_factory=list)
    why: str = ""


@dataclass
class SuiteResult:
    """The outcome of one suite on one frame."""

    suite: str
    success: bool
    evaluated: int
    rows: int
    failed: list[FailedExpectation] = field(default_factory=list)
    docs_url: str | None = None
    result_id: Any = field(default=None, repr=False)  # GX's ValidationResultIdentifier

    @property
    def blocking(self) -> list[FailedExpectation]:
        return [f for f in self.failed if f.on_failure == "block"]


def project_dir(expectations_dir: Path) -> Path:
    """The committed GX folder (``expectations/gx``)."""
    return Path(expectations_dir) / "gx"


def suite_names(expectations_dir: Path) -> list[str]:
    """Every suite in the committed project."""
    return sorted(p.stem for p in (project_dir(expectations_dir) / "expectations").glob("*.json"))


def load_suite_dict(expectations_dir: Path, name: str) -> dict[str, Any]:
    """The suite's JSON as stored in the GX project."""
    path = project_dir(expectations_dir) / "expectations" / f"{name}.json"
    if not path.exists():
        raise KeyError(f"no suite '{name}' in {path.parent} (have: {', '.join(suite_names(expectations_dir))})")
    return json.loads(path.read_text(encoding="utf-8"))


def quiet_gx() -> None:
    """Keep GX's own logging and progress bars out of the pipeline's output."""
    for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
        logging.getLogger(name).setLevel(logging.ERROR)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def runtime_project(expectations_dir: Path, work_dir: Path) -> Path:
    """Copy the committed project into ``work_dir/gx`` (GX writes there, never in the repo)."""
    src, dst = project_dir(expectations_dir), Path(work_dir) / "gx"
    for part in PROJECT_PARTS:
        s, d = src / part, dst / part
        if s.is_dir():
            for f in s.rglob("*"):
                if f.is_file():
                    _copy_atomic(f, d / f.relative_to(s))
        elif s.exists():
            _copy_atomic(s, d)
    return dst


def _copy_atomic(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    tmp.replace(dst)


def get_context(expectations_dir: Path, work_dir: Path) -> Any:
    """The file-context GX project for this process, set up on first use and then reused."""
    key = Path(work_dir).resolve()
    if key not in _contexts:
        quiet_gx()
        import great_expectations as gx

        root = runtime_project(expectations_dir, work_dir)
        context = gx.get_context(mode="file", project_root_dir=str(root.parent))
        ensure_checkpoints(context, suite_names(expectations_dir))
        _contexts[key] = context
    return _contexts[key]


def ensure_checkpoints(context: Any, names: list[str]) -> None:
    """Give each suite a dataframe asset, a validation definition and a checkpoint (idempotent).

    Used to generate the committed project, and at run time so a newly added suite JSON works
    without manual GX steps.
    """
    import great_expectations as gx

    try:
        source = context.data_sources.get(DATASOURCE)
    except (KeyError, ValueError):
        source = context.data_sources.add_pandas(DATASOURCE)
    for name in names:
        try:
            context.checkpoints.get(name)
            continue
        except Exception:  # GX raises its own not-found errors, which differ by store
            pass
        try:
            asset = source.get_asset(name)
        except LookupError:
            asset = source.add_dataframe_asset(name=name)
        try:
            batch = asset.get_batch_definition(BATCH_DEFINITION)
        except KeyError:
            batch = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
        suite = context.suites.get(name)
        if not suite.id:  # a hand-written suite JSON without GX's id yet
            suite = context.suites.add_or_update(suite)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch, suite=suite))
        # No actions: Data Docs are built once per stage (docs.build_docs), not once per suite.
        context.checkpoints.add(gx.Checkpoint(
            name=name, validation_definitions=[definition], result_format="SUMMARY", actions=[]))


def run_suite(context: Any, name: str, frame: Any, parameters: dict[str, Any] | None = None,
              batch_id: str = "") -> SuiteResult:
    """Run suite ``name`` through its checkpoint on a pandas frame (results kept for Data Docs)."""
    checkpoint = context.checkpoints.get(name)
    run_id = None
    if batch_id:
        from great_expectations.core.run_identifier import RunIdentifier

        run_id = RunIdentifier(run_name=batch_id)
    result = checkpoint.run(batch_parameters={"dataframe": frame},
                            expectation_parameters=parameters or {}, run_id=run_id)
    (identifier, validation), = result.run_results.items()
    failed = [_failure(name, r) for r in validation.results if not r.success]
    return SuiteResult(suite=name, success=bool(validation.success), evaluated=len(validation.results),
                       rows=len(frame), failed=failed, result_id=identifier)


def _failure(suite: str, r: Any) -> FailedExpectation:
    cfg = r.expectation_config
    meta = cfg.meta or {}
    res = r.result or {}
    if r.exception_info and r.exception_info.get("raised_exception"):
        observed = f"error: {r.exception_info.get('exception_message')}"
    elif "observed_value" in res:
        observed = str(res["observed_value"])
    else:
        observed = (f"{res.get('unexpected_count', '?')} of {res.get('element_count', '?')} rows "
                    f"({res.get('unexpected_percent') or 0:.2f}%) unexpected")
    kwargs = {k: v for k, v in dict(cfg.kwargs).items() if k != "batch_id"}
    return FailedExpectation(
        suite=suite, check=meta.get("check", cfg.type), expectation=cfg.type, kwargs=kwargs,
        on_failure=meta.get("on_failure", "block"), observed=observed,
        sample=[str(v) for v in (res.get("partial_unexpected_list") or [])[:5]], why=meta.get("why", ""))


def docs_url(context: Any, identifier: Any) -> str | None:
    """The Data Docs page of one validation result (after the docs are built)."""
    if identifier is None:
        return None
    try:
        sites = context.get_docs_sites_urls(resource_identifier=identifier, site_name=DOCS_SITE)
    except Exception:  # docs are a convenience; a failure here must not hide the validation
        return None
    return sites[0].get("site_url") if sites else None
