"""Which grouping a framing phrase describes, and so whether it is a CRINK framing at all.

A framing counts only when the grouping it characterises includes a member: named in the words
that modify it ("a Sino-Russian axis", "the bloc of China and Russia"), in its clause, in its
sentence, or in the two sentences before ("The four drew closer. Yet the axis is mostly talk.").
A look-alike grouping (the EU, ASEAN, BRICS, NATO, a transatlantic axis, the Soviet bloc) or
non-members alone (Japan and South Korea as "natural allies") give no CRINK framing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.regex_guard import guarded

CONTEXT_SENTENCES = 2  # how many sentences before a framing may name its grouping
_PREMOD_STOP = guarded(  # behind a look-ahead on its first characters (regex_guard): the same stops, faster
    r"[,;:.!?()\[\]\"«»“”„]|\s(?:and|or|than|as|to|by|with|from|of|is|are|was|were|be|been|being|has|have|had|"
    r"ist|sind|war|von|vom|mit|für|zur|zum|est|sont|du|es|son|del|"
    r"become|became|remain|remains|form|forms|formed|call|calls|called|into|like|unlike|against|—|"
    # a determiner opens the noun phrase: "Russia warned [the Western axis]"
    r"the|a|an|der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|le|la|les|un|une|el|los|las|una)\s", re.IGNORECASE)
_LINKED_AFTER = re.compile(
    r"[\"”’'»]?\s*(?:(?:partnership|friendship|relationship|alliance|ties|axis|bloc|front)\s+)?(?:of|between|among|amongst|within|with|including|comprising|linking|binding|uniting|formed by|"
    r"led by|of the|между|из|包括|由|میان|بین|entre|zwischen|aus|de|des|du|del|de los|de la)(?!\w)",
    re.IGNORECASE)
_AFTER_STOP = re.compile(r"[,;:.!?()\[\]]|\s(?:that|which|who|is|are|was|were|has|have)\s", re.IGNORECASE)
_PREDICATE = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|being|become|becomes|became|remain|remains|remained|form|forms|formed|"
    r"like|as natural|являются|是|هستند|sont|sind|son)(?!\w)|^\s*,\s*(?:the\s+|a\s+)?$", re.IGNORECASE)
_OPPOSING = re.compile(r"(?<!\w)(?:against|versus|vs\.?|oppos\w*|counter\w*|challeng\w*|confront\w*|rival\w*|"
                       r"против|反对|对抗|علیه|대항|contre|gegen|contra)(?!\w)", re.IGNORECASE)
_OPPOSED = re.compile(r"(?:anti|non|post|counter)-$", re.IGNORECASE)
# Between a look-alike grouping and a framing in apposition to it: "the SCO, a bloc led by ...".
_APPOSITION = re.compile(r"\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?", re.IGNORECASE)
# Between a look-alike grouping and members a relative clause says belong to it: "BRICS, which includes".
_DESCRIBES = re.compile(r"\s*,?\s*(?:which|that|whose)\s+(?:[\w-]+\s+){0,4}?(?:members?\s+)?", re.IGNORECASE)
# Before a qualifier, a prefix that turns it into what the grouping opposes: "anti-Western bloc", "反西方阵营".
_AGAINST_QUALIFIER = re.compile(r"(?:(?:anti|non|counter)-?|анти-?|против\s|反|对抗|反对|针对|抗衡|반|대항\S*\s|ضد\s*)$", re.IGNORECASE)
QUALIFIER_BEFORE_CHARS = 30
QUALIFIER_AFTER_CHARS = 60
# Between the members and a qualified grouping said of them: "China and Russia act as a voting bloc".
_SAID_OF = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:is|are|was|were|be|been|become|becomes|became|remain\w*|form\w*|act\w*\s+as|as|"
                      r"(?:align|coalesc|merg|grow|turn|evolv|band)\w*\s+(?:together\s+)?into|"
                      r"behave\w*\s+as|bilden|bildeten|forment|forman|образу\w*|tworz\w*)"
                      r"\s+(?:(?:an?|the|one|a single|single|einen|un|une|una)\s+)?(?:[\w-]+\s+){0,2}", re.IGNORECASE)


@dataclass(frozen=True)
class Grouping:
    """A named actor or grouping near a framing: the members it stands for, if any."""

    start: int
    end: int
    members: tuple[str, ...]  # empty for a non-member actor or a look-alike grouping
    sentence_index: int
    lookalike: bool = False
    label: str = ""  # for a look-alike: "group" (the EU, NATO) or "modifier" (transatlantic, Soviet)


def clause_bounds(text: str, start: int, end: int, sentence: tuple[int, int], lexicon: Lexicon,
                  langs: list[str]) -> tuple[int, int]:
    """The clause of ``sentence`` around text[start:end], bounded by the taxonomy's clause breaks."""
    s0, s1 = sentence
    c0, c1 = s0, s1
    for m in lexicon.cue("clauses.break").finditer(text[s0:s1], langs):
        b0, b1 = s0 + m.start(), s0 + m.end()
        if b1 <= start:
            c0 = b1
        elif b0 >= end:
            c1 = b0
            break
    return c0, c1


