"""Pure text helpers: word counts that work for CJK, and removing comment text from an article."""

from __future__ import annotations

import re

# Han ideographs, kana and CJK punctuation-free blocks: each character counts as one word, the
# usual convention for Chinese and Japanese (they are written without spaces between words).
# Hangul is not here: Korean separates words with spaces.
CJK_CHAR = re.compile(
    "[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]"
)
WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Words in ``text``: whitespace-separated words, plus one per CJK character."""
    cjk = len(CJK_CHAR.findall(text))
    rest = CJK_CHAR.sub(" ", text)
    return cjk + sum(1 for token in rest.split() if WORD.search(token))


def normalise_space(text: str) -> str:
    """Collapse all whitespace runs to one space (how snippets are compared)."""
    return " ".join(text.split())


def strip_comment_lines(text: str, comment_texts: list[str], min_chars: int = 25, min_equal_chars: int = 8) -> str:
    """The article text without lines that are, or contain, a comment's paragraph.

    A line found inside a comment goes too: a comment must never reach the article text, and a
    reader quoting a whole line of the article loses nothing, since the quote stays in the comment.
    """
    every = {normalise_space(p) for c in comment_texts for p in c.split("\n")}
    equal = {p for p in every if len(p) >= min_equal_chars}
    paragraphs = {p for p in every if len(p) >= min_chars}
    if not equal:
        return text
    joined = "\n".join(paragraphs)
    kept = []
    for line in text.split("\n"):
        norm = normalise_space(line)
        if norm in equal:
            continue
        if len(norm) >= min_chars and (norm in joined or any(p in norm for p in paragraphs)):
            continue
        kept.append(line)
    return "\n".join(kept).strip()
