"""Data quality: GX suites between stages, quarantine of bad rows, alerts, Data Docs.

Modules: ``suites`` (the GX project, suites by name), ``frames`` (the frames suites validate),
``policy`` (block / quarantine / warn, row-level checks), ``quarantine``, ``alerts`` (records,
warehouse table, Airflow failure callback), ``notifiers`` (log, webhook, SMTP), ``docs`` (Data
Docs paths and links) and ``stages`` (``validate_stage``, the entry point).
"""

from pipeline.quality.stages import STAGE_SUITES, StageReport, ValidationFailed, validate_stage

__all__ = ["STAGE_SUITES", "StageReport", "ValidationFailed", "validate_stage"]
