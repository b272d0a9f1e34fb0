"""Sentence segmentation with character offsets, for Latin, Cyrillic, CJK, Hangul and Persian text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? … (and Persian ؟ ۔) followed by space, optionally after closing quotes
# or brackets; at the full-width CJK stops whether or not a space follows; or at a newline. The
# pattern opens with the stop itself as one character class, which the regex engine scans for in a
# tight loop (past ordinary text), and the alternatives then look back at which stop it was.
_BOUNDARY = re.compile(
    r"[.!?…؟۔。！？；\n](?:"
    r"(?<=[.!?…؟۔])[\"'”’»)\]]*\s+"
    r"|(?<=[。！？；])[”’」』）]*\s*"
    r"|(?<=[؟۔])(?=\S)"
    r"|(?<=\n)\n*)"
)
# Tokens after which a full stop does not end a sentence.
_ABBREVIATED = (r"Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|St|Jr|Sr|No|vs|etc|e\.g|i\.e|cf|approx|Jan|Feb|Mar|Apr|"
                r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|Art|Nr|bzw|ca|z\.B|d\.h|usw|Sr|Sra|Mme|M|т\.\s?н|т\.\s?е|г|гг|им")
_ABBREVIATION = re.compile(r"(?:\b(?:" + _ABBREVIATED + r")|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$")
# The word right before such a full stop is one of these, or a single letter: any other word
# needs no regex search (most sentence ends).
_ABBREVIATED_LAST_WORDS = frozenset(re.split(r"\\\.(?:\\s\?)?", alt)[-1] for alt in _ABBREVIATED.split("|"))
_LONGEST_ABBREVIATED = max(len(w) for w in _ABBREVIATED_LAST_WORDS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        found = m.group()
        gap = found if found[0] == "\n" else found[1:]  # after the stop
        stop = m.end() - len(gap)
        if text[stop - 1] == "." and gap.strip() == "" and "\n" not in gap \
                and _may_be_abbreviated(text, stop - 1) and _ABBREVIATION.search(text, max(start, stop - 12), stop):
            continue  # "Mr. Putin", "U.S. officials": the stop belongs to a word
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


def _may_be_abbreviated(text: str, dot: int) -> bool:
    """Can the word ending at ``dot`` be an abbreviation (a word of ``_ABBREVIATED`` or a single letter)?"""
    if dot > _LONGEST_ABBREVIATED and text[dot - _LONGEST_ABBREVIATED - 1:dot].isalpha():
        return False  # a longer word (most sentence ends): no need to walk it
    first = dot
    while first > 0 and dot - first <= _LONGEST_ABBREVIATED and (text[first - 1].isalnum() or text[first - 1] == "_"):
        first -= 1
    return dot - first == 1 or text[first:dot] in _ABBREVIATED_LAST_WORDS
