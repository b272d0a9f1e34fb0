"""Fetching: feeds, pages, the raw store and the rules on what may be fetched."""

from pipeline.fetch.batch import FetchReport, fetch_batch

__all__ = ["FetchReport", "fetch_batch"]
