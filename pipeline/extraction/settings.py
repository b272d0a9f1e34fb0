"""Extractor options in one object: what trafilatura is asked to do and our own thresholds.

The settings an article was extracted with are stored on the record (``extractor_settings``), so a
change of options is visible in the data, not only in the code.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExtractorSettings:
    """Every option of the extract stage; build a variant with ``dataclasses.replace``."""

    # trafilatura main-text options (defaults are trafilatura's own evaluation settings)
    include_tables: bool = True
    fast: bool = False  # True skips the readability/justext comparison: faster, lower recall
    favor_precision: bool = False
    favor_recall: bool = False
    # metadata (when the feed entry lacks title or date): htmldate's extensive search, as trafilatura
    extensive_date_search: bool = True
    # page guards
    max_page_bytes: int = 10 * 1024 * 1024
    min_text_chars: int = 200
    max_replacement_share: float = 0.05  # more U+FFFD than this: the encoding is broken
    # comments
    min_comment_chars: int = 2
    trafilatura_comments: bool = True  # fall back on trafilatura's comment capture, one block each
    max_comment_chars: int = 20_000
    # comments that load after the page (pipeline.extraction.late_comments; off unless a run asks)
    remote_comment_pages: int = 10  # REST API pages of 100 comments, at most, per post
    remote_comment_bytes: int = 5 * 1024 * 1024  # per response (API page, feed, rendered request)
    render_budget_s: float = 15.0  # per page in headless Chromium
    render_max_requests: int = 200  # per page
    # language (langdetect on a bounded prefix)
    language_prefix_chars: int = 1000
    language_trials: int = 3
    language_min_chars: int = 20
    language_min_confidence: float = 0.70

    def as_json(self) -> str:
        """The settings as a stable JSON string, stored on every Article."""
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    def trafilatura_options(self) -> dict[str, Any]:
        """Keyword arguments for ``trafilatura.bare_extraction`` (main text, no comments)."""
        return {
            "include_comments": False,
            "include_tables": self.include_tables,
            "fast": self.fast,
            "favor_precision": self.favor_precision,
            "favor_recall": self.favor_recall,
            "with_metadata": False,
        }


DEFAULT_SETTINGS = ExtractorSettings()
