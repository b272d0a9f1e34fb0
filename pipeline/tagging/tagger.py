"""Tag one text: actor mentions, framings with stance, and member pairs per sentence."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import combinations

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.sentences import split_sentences


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    surface: str
    sentence_index: int


@dataclass
class TagResult:
    """Everything the tagger found in one text; offsets index into that text."""

    lang: str
    sentences: list[tuple[int, int]]
    actors: list[Span] = field(default_factory=list)
    framings: list[tuple[Span, str]] = field(default_factory=list)  # (span, stance)
    dyads: list[tuple[str, str, int]] = field(default_factory=list)  # (a, b, sentence index)

    def sentence(self, index: int, text: str) -> str:
        s, e = self.sentences[index]
        return text[s:e]


def _languages_for(lexicon: Lexicon, lang: str) -> list[str]:
    # English aliases (PRC, DPRK, CRINK, names in Latin script) turn up in every language.
    return [lang, "en"] if lang in lexicon.actors and lang != "en" else ["en"]


def _sentence_at(starts: list[int], pos: int) -> int:
    return max(bisect.bisect_right(starts, pos) - 1, 0)


def _stance(sentence: str, lexicon: Lexicon, langs: list[str], surface: str) -> str:
    cues = lexicon.stance_cues
    lowered = sentence.lower()
    for lang in langs:
        if any(c.lower() in lowered for c in cues.get("contested", {}).get(lang, [])):
            return "contested"
    quoted = any(q + surface in sentence for q in ("“", '"', "«", "‘", "'"))
    for lang in langs:
        if quoted or any(c.lower() in lowered for c in cues.get("distanced", {}).get(lang, [])):
            return "distanced"
    return "asserted"


def tag_text(text: str, lang: str, lexicon: Lexicon) -> TagResult:
    """Find actors, framings and dyads in ``text`` written in ``lang``."""
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    result = TagResult(lang=lang, sentences=sentences)
    langs = _languages_for(lexicon, lang)
    excluded: list[tuple[int, int]] = []
    for code in langs:
        pattern = lexicon.exclusions.get(code)
        if pattern is not None:
            excluded.extend(m.span() for m in pattern.finditer(text))
    seen: set[tuple[int, int]] = set()
    for code in langs:
        for m in lexicon.actors[code].finditer(text):
            if m.span() in seen or any(s <= m.start() and m.end() <= e for s, e in excluded):
                continue
            seen.add(m.span())
            result.actors.append(Span(lexicon.actor_of[m.group()], m.start(), m.end(),
                                      m.group(), _sentence_at(starts, m.start())))
    seen.clear()
    for code in langs:
        pattern = lexicon.framings.get(code)
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if m.span() in seen:
                continue
            seen.add(m.span())
            span = Span(lexicon.framing_of[m.group()], m.start(), m.end(), m.group(),
                        _sentence_at(starts, m.start()))
            sentence = result.sentence(span.sentence_index, text)
            result.framings.append((span, _stance(sentence, lexicon, langs, m.group())))
    result.actors.sort(key=lambda s: s.start)
    by_sentence: dict[int, set[str]] = {}
    for span in result.actors:
        if span.label in lexicon.members:
            by_sentence.setdefault(span.sentence_index, set()).add(span.label)
    for index, members in sorted(by_sentence.items()):
        for a, b in combinations(sorted(members), 2):
            result.dyads.append((a, b, index))
    return result
