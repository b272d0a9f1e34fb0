"""The articles suite, run for real through GX on pandas frames."""

import pandas as pd
import pytest

from pipeline.config import EXPECTATIONS_DIR
from pipeline.validate import ValidationFailed, load_suite_dict, run_suite


def _frame(**overrides):
    data = {"article_id": ["a", "b"], "canonical_url": ["http://x/1", "http://x/2"],
            "url": ["http://x/1", "http://x/2"], "text": ["word " * 60] * 2, "language": ["en", "ru"]}
    data.update(overrides)
    return pd.DataFrame(data)


def test_clean_frame_passes():
    result = run_suite(_frame(), load_suite_dict(EXPECTATIONS_DIR, "articles"))
    assert result.success and result.evaluated == 6 and result.failed == []


def test_duplicate_url_and_bad_language_fail_with_details():
    result = run_suite(_frame(canonical_url=["http://x/1"] * 2, language=["en", "klingon"]),
                       load_suite_dict(EXPECTATIONS_DIR, "articles"))
    assert not result.success
    failed = {f["expectation"] for f in result.failed}
    assert failed == {"expect_column_values_to_be_unique", "expect_column_values_to_be_in_set"}
    message = str(ValidationFailed(result))
    assert "canonical_url" in message and "klingon" not in message or "language" in message
