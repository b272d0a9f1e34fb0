"""Put a look-ahead on the characters a regex can start with in front of it.

Python's regex engine tries a pattern at every position of the text. A pattern that opens with a
look-behind, an alternation of many words or a case-insensitive literal pays for each of those
tries in full; one character-class test in front passes every position no match can start at
(most of them), so the same matches come several times faster.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern: the only way to read its first characters
from re import _parser
from typing import Any

_CATEGORIES = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w",
               sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
SELECTIVE = 0.35  # with an alphabet: a look-ahead that lets through more of its letters than this is left out
_SCOPED = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII


class _Unknown(Exception):
    """The pattern's first characters are not plain to see (a back-reference, a negated class, ...)."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class_items(items: list[tuple[Any, Any]]) -> set[str]:
    out = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(_char(av))
        elif op is sre.RANGE:
            out.add(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            raise _Unknown
    return out


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(class items the sequence can start with, whether it can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # a look-around or anchor consumes nothing: the next item holds the first character
        if op is sre.LITERAL:
            return out | {_char(av)}, False
        if op is sre.IN:
            return out | _class_items(list(av)), False
        if op is sre.ANY:
            raise _Unknown
        if op is sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # flags of its own ("(?i:...)"): its characters match under other rules
            first, empty = _first(list(av[-1]))
        elif op is sre.BRANCH:
            first, empty = set(), False
            for alternative in av[1]:
                f, e = _first(list(alternative))
                first |= f
                empty = empty or e
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            first, empty = _first(list(av[2]))
            empty = empty or av[0] == 0
        elif op is sre.ATOMIC_GROUP:
            first, empty = _first(list(av))
        else:
            raise _Unknown
        out |= first
        if not empty:
            return out, False
    return out, True


def first_char_guard(pattern: str, flags: int = 0) -> str:
    """A look-ahead on the characters ``pattern`` can start with, or "" when that is not plain to
    see or the pattern can match the empty string. Under the same flags, ``guard + "(?:" + pattern
    + ")"`` matches exactly what ``pattern`` does."""
    parsed = _parser.parse(pattern, flags)
    if parsed.data and parsed.data[0] == (sre.AT, sre.AT_BEGINNING) or parsed.data[:1] == [(sre.AT, sre.AT_BEGINNING_STRING)]:
        return ""  # anchored at the start: the engine tries one position only already
    if parsed.state.flags & _SCOPED != flags & _SCOPED:
        return ""  # global inline flags ("(?i)..."): they must stay at the start
    try:
        first, empty = _first(list(parsed))
    except _Unknown:
        return ""
    if empty or not first:
        return ""
    return "(?=[" + "".join(sorted(first)) + "])"


def guarded(pattern: str, flags: int = 0, alphabet: str | None = None) -> re.Pattern[str]:
    """``pattern`` compiled with its first-character look-ahead in front (see ``first_char_guard``).

    Given the ``alphabet`` of the text it will scan (e.g. the words of a language's own cues), the
    look-ahead is left out when it lets through more than ``SELECTIVE`` of those letters (an
    English cue list starts with nearly every letter): there it costs a test at every position
    and passes few over.
    """
    guard = first_char_guard(pattern, flags)
    if guard and alphabet is not None and letters_passing(guard, alphabet, flags) > SELECTIVE:
        guard = ""
    return re.compile(guard + "(?:" + pattern + ")" if guard else pattern, flags)


def letters_passing(guard: str, alphabet: str, flags: int = 0) -> float:
    """The share of the letters of ``alphabet`` that ``guard`` lets through."""
    letters = {ch for ch in alphabet if ch.isalpha()}
    passing = re.compile(guard, flags)
    return sum(1 for ch in letters if passing.match(ch)) / max(len(letters), 1)