def _adjacent(text: str, start: int, end: int, clause: tuple[int, int],
              groupings: list[Grouping]) -> list[Grouping]:
    """Groupings in the words modifying the phrase: right before it, or linked after it by "of"/"between"."""
    before = text[clause[0]:start]
    stops = list(_PREMOD_STOP.finditer(before))
    pre_start = clause[0] + (stops[-1].end() if stops else 0)
    pre_start = max(pre_start, start - 40)
    out = [g for g in groupings if pre_start <= g.start and g.end <= start
           and not _OPPOSED.search(text[max(g.start - 8, 0):g.start])]
    link = _LINKED_AFTER.match(text, end)
    if link:
        rest = text[link.end():clause[1]]
        stop = _AFTER_STOP.search(rest)
        post_end = link.end() + (stop.start() if stop else len(rest))
        post_end = min(post_end, link.end() + 60)
        out += [g for g in groupings if link.end() <= g.start and g.end <= post_end]
    else:
        out += _compound_after(text, end, groupings)
    return out


def _compound_after(text: str, end: int, groupings: list[Grouping]) -> list[Grouping]:
    """A pair or chain compound right after the phrase names its grouping: "el eje Moscú-Pekín",
    "oś Rosja-Iran-Chiny", and the Persian genitive of two ("محور روسیه و ایران"); a single name there
    is no compound ("l'axe Russie" is not French)."""
    after = [g for g in groupings if g.start >= end]
    if not after or not _SPACE.fullmatch(text, end, after[0].start):
        return []
    chain = [after[0]]
    for g in after[1:]:
        gap = text[chain[-1].end:g.start]
        if gap not in _COMPOUND_DASHES and not (gap == "" and text[g.start - 1:g.start] == "-") and not (len(chain) == 1 and _PERSIAN_AND.fullmatch(gap)):
            break
        chain.append(g)
    return chain if len(chain) > 1 else []


_SPACE = re.compile(r"\s+")
_TIGHT_BEFORE = re.compile(r"[\s\-–—/]*")
MODIFIER_FOLLOWS = frozenset({"fa", "fr", "es", "vi"})  # "l'axe russo-iranien", "محور روسیه و ایران"
LINK_WORDS = 2  # "of", "of the", "de la", "zwischen": the members follow the link word at once
_PERSIAN_AND = re.compile(r"\s+و\s+")  # the Persian genitive needs no link word: محور روسیه و ایران
_COMPOUND_DASHES = ("-", "–", "—", "‐", "‑", "/")


def _qualified(text: str, start: int, end: int, clause: tuple[int, int], lexicon: Lexicon, langs: list[str]) -> bool:
    """Is the phrase qualified as another grouping: "the regional bloc", "le bloc occidental",
    "a bloc of 15 economies", "区域集团"?"""
    before = text[max(clause[0], start - QUALIFIER_BEFORE_CHARS):start]
    for m in lexicon.cue("lookalike_qualifiers.before").finditer(before, langs):
        rest = before[m.end():]
        if not _PREMOD_STOP.search(rest) and len(rest.split()) <= 1 and not _AGAINST_QUALIFIER.search(before[:m.start()]):
            return True
    after = text[end:min(clause[1], end + QUALIFIER_AFTER_CHARS)]
    m = lexicon.cue("lookalike_qualifiers.after").search(after, langs)
    return m is not None and not after[:m.start()].strip()


def _said_of_members(text: str, start: int, clause: tuple[int, int], groupings: list[Grouping]) -> tuple[str, ...]:
    """The members a qualified grouping is predicated of in its clause ("China and Russia act as a
    voting bloc"), else ()."""
    near = [g for g in groupings if clause[0] <= g.start and g.end <= start]
    if not near or not near[-1].members:
        return ()
    return _members(_run(text, near)) if _SAID_OF.fullmatch(text, near[-1].end, start) else ()


