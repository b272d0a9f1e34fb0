"""The stance of one framing mention: asserted, distanced (someone else's words) or contested."""

from __future__ import annotations

import re

from pipeline.tagging.lexicon import Lexicon

ASSERTED, DISTANCED, CONTESTED = "asserted", "distanced", "contested"
STANCES = (ASSERTED, DISTANCED, CONTESTED)

BEFORE_CHARS = 70  # how far back a cue may stand ("not, as many claim, a bloc")
AFTER_CHARS = 60

# A cue does not reach across a clause break: "they are not allies; they are an axis".
_CLAUSE_BREAK = re.compile(
    r"[;:—–]|,?\s(?:but|yet|while|whereas)\s|\sно\s|但|而是|\smais\s|\saber\s|\ssondern\s|\spero\s|\ssino\s"
    r"|\sاما\s|\sبلکه\s|하지만|지만\s|\.\s", re.IGNORECASE)


def _clip_before(window: str) -> str:
    last = None
    for last in _CLAUSE_BREAK.finditer(window):
        pass
    return window[last.end():] if last else window


def _clip_after(window: str) -> str:
    m = _CLAUSE_BREAK.search(window)
    return window[:m.start()] if m else window


def _quoted(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    before = text[max(start - 2, 0):start].rstrip()
    after = text[end:end + 2]
    opened = bool(before) and before[-1] in lexicon.quotes_open
    closed = bool(after) and (after[0] in lexicon.quotes_close
                              or (after[0] in ",.!?" and after[1:2] in lexicon.quotes_close))
    return opened or closed


def classify_stance(
    text: str, start: int, end: int, sentence: tuple[int, int], lexicon: Lexicon, langs: list[str],
    prev_end: int | None = None, next_start: int | None = None,
) -> str:
    """Stance of the framing at text[start:end], from cues in its own clause of its sentence.

    ``prev_end``/``next_start`` bound the windows at the neighbouring framings, so in "a marriage
    of convenience rather than an axis" only the axis is contested.
    """
    s_start, s_end = sentence
    left = max(s_start, start - BEFORE_CHARS, prev_end or 0)
    right = min(s_end, end + AFTER_CHARS, next_start if next_start is not None else s_end)
    before = _clip_before(text[left:start])
    after = _clip_after(text[end:right])
    if lexicon.cue("contested.before").search(before, langs) or \
            lexicon.cue("contested.after").search(after, langs):
        return CONTESTED
    if _quoted(text, start, end, lexicon) or lexicon.cue("distanced.before").search(before, langs) \
            or lexicon.cue("distanced.after").search(after, langs):
        return DISTANCED
    return ASSERTED
