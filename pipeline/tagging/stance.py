"""The stance of one framing mention: asserted, distanced (someone else's words) or contested."""

from __future__ import annotations

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.phrases import _oxford_comma

ASSERTED, DISTANCED, CONTESTED = "asserted", "distanced", "contested"
STANCES = (ASSERTED, DISTANCED, CONTESTED)

BEFORE_CHARS = 120  # how far back a cue may stand, within its clause ("not, as many claim, a bloc")
AFTER_CHARS = 60


def _clip_before(window: str, lexicon: Lexicon, langs: list[str]) -> str:
    last = None
    for last in lexicon.cue("clauses.break").finditer(window, langs):
        pass
    return window[last.end():] if last else window


def _clip_after(window: str, lexicon: Lexicon, langs: list[str]) -> str:
    """The window up to the next clause break; the ", and" closing a list ("a bloc of Russia,
    Iran, and China may be taking shape") is none (see phrases._oxford_comma)."""
    for m in lexicon.cue("clauses.break").finditer(window, langs):
        if not _oxford_comma(window, m, 0):
            return window[:m.start()]
    return window


def _quoted(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Inside quote marks, spaces inside the quotes allowed (« bloc », " no limits "), the marks
    part of the phrase ("“no limits"), or the phrase inside a longer quoted passage."""
    before = text[max(start - 3, 0):start].rstrip()
    after = text[end:end + 4].lstrip()
    opened = bool(before) and before[-1] in lexicon.quotes_open and not _elision(before) \
        or text[start:start + 1] in lexicon.quotes_open
    closed = bool(after) and (after[0] in lexicon.quotes_close and not _possessive(after)
                              or (after[0] in ",.!?" and after[1:2] in lexicon.quotes_close)) \
        or text[end - 1:end] in lexicon.quotes_close
    return opened or closed


_APOSTROPHES = ("'", "’", "‘")


def _elision(before: str) -> bool:
    """An apostrophe after a letter elides, it opens no quote: "l'axe", "l’axe"."""
    return before[-1] in _APOSTROPHES and len(before) > 1 and before[-2].isalpha()


def _possessive(after: str) -> bool:
    """An apostrophe before a letter is a possessive or contraction, it closes no quote: "CRINK’s"."""
    return after[0] in _APOSTROPHES and after[1:2].isalpha()


# Quote pairs whose marks tell opening from closing (the straight double quote is counted instead),
# for a framing inside a quoted passage: 外长说“两国合作没有止境”, „… die Achse …“.
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ("「", "」"), ("『", "』"))
QUESTION_MARKS = ("?", "？", "؟")


def in_quoted_passage(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Is text[start:end] inside a passage quoted within its sentence (the quote opened before it
    and closes after it)?"""
    head, tail = text[sentence[0]:start], text[end:sentence[1]]
    for open_mark, close_mark in _PAIRS:
        if head.rfind(open_mark) > head.rfind(close_mark) and close_mark in tail:
            return True
    return head.count('"') % 2 == 1 and '"' in tail


def is_question(text: str, sentence: tuple[int, int]) -> bool:
    """Does the sentence ask rather than state ("Is it an alliance of convenience?")?"""
    return text[sentence[0]:sentence[1]].rstrip().rstrip("\"'”’»)」』 ").endswith(QUESTION_MARKS)


def _rebutted(text: str, end: int, sentence: tuple[int, int], lexicon: Lexicon, langs: list[str],
              following: tuple[int, int] | None) -> bool:
    """Does the author argue against the label later in its sentence, or open the next one doing so?"""
    rest = text[end:sentence[1]]
    if lexicon.cue("contested.after").search(rest, langs) or lexicon.cue("rebuttal.later").search(rest, langs):
        return True
    if following is None:
        return False
    nxt = text[following[0]:following[1]]
    opener = lexicon.cue("rebuttal.opener").search(nxt[:40], langs)
    return bool(opener and opener.start() <= 3 and (
        lexicon.cue("contested.before").search(nxt, langs) or lexicon.cue("rebuttal.later").search(nxt, langs)))


def classify_stance(
    text: str, start: int, end: int, sentence: tuple[int, int], lexicon: Lexicon, langs: list[str],
    prev_end: int | None = None, next_start: int | None = None, following: tuple[int, int] | None = None,
) -> str:
    """Stance of the framing at text[start:end], from cues in its own clause of its sentence.

    ``prev_end``/``next_start`` bound the windows at the neighbouring framings, so in "a marriage
    of convenience rather than an axis" only the axis is contested. A label attributed to others
    and then argued against (later in the sentence, or by a "But ..." sentence right after, span
    ``following``) is contested.
    """
    s_start, s_end = sentence
    left = max(s_start, start - BEFORE_CHARS, prev_end or 0)
    right = min(s_end, end + AFTER_CHARS, next_start if next_start is not None else s_end)
    if lexicon.cue("distanced.introduced").search(text[max(s_start, start - 30):start], langs):
        return DISTANCED  # "even have an acronym: CRINK"
    before = _clip_before(text[left:start], lexicon, langs)
    after = _clip_after(text[end:right], lexicon, langs)
    if lexicon.cue("contested.before").search(before, langs) or \
            lexicon.cue("contested.after").search(after, langs):
        return CONTESTED
    if _quoted(text, start, end, lexicon) or lexicon.cue("distanced.before").search(before, langs) \
            or lexicon.cue("distanced.after").search(after, langs) or in_quoted_passage(text, start, end, sentence):
        return CONTESTED if _rebutted(text, end, sentence, lexicon, langs, following) else DISTANCED
    if _friction_within(before, after, lexicon, langs):
        return CONTESTED  # "interests clash between Russia and the other members of CRINK"
    if is_question(text, sentence) and not lexicon.cue("distanced.open_question").search(text[sentence[0]:start], langs):
        return DISTANCED  # the author asks whether the label fits ("Do they form a bloc?"), not says so
    return ASSERTED


def _friction_within(before: str, after: str, lexicon: Lexicon, langs: list[str]) -> bool:
    """Friction said of the grouping's own members, in the framing's clause: after the phrase
    ("the bloc is riven by rivalry"), or before it and reaching into it ("clash among … the bloc")."""
    if lexicon.cue("dyads.friction").search(after, langs):
        return True
    first = lexicon.cue("dyads.friction").search(before, langs)
    return first is not None and bool(lexicon.cue("dyads.between").search(before[first.end():], langs))
