"""Kept for imports written before ``pipeline.quality``: the validation entry points."""

from pipeline.quality import STAGE_SUITES, StageReport, ValidationFailed, validate_stage

__all__ = ["STAGE_SUITES", "StageReport", "ValidationFailed", "validate_stage"]
