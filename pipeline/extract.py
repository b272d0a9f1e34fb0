"""The extract stage (kept as the stable import path; the code lives in ``pipeline.extraction``)."""

from pipeline.extraction import (  # noqa: F401
    DEFAULT_SETTINGS,
    EXTRACTOR,
    ExtractionError,
    ExtractorSettings,
    extract_batch,
    extract_page,
)
