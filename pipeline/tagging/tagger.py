"""Tag one text: actor mentions, framings with stance and target, and member pairs per sentence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import combinations

from pipeline.tagging.dyads import classify_pair, find_cues
from pipeline.tagging.lexicon import (
    ACTOR,
    EXCLUDE,
    FRAMING,
    GROUP,
    LEFT,
    NONE,
    Entry,
    Lexicon,
    fold_typography,
)
from pipeline.tagging.phrases import MemberSpan
from pipeline.tagging.sentences import split_sentences
from pipeline.tagging.stance import ASSERTED, classify_stance
from pipeline.tagging.targets import Grouping, resolve_target

# Between two framings of one list: quotes, commas and "and" in any of the languages.
LISTED = re.compile(r"^(?:[\s\"'”’»«“‘,、]|和|及|与|и|and|et|und|y)*$")


@dataclass(frozen=True)
class Span:
    """One match: its label, its offsets into the tagged text and the sentence it sits in."""

    label: str
    start: int
    end: int
    surface: str
    sentence_index: int


@dataclass(frozen=True)
class Framing:
    """A CRINK framing: where it is, how the author holds it, and the members it describes."""

    label: str
    start: int
    end: int
    surface: str
    sentence_index: int
    stance: str
    target: tuple[str, ...]


@dataclass(frozen=True)
class Dyad:
    """Two members named in one sentence, the relation that sentence expresses and how sure that is."""

    a: str
    b: str
    sentence_index: int
    relation: str
    confidence: float = 1.0


@dataclass
class TagResult:
    """Everything the tagger found in one text; offsets index into that text."""

    lang: str
    sentences: list[tuple[int, int]]
    actors: list[Span] = field(default_factory=list)
    framings: list[Framing] = field(default_factory=list)
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


def _is_venue(text: str, start: int, end: int, lexicon: Lexicon, langs: list[str]) -> bool:
    """A capital named as the place something happens ("the Games in Beijing"), not its government."""
    if text[end:end + 2] == "'s":
        return False
    before = text[max(start - 40, 0):start]
    if not lexicon.cue("venue.before").search(before, langs):
        return bool(lexicon.cue("venue.after").search(text[end:end + 20], langs))
    return not lexicon.cue("venue.not_before").search(before, langs)


def scan(text: str, lexicon: Lexicon, lang: str, langs: list[str] | None = None) -> tuple[
        list[tuple[str, int, int]], list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Actor, framing and look-alike grouping matches as (label, start, end), leftmost-longest.

    Exclusions, organisation names ("China Times") and capitals named as venues are removed.
    """
    langs = langs or _languages_for(lexicon, lang)
    actors: list[tuple[str, int, int]] = []
    framings: list[tuple[str, int, int]] = []
    groups: list[tuple[str, int, int]] = []
    suffix = lexicon.org_suffix
    for last, (key, entry) in lexicon.automaton(lang).iter_long(text):
        start = last - len(key) + 1
        end = _accept(text, start, last + 1, entry)
        if end is None or entry.kind == EXCLUDE:
            continue
        if entry.kind == ACTOR:
            if suffix is not None and text[end + 1:end + 2].isupper() and suffix.match(text, end):
                continue
            if entry.capital and _is_venue(text, start, end, lexicon, langs):
                continue
            if len(entry.labels) == 1:
                actors.append((entry.labels[0], start, end))
            else:  # a compound: one character per actor
                actors.extend((code, start + i, start + i + 1) for i, code in enumerate(entry.labels))
        elif entry.kind == FRAMING:
            framings.append((entry.labels[0], start, end))
        elif entry.kind == GROUP:
            groups.append((entry.labels[0], start, end))
    return actors, framings, groups


def _languages_for(lexicon: Lexicon, lang: str) -> list[str]:
    return [lang, "en"] if lang in lexicon.automata and lang != "en" else ["en"]


def tag_text(text: str, lang: str, lexicon: Lexicon) -> TagResult:
    """Find actors, framings (stance, target) and dyads (relation) in ``text`` written in ``lang``."""
    plain = fold_typography(text)
    sentences = split_sentences(plain)
    starts = [s for s, _ in sentences]
    result = TagResult(lang=lang, sentences=sentences)
    langs = _languages_for(lexicon, lang)
    found_actors, found_framings, found_groups = scan(plain, lexicon, lang, langs)

    def sentence_at(pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    result.actors = [Span(code, s, e, text[s:e], sentence_at(s)) for code, s, e in found_actors]
    groupings = [Grouping(s.start, s.end, (s.label,) if s.label in lexicon.members else (), s.sentence_index,
                          lookalike=s.label in lexicon.lookalike_actors,
                          label="group" if s.label in lexicon.lookalike_actors else "")
                 for s in result.actors]
    groupings += [Grouping(s, e, (), sentence_at(s), lookalike=True, label=kind) for kind, s, e in found_groups]
    for fid, s, e in found_framings:
        if fid in lexicon.fixed_targets:
            groupings.append(Grouping(s, e, lexicon.fixed_targets[fid], sentence_at(s)))
    groupings.sort(key=lambda g: g.start)

    kept = []
    for fid, s, e in found_framings:
        index = sentence_at(s)
        sent = sentences[index] if sentences else (0, len(plain))
        target = resolve_target(plain, fid, s, e, sent, index, groupings, lexicon, langs)
        if target:
            kept.append((fid, s, e, index, sent, target))
            if fid not in lexicon.fixed_targets:  # "this axis", "the quartet": the grouping just characterised
                bisect.insort(groupings, Grouping(s, e, target, index), key=lambda g: g.start)
    for i, (fid, s, e, index, sent, target) in enumerate(kept):
        prev_end = kept[i - 1][2] if i > 0 and kept[i - 1][3] == index else None
        next_start = kept[i + 1][1] if i + 1 < len(kept) and kept[i + 1][3] == index else None
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        stance = classify_stance(plain, s, e, sent, lexicon, langs, prev_end, next_start, following)
        if stance == ASSERTED and result.framings and prev_end is not None \
                and LISTED.match(plain[prev_end:s]):
            stance = result.framings[-1].stance  # «ось потрясений» и CRINK: one list, one stance
        result.framings.append(Framing(fid, s, e, text[s:e], index, stance, target))

    by_sentence: dict[int, list[Span]] = {}
    for span in result.actors:
        by_sentence.setdefault(span.sentence_index, []).append(span)
    for index, spans in sorted(by_sentence.items()):
        members = sorted({s.label for s in spans if s.label in lexicon.members})
        if len(members) < 2:
            continue
        s_start, s_end = sentences[index]
        sentence = plain[s_start:s_end]
        rel_spans = [MemberSpan(s.label, s.start - s_start, s.end - s_start, s.label in lexicon.members)
                     for s in spans]
        # A bare label (CRINK) says nothing about how the members get on; alliance framings do.
        in_sentence = [(f.start - s_start, f.end - s_start, f.stance if f.label != "crink" else "label")
                       for f in result.framings if f.sentence_index == index]
        hits = find_cues(sentence, rel_spans, lexicon, langs, in_sentence)
        for a, b in combinations(members, 2):
            relation, confidence = classify_pair(sentence, a, b, rel_spans, hits, lexicon, langs)
            result.dyads.append(Dyad(a, b, index, relation, confidence))
    return result
