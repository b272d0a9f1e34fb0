"""Sentence segmentation with character offsets, for Latin, Cyrillic, CJK and Persian text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (and the CJK/Persian forms) followed by space or a closing quote,
# or at a newline (paragraph boundary).
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+|(?<=[。！？؟])[”’」』]*\s*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        _append(text, start, m.end(), spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
