"""The extract stage: raw pages → Article records and one Comment record per reader comment.

Each page is parsed once. Comments are found and split on that tree first, their containers are
pruned, then trafilatura extracts the main text, so no comment can leak into the article text.
"""

from pipeline.extraction.article import EXTRACTOR, extract_page, split_page
from pipeline.extraction.errors import ExtractionError
from pipeline.extraction.settings import DEFAULT_SETTINGS, ExtractorSettings
from pipeline.extraction.stage import extract_batch

__all__ = ["DEFAULT_SETTINGS", "EXTRACTOR", "ExtractionError", "ExtractorSettings", "extract_batch",
           "extract_page", "split_page"]
