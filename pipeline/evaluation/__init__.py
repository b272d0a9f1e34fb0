"""Measure stages against labelled data."""
