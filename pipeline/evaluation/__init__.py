"""Measure pipeline stages against labelled data."""
