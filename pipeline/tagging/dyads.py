"""The relation a sentence expresses between two members: cooperation, friction or neutral."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.tagging.lexicon import Lexicon

COOPERATION, FRICTION, NEUTRAL = "cooperation", "friction", "neutral"
RELATIONS = (COOPERATION, FRICTION, NEUTRAL)

NEGATION_BEFORE_CHARS = 30
NEGATION_AFTER_CHARS = 10

# A sentence-opening concessive clause ("Despite tensions, …") states background, not the relation: their cues are
# ignored up to the next comma. Cues after a contrast ("…, but …") say what the sentence stresses.
_CONCESSIVE = re.compile(
    r"^\W{0,3}(?:despite|although|though|even as|for all|notwithstanding|несмотря на|хотя|尽管|虽然|"
    r"비록|با وجود|با اینکه|malgré|bien que|trotz|obwohl|a pesar de|aunque)(?!\w)[^,，;。]*",
    re.IGNORECASE)
_BETWEEN = re.compile(
    r"(?<!\w)(?:between|among|amongst|within|inside|each other|one another|между|внутри|之间|之中|사이|بین|میان|entre|zwischen|unter)(?!\w)",
    re.IGNORECASE)
_CONTRAST = re.compile(
    r"(?<!\w)(?:but|yet|however|но|однако|但|但是|然而|하지만|그러나|اما|ولی|mais|pourtant|aber|jedoch|pero|sin embargo)(?!\w)",
    re.IGNORECASE)


@dataclass(frozen=True)
class MemberSpan:
    """Where a member is named inside the sentence (offsets relative to the sentence)."""

    code: str
    start: int
    end: int
    is_member: bool = True


def _negated(sentence: str, cue: re.Match[str], lexicon: Lexicon, langs: list[str]) -> bool:
    before = sentence[max(cue.start() - NEGATION_BEFORE_CHARS, 0):cue.start()]
    # Only the words right before the cue: "did not sign", "refused" is its own cue.
    tail = re.split(r"[,;:]", before)[-1]
    if lexicon.cue("negation.before").search(tail, langs):
        m = None
        for m in lexicon.cue("negation.before").finditer(tail, langs):
            pass
        if m is not None and len(tail) - m.end() <= 24:
            return True
    after = sentence[cue.end():cue.end() + NEGATION_AFTER_CHARS]
    return bool(lexicon.cue("negation.after").search(after, langs))


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


@dataclass(frozen=True)
class CueHits:
    """The relation cues of one sentence, weighed once and shared by all its member pairs."""

    cooperation: float  # total weight, pair-independent
    friction: list[tuple[int, float]]  # (position, weight) of mutual friction cues
    directed: list[tuple[int, float]]  # (position, weight) of directed friction cues


def find_cues(
    sentence: str, actors: list[MemberSpan], lexicon: Lexicon, langs: list[str],
    framings: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
) -> CueHits:
    """Weigh every relation cue of the sentence.

    A cue inside an actor's name or a framing counts for nothing, as does one in an opening
    concessive clause or a negated one; one after a contrast ("…, but …") counts double. A
    framing (start, end, stance) the writer asserts ("they act as a bloc") is a cooperation cue;
    one the writer distances or contests is none.
    """
    name_spans = [(a.start, a.end) for a in actors] + [(st, en) for st, en, _ in framings]
    concessive = [m.span() for m in _CONCESSIVE.finditer(sentence)]
    contrast = [m.start() for m in _CONTRAST.finditer(sentence)]

    def weight(cue: re.Match[str]) -> float:
        if _in_spans(cue.start(), name_spans) or _in_spans(cue.start(), concessive):
            return 0.0
        if _negated(sentence, cue, lexicon, langs):
            return 0.0
        return 2.0 if any(c < cue.start() for c in contrast) else 1.0

    coop = sum(weight(m) for m in lexicon.cue("dyads.cooperation").finditer(sentence, langs))
    coop += sum(1.0 for _, _, stance in framings if stance == "asserted")
    friction = [(m.start(), weight(m)) for m in lexicon.cue("dyads.friction").finditer(sentence, langs)]
    directed = [(m.start(), weight(m)) for m in lexicon.cue("dyads.directed").finditer(sentence, langs)]
    return CueHits(coop, [f for f in friction if f[1]], [d for d in directed if d[1]])


def classify_relation(sentence: str, a: str, b: str, actors: list[MemberSpan], hits: CueHits) -> str:
    """Relation between members ``a`` and ``b`` as expressed in ``sentence``.

    Scope rules: a friction cue with a third party before it and both members after it is that
    party's act on them ("Washington sanctioned Chinese and Russian banks"), and so is one that
    precedes both members without a "between" ("fear of China and Russia"); a ``directed`` cue
    (sanction, condemn, refuse) counts only when one member stands before it and the other after.
    """
    pos_a = [s.start for s in actors if s.code == a]
    pos_b = [s.start for s in actors if s.code == b]
    third = [s.start for s in actors if not s.is_member or s.code not in (a, b)]

    def acts_on_both(pos: int) -> bool:
        first = min(pos_a + pos_b)
        if first < pos:
            return False
        if any(t < pos for t in third):
            return True
        return not _BETWEEN.search(sentence, pos, first)

    def one_on_other(pos: int) -> bool:
        return (min(pos_a) < pos < max(pos_b)) or (min(pos_b) < pos < max(pos_a))

    friction = sum(w for pos, w in hits.friction if not acts_on_both(pos))
    friction += sum(w for pos, w in hits.directed if one_on_other(pos) and not acts_on_both(pos))
    if friction > hits.cooperation:
        return FRICTION
    if hits.cooperation > friction:
        return COOPERATION
    return NEUTRAL