def _linked_members(text: str, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int],
                    groupings: list[Grouping], langs: list[str]) -> tuple[str, ...]:
    """For a word common in other senses ("axe", "eje", "Achse", "coalition"): the members named right
    at it ("l'axe Moscou-Pékin", "a coalition of China, Russia and Iran", "die russisch-iranische
    Achse"), else () — context alone does not make it a framing. Any non-member there makes it
    another grouping ("el eje Washington-Tokio")."""
    linked = _adjacent(text, start, end, clause, groupings)
    before = [g for g in linked if g.start < end]
    if before:  # right before it: "the Sino-Russian coalition", "中俄轴心", not "Russia's ruling coalition";
        # where modifiers follow their noun, a name before it is its subject ("روسیه محور ...")
        before = _run(text, before) if _TIGHT_BEFORE.fullmatch(text, before[-1].end, start) \
            and langs[0] not in MODIFIER_FOLLOWS else []
    after = [g for g in linked if g.start >= end]
    if after:  # the link word, then the whole list: "of China, Russia and Iran", not "de la política rusa"
        after = _run(text, [g for g in groupings if g.start >= after[0].start and g.end <= clause[1]], forward=True) \
            if len(text[end:after[0].start].split()) <= LINK_WORDS else []
    named = before + after
    if not named:  # or the clause says it of two or more: "China and Russia are merging into one coalition"
        # (a list's ", and" is no clause break here); not "Russia, Egypt, Algeria and Iran formed ..."
        said = _said_of_members(text, start, (sentence[0], clause[1]), groupings)
        return said if len(said) > 1 else ()
    return _members(named) if all(g.members for g in named) else ()


def _against_member(text: str, end: int, clause: tuple[int, int], groupings: list[Grouping]) -> bool:
    """Is the phrase followed by what it opposes, a member ("a united front against North Korea"),
    with no member named before it in its clause to be the grouping?"""
    opposing = _AGAINST_AFTER.match(text, end)
    if not opposing:
        return False
    after = [g for g in groupings if g.start >= opposing.end()]
    before = [g for g in groupings if clause[0] <= g.start and g.end <= end and g.members]
    return bool(after) and after[0].start == opposing.end() and bool(after[0].members) and not before


_AGAINST_AFTER = re.compile(r"\s+(?:against|versus|to (?:counter|contain|confront|deter)|gegen|contre|contra|против|przeciw\w*)\s+(?:the\s+)?",
                            re.IGNORECASE)


def _sentence_of(grouping: Grouping) -> int:
    return grouping.sentence_index


def _members(groupings: list[Grouping]) -> tuple[str, ...]:
    return tuple(sorted({m for g in groupings for m in g.members}))


def _nearest(groupings: list[Grouping], start: int, end: int) -> Grouping:
    return min(groupings, key=lambda g: start - g.end if g.end <= start else g.start - end)


