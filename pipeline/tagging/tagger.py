"""Tag one text: actor mentions, framings with stance, and member pairs per sentence."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import combinations

from pipeline.tagging.dyads import MemberSpan, classify_relation, find_cues
from pipeline.tagging.lexicon import ACTOR, EXCLUDE, FRAMING, LEFT, NONE, Entry, Lexicon
from pipeline.tagging.sentences import split_sentences
from pipeline.tagging.stance import classify_stance


@dataclass(frozen=True)
class Span:
    """One match: its label, its offsets into the tagged text and the sentence it sits in."""

    label: str
    start: int
    end: int
    surface: str
    sentence_index: int


@dataclass(frozen=True)
class Dyad:
    """Two members named in one sentence, and the relation that sentence expresses."""

    a: str
    b: str
    sentence_index: int
    relation: str


@dataclass
class TagResult:
    """Everything the tagger found in one text; offsets index into that text."""

    lang: str
    sentences: list[tuple[int, int]]
    actors: list[Span] = field(default_factory=list)
    framings: list[tuple[Span, str]] = field(default_factory=list)  # (span, stance)
    dyads: list[Dyad] = field(default_factory=list)

    def sentence(self, index: int, text: str) -> str:
        s, e = self.sentences[index]
        return text[s:e]

    def member_codes(self, lexicon: Lexicon) -> list[str]:
        """The CRINK members the text mentions, sorted."""
        return sorted({s.label for s in self.actors if s.label in lexicon.members})


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _accept(text: str, start: int, end: int, entry: Entry) -> int | None:
    """The match's end after boundary checks and stem extension; None when it is no match."""
    if entry.boundary != NONE and start > 0 and _is_word(text[start - 1]):
        return None
    n = len(text)
    if entry.next_word:
        stop = end
        while stop < n and _is_word(text[stop]):
            stop += 1
        return stop if stop > end else None
    if entry.stem:
        while end < n and _is_word(text[end]):
            end += 1
        return end
    if entry.combining or entry.boundary in (NONE, LEFT):
        return end
    if end < n and _is_word(text[end]):
        return None
    return end


def scan(text: str, lexicon: Lexicon, lang: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Actor and framing matches as (label, start, end), leftmost-longest, exclusions removed."""
    actors: list[tuple[str, int, int]] = []
    framings: list[tuple[str, int, int]] = []
    for last, (key, entry) in lexicon.automaton(lang).iter_long(text):
        start = last - len(key) + 1
        end = _accept(text, start, last + 1, entry)
        if end is None or entry.kind == EXCLUDE:
            continue
        if entry.kind == ACTOR:
            if len(entry.labels) == 1:
                actors.append((entry.labels[0], start, end))
            else:  # a compound: one character per actor
                actors.extend((code, start + i, start + i + 1) for i, code in enumerate(entry.labels))
        elif entry.kind == FRAMING:
            framings.append((entry.labels[0], start, end))
    return actors, framings


def _languages_for(lexicon: Lexicon, lang: str) -> list[str]:
    return [lang, "en"] if lang in lexicon.automata and lang != "en" else ["en"]


def tag_text(text: str, lang: str, lexicon: Lexicon) -> TagResult:
    """Find actors, framings (with stance) and dyads (with relation) in ``text`` written in ``lang``."""
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    result = TagResult(lang=lang, sentences=sentences)
    langs = _languages_for(lexicon, lang)
    found_actors, found_framings = scan(text, lexicon, lang)

    def sentence_at(pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    result.actors = [Span(code, s, e, text[s:e], sentence_at(s)) for code, s, e in found_actors]
    has_member = any(s.label in lexicon.members for s in result.actors)
    kept = [(fid, s, e) for fid, s, e in found_framings
            if has_member or fid not in lexicon.generic_framings]
    for i, (fid, s, e) in enumerate(kept):
        index = sentence_at(s)
        sent = sentences[index] if sentences else (0, len(text))
        prev_end = kept[i - 1][2] if i > 0 and sentence_at(kept[i - 1][1]) == index else None
        next_start = kept[i + 1][1] if i + 1 < len(kept) and sentence_at(kept[i + 1][1]) == index else None
        stance = classify_stance(text, s, e, sent, lexicon, langs, prev_end, next_start)
        result.framings.append((Span(fid, s, e, text[s:e], index), stance))

    by_sentence: dict[int, list[Span]] = {}
    for span in result.actors:
        by_sentence.setdefault(span.sentence_index, []).append(span)
    for index, spans in sorted(by_sentence.items()):
        members = sorted({s.label for s in spans if s.label in lexicon.members})
        if len(members) < 2:
            continue
        s_start, s_end = sentences[index]
        sentence = text[s_start:s_end]
        rel_spans = [MemberSpan(s.label, s.start - s_start, s.end - s_start, s.label in lexicon.members)
                     for s in spans]
        # A bare label (CRINK) says nothing about how the members get on; alliance framings do.
        in_sentence = [(f.start - s_start, f.end - s_start, stance if f.label != "crink" else "label")
                       for f, stance in result.framings if f.sentence_index == index]
        hits = find_cues(sentence, rel_spans, lexicon, langs, in_sentence)
        for a, b in combinations(members, 2):
            relation = classify_relation(sentence, a, b, rel_spans, hits)
            result.dyads.append(Dyad(a, b, index, relation))
    return result
