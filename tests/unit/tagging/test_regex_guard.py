"""The first-character look-ahead changes no match, and stays out where it cannot help or would be wrong."""

from __future__ import annotations

import re

import pytest

from pipeline.config import DEFAULT_TAXONOMY
from pipeline.tagging.lexicon import load_lexicon
from pipeline.tagging.regex_guard import first_char_guard, guarded, letters_passing

TEXTS = [
    "China and Russia signed a deal, but Iran did not; despite tensions (and sanctions) — they trade.",
    "Potentially POSSIBLE alliances: «bloc» or ‘axis’? Yet however, Kim said so.\nNext line; 2024.",
    "Несмотря на санкции, Россия и Китай укрепили сотрудничество, но Иран — нет.",
    "尽管存在分歧，中国和俄罗斯仍然加强了合作；但是伊朗没有。",
    "", " ", "a", "but", ",, ;", "ſupposed KELVIN \u212a İstanbul ß",
]
PATTERNS = [
    (r"(?<!\w)(?:but|yet|however|но|但是)(?!\w)", re.IGNORECASE),
    (r"(?:[;:—()])|(?:\s[–-]\s)|(?:,?\s(?:but|yet(?!\sto\s))\s)|(?:\.(?<!\b[a-z]\.)\s)", 0),
    (r"(?<!\w)(?:despite|in spite of)(?!\w)[^,;]*|^\W{0,3}(?:although|though)(?!\w)[^,;]*", re.IGNORECASE),
    (r"x*(?:ab|c+)?[d-f\d]", 0),
    (r"potential|possible|supposed|kelvin|istanbul", re.IGNORECASE),
]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_guarded_pattern_finds_the_same_matches(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
    assert fast.pattern != pattern  # a look-ahead was put in front
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", [r"a*", r"(?:x|)", r".b", r"[^a]b", r"^abc", r"(?i:a)b", r"\Aab"])
def test_no_guard_where_the_first_character_is_not_plain_or_the_pattern_is_anchored(pattern: str) -> None:
    assert first_char_guard(pattern) == ""
    assert guarded(pattern).pattern == pattern


def test_a_guard_that_passes_most_letters_of_the_alphabet_is_left_out() -> None:
    words = "alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu"
    guard = first_char_guard(words)
    assert letters_passing(guard, words) > 0.35
    assert guarded(words, alphabet=words).pattern == words
    assert guarded(words, alphabet="но и или").pattern != words  # Cyrillic text: it stops every letter


def test_every_cue_pattern_of_the_taxonomy_matches_as_without_its_guard() -> None:
    lexicon = load_lexicon(DEFAULT_TAXONOMY)
    for name, cues in lexicon.cues.items():
        for lang, pattern in cues.by_lang.items():
            for compiled in (pattern.fast, pattern.fallback):
                source = compiled.pattern
                if not source.startswith("(?="):
                    continue
                plain = re.compile(source[source.index("])(?:") + 5:-1], compiled.flags)
                for text in TEXTS:
                    probe = text.lower() if compiled is pattern.fast else text
                    assert [m.span() for m in compiled.finditer(probe)] == [m.span() for m in plain.finditer(probe)], (name, lang)
