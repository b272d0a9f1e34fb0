"""The warm-up runs every part of the process stage once and never fails a run."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.extraction.article import extract_page
from pipeline.models import RawPage
from pipeline.prewarm import WARM_PAGE, warm_process_stage
from pipeline.tagging import stage


def test_the_warm_page_goes_through_text_comments_dates_and_language() -> None:
    page = RawPage(url="https://warm.invalid/a", canonical_url="https://warm.invalid/a",
                   source_ids=["warm"], status=200, fetched_at="", body_path=None,
                   content_sha256=None, content_type="text/html")
    article, comments = extract_page(WARM_PAGE, page)
    assert "northern pier" in article.text and article.language == "en"
    assert [c.author for c in comments] == ["Reader One", "Reader Two"]
    assert all(c.published_at for c in comments)


def test_warming_compiles_the_taxonomy_for_the_tag_stage(monkeypatch) -> None:
    monkeypatch.setattr(stage, "_compiled", {})
    warm_process_stage(DEFAULT_TAXONOMY)
    assert [key[0] for key in stage._compiled] == [Path(DEFAULT_TAXONOMY).resolve()]


def test_a_failed_warm_up_is_only_logged(tmp_path, caplog) -> None:
    with caplog.at_level(logging.DEBUG, logger="pipeline.prewarm"):
        warm_process_stage(tmp_path / "missing.yml")
    assert "warm-up of the process stage failed" in caplog.text