def resolve_target(
    text: str, framing_id: str, start: int, end: int, sentence: tuple[int, int], index: int,
    groupings: list[Grouping], lexicon: Lexicon, langs: list[str],
) -> tuple[str, ...]:
    """The members of the grouping the framing at text[start:end] describes; () when none is one.

    ``groupings`` are the text's actor mentions, look-alike groupings and member-naming framings
    (CRINK, Axis of Upheaval), in text order.
    """
    # No rule below reaches further than the sentences before the framing's (CONTEXT_SENTENCES) and
    # a name right after it across a line break; ``groupings`` run in text order, so in sentence order.
    near = groupings[bisect_left(groupings, index - CONTEXT_SENTENCES, key=_sentence_of):
                     bisect_right(groupings, index + 1, key=_sentence_of)]
    others = [g for g in near if not (g.start == start and g.end == end)]
    clause = clause_bounds(text, start, end, sentence, lexicon, langs)
    inside = [g for g in others if start <= g.start and g.end <= end and g.members] if end - start > 8 else []
    if inside:  # "the axis of Moscow and Pyongyang": the phrase's own last word names a member
        listed = [g for g in others if g.start >= inside[0].start and g.end <= clause[1]]
        return _members(_run(text, listed, forward=True))
    if text[start:end].lower() in lexicon.linked_only:
        return _linked_members(text, start, end, clause, sentence, others, langs)
    if "," in text[max(start - 40, 0):start] and any(
            g.lookalike and g.label == "group" and g.end <= start and _APPOSITION.fullmatch(text, g.end, start) for g in others):
        return ()  # "The Shanghai Cooperation Organisation, a bloc led by China and Russia"
    fixed = lexicon.fixed_targets.get(framing_id, ())
    adjacent = _adjacent(text, start, end, clause, others)
    if not fixed and not _members(adjacent) and _against_member(text, end, clause, others):
        return ()  # "a united front against North Korea": the member is what the grouping opposes
    if framing_id in lexicon.generic_framings and _qualified(text, start, end, clause, lexicon, langs):
        # "the regional bloc", "le bloc occidental": another grouping, unless members are linked after
        # it ("a trading bloc of China and Russia") or the clause says it of them ("China and Russia
        # act as a voting bloc"); a member before the qualifier is no part of it ("Россия критикует западный блок")
        linked = _members([g for g in adjacent if g.start >= end])
        return linked or _said_of_members(text, start, clause, others)
    if adjacent and _members(adjacent):
        return tuple(sorted(set(_members(adjacent)) | set(fixed)))
    if adjacent:  # "the EU bloc", "a transatlantic axis", "Japan-South Korea natural alliance"
        return _said_of_members(text, start, clause, others)
    if fixed:
        return fixed
    # A modifier ("Western", "Soviet") only matters right at the phrase, which `adjacent` covered.
    window = [g for g in others if index - CONTEXT_SENTENCES <= g.sentence_index <= index
              and g.label != "modifier"]
    preceding = [g for g in window if g.end <= start]
    if framing_id in lexicon.generic_framings and preceding and preceding[-1].lookalike \
            and preceding[-1].label == "group":
        return ()  # "the bloc" after the EU was named refers back to it
    # The grouping a framing characterises is named before it: its clause, its sentence, then the
    # sentences before; a name after it (not linked by "of"/"between") is usually what it opposes.
    for lo, hi in (clause, sentence):
        near = [g for g in preceding if lo <= g.start and g.end <= hi]
        if _members(near):
            if lo == sentence[0] and framing_id in lexicon.generic_framings and _refers_to_lookalike(text, preceding):
                return ()  # "The EU sanctioned Russia. The bloc also ...": the bloc is the EU
            return _members(near)
        # Non-members before it decide only when the phrase is said of them ("Japan and South
        # Korea are natural allies"); a speaker ("analysts in Seoul warned of a bloc") does not.
        if near and (near[-1].lookalike or _PREDICATE.search(text[near[-1].end:start])):
            return ()
    # Then what follows in its clause, unless it is what the grouping opposes ("a bloc against the US").
    if framing_id in lexicon.generic_framings and _refers_to_lookalike(text, preceding):
        return ()  # "The European Union imposed sanctions on Russia. The bloc also targeted Chinese firms."
    following = [g for g in window if g.start >= end and g.end <= clause[1]
                 and not _OPPOSING.search(text, end, g.start)]
    if following:
        return _members(_run(text, following, forward=True)) if following[0].members else ()
    for back in range(1, CONTEXT_SENTENCES + 1):
        near = [g for g in window if g.sentence_index == index - back]
        if any(g.lookalike and g.label == "group" for g in near) and not _members(near):
            return ()
        if _members(near):
            return _members(near)
    following = [g for g in window if g.start >= end and g.end <= sentence[1]]
    if following and following[0].members:
        return _members(_run(text, following, forward=True))
    return lexicon.default_targets.get(framing_id, ())


def _refers_to_lookalike(text: str, preceding: list[Grouping]) -> bool:
    """Is the nearest grouping named before a bare "the bloc" a look-alike (the EU, NATO, the G7)?
    Single members named in between are what that grouping acts on, not a grouping; two or more
    coordinated members, or a member-naming framing (CRINK), are a grouping of their own."""
    for i in range(len(preceding) - 1, -1, -1):
        g = preceding[i]
        if g.lookalike and g.label == "group":
            return True
        if g.members and any(h.lookalike and h.label == "group" and _DESCRIBES.match(text, h.end, g.start)
                             for h in preceding[:i]):
            return True  # "BRICS, which includes China and Russia, ...": its members, not a grouping of their own
        if len(g.members) > 1:
            return False
        if g.members and i > 0 and preceding[i - 1].members and _GLUE.match(text[preceding[i - 1].end:g.start]):
            return False  # "China and Russia"
    return False


_GLUE = re.compile(r"^(?:[\s,/&-]|and|or|as well as|и|和|与|及|、|와|과|و|et|und|y|'s|s)*$", re.IGNORECASE)


def _run(text: str, groupings: list[Grouping], forward: bool = False) -> list[Grouping]:
    """The coordinated phrase ("China, Russia and Iran") ending at the last grouping (starting at the first)."""
    seq = groupings if forward else list(reversed(groupings))
    run = [seq[0]]
    for g in seq[1:]:
        a, b = (run[-1], g) if forward else (g, run[-1])
        if not _GLUE.match(text[a.end:b.start]):
            break
        run.append(g)
    return run
