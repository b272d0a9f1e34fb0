"""How the names of a sentence group into phrases, without a parser: clauses, coordinated lists
of names ("China, Russia and Iran", "Iranian drones and North Korean shells"), pair compounds
("North Korea-Russia") and partner nouns with their possessor ("North Korea's treaty ally")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from pipeline.tagging.lexicon import Lexicon

# Between two names of one coordinated phrase: commas, "and", hyphens, slashes, and their kin.
LIST_GLUE = re.compile(
    r"^(?:[\s,/&、·-]|and|or|as well as|along with|together with|и|или|а также|和|与|及|同|跟|와|과|및|و|et|ou|und|oder|y|e|o|i|oraz|và|cùng|"
    r"the|la|le|l'|les|die|der|das|dem|den|des|el|los|las|"
    # titles between a demonym and a name: "Chinese President Xi Jinping and Russian President Vladimir Putin"
    r"president|prime minister|foreign minister|defen[cs]e minister|minister|supreme leader|leader|premier|"
    r"chairman|general secretary|dictator|counterpart)*$",
    re.IGNORECASE)
# Between the two names of a pair compound: "North Korea-Russia", "China–Russia", "China – Russia", "Moscow/Tehran".
COMPOUND_GLUE = ("", "-", "/", "–", "—", "‐", "‑")
_WORD = re.compile(r"[\w-]*")  # the whole word a cue match starts
# ", and" / ", or" closing a list
_SERIAL = re.compile(r"^,\s(?:and|or)\s$")
LIST_ITEM_WORDS = 3
# A comma alone (or with an article: "On Russia, the Trump administration") joins no list of two.
_COMMA_ONLY = re.compile(r"^\s*,\s*(?:(?:the|la|le|les|l'|die|der|das|dem|den|des|el|los|las)\s+)?$", re.IGNORECASE)
# The last conjunct of a list is a name the tagger does not track: "Iran, Russia and Syria",
# "China, Russia and Belarus". Such a list is one coordinated phrase like any other.
UNTRACKED_CONJUNCT = re.compile(r"\s*,?\s+(?:and|as well as)\s+(?:the\s+)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}(?!\w)|"
                                r"(?:several\s+|many\s+|some\s+|a\s+few\s+)?other\s+(?:countries|states|nations|partners|governments|powers)(?!\w))")
# Between a possessor and its partner noun: adjectives, member names and "and" only ("longtime treaty",
# "Russian and North Korean"), never a preposition or article that starts another phrase.
_MODIFIERS = re.compile(r"^\s+(?:(?!(?:of|with|to|for|by|in|on|from|at|the|a|an|its|their|that|which|who|is|are|was|were)\s)[\w-]+,?\s+){0,5}$",
                        re.IGNORECASE)
ZONE_CHARS = 80  # how far before its noun a possessive pronoun is looked for ("its ... partners")
_POSSESSIVE = re.compile(r"'s?")
# The article and adjectives before a demonym that qualifies a partner noun: "is now a close Russian ally".
_A_DEMONYM = re.compile(r"(?<!\w)(?:an?|the)\s+(?:[\w-]+\s+){0,2}?[A-Z][\w-]*(?:ian|ean|ese|ish)\s")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:an?|the)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_PRONOUN = re.compile(r"(?<!\w)(?:its|their|his|her)(?!\w)", re.IGNORECASE)
# Between a partner noun and the member it names: "Russia's ally North Korea", "its partner, Iran".
_APPOSITION_AFTER = re.compile(r"^,?\s*(?:the\s+)?$", re.IGNORECASE)
# Before a possessor: "The PRC, North Korea's ally", "Iran is Russia's closest partner".
_APPOSITION_BEFORE = re.compile(r"^(?:,\s*|(?:,[^,;:()]{2,40},)?\s+(?:is|was|remains|became|has become|is now|has long been|has been|"
                                r"has emerged as|emerged as|serves as|acts as)\s+(?:(?:one|among) of\s+)?)$",
                                re.IGNORECASE)
# A member named by its adjective ("Iranian", "North Korean", "Chinese") and the noun it qualifies.
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")  # Iranian, Korean, Chinese; not Iran or Tehran
_NOUN_AFTER_DEMONYM = re.compile(r"\s+(?:(?!(?:and|or)\b)[a-z][\w-]*\s*){1,2}")
_POSSESSIVE_TAIL = re.compile(r"^(?:'s?|’s?|s|ские|ская|ский|ского|ских|ische[nr]?|iens?|iennes?)?$")


@dataclass(frozen=True)
class MemberSpan:
    """Where an actor is named inside the sentence (offsets relative to the sentence)."""

    code: str
    start: int
    end: int
    is_member: bool = True


_SHORT_ASIDE = re.compile(r"\((?:[^()\s]+\s?){1,3}\)")


def split_clauses(sentence: str, lexicon: Lexicon, langs: list[str],
                  names: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:  # type: ignore[assignment]
    """The clauses of ``sentence`` as (start, end); ``names`` are where actors are named."""
    out, start = [], 0
    ends, starts = {e for _, e in names}, {s for s, _ in names}
    # a dash right between two names is list glue ("China – Russia"), no clause break; so is ", and"
    # closing a list ("China, Iran, and Russia", see _oxford_comma), but not after a single name:
    # "China buys from Saudi Arabia, and Russia sells to Turkey" is two clauses
    breaks = [m for m in lexicon.cue("clauses.break").finditer(sentence, langs)
              if not (m.start() in ends and m.end() in starts and not _SERIAL.match(m.group()))]
    # a short aside in brackets ("North Korea (CRINK) face", "Russia (RU) and") is no clause of its own
    short = {m.start() for m in _SHORT_ASIDE.finditer(sentence)}
    breaks = [m for m in breaks if not (m.group() == "(" and m.start() in short
                                        or m.group() == ")" and sentence.rfind("(", 0, m.start()) in short)]
    dashes = [m for m in breaks if m.group().strip() in ("—", "-", "–")]
    if len(dashes) == 2:  # "The axis — China, Russia, Iran — grows": an aside, not two clauses
        breaks = [m for m in breaks if m not in dashes]
    for m in breaks:
        if _oxford_comma(sentence, m, start, ends):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return out


def _oxford_comma(sentence: str, m: re.Match[str], clause_start: int, name_ends: set[int] = frozenset()) -> bool:  # type: ignore[assignment]
    """Is this ", and" the last comma of a list ("arms, air defence technology, and drones")?
    So it is when a comma comes earlier in the clause and at most three words stand between, or
    the item between is one name however long ("the Islamic Republic of Iran, and ...")."""
    if not _SERIAL.match(m.group()):
        return False
    comma = sentence.rfind(",", clause_start, m.start())
    return comma >= 0 and (len(sentence[comma + 1:m.start()].split()) <= LIST_ITEM_WORDS or m.start() in name_ends)


def partner_nouns(sentence: str, actors: list[MemberSpan], lexicon: Lexicon,
                   cues: list[re.Match[str]]) -> dict[int, tuple[re.Match[str], frozenset[frozenset[str]], int]]:
    """Partner nouns whose possessor and partner are both named, by the noun's start: the pairs
    each links, and where its modifiers start. "The PRC, North Korea's treaty ally" (CN-KP); "China
    ... supporting its Russian and North Korean partners" (CN-RU, CN-KP, not KP-RU: both are China's
    partners)."""
    out: dict[int, tuple[re.Match[str], frozenset[frozenset[str]], int]] = {}
    nouns = [m for m in cues if _WORD.match(sentence, m.start()).group().lower() in lexicon.partner_nouns]
    if not nouns or "'" not in sentence and not _PRONOUN.search(sentence) and not _A_DEMONYM.search(sentence):
        return out  # no partner noun, or no possessor
    members = sorted((a for a in actors if a.is_member), key=lambda a: a.start)
    for noun in nouns:
        possessor, zone_start, demonym = None, None, False
        for p in reversed([a for a in members if a.end <= noun.start()]):
            tail = _POSSESSIVE.match(sentence, p.end)
            if tail and _MODIFIERS.match(sentence[tail.end():noun.start()]):
                possessor, zone_start = p, tail.end()
            elif _DEMONYM.search(sentence, p.start, p.end) and _ARTICLE_BEFORE.search(sentence, 0, p.start) \
                    and _MODIFIERS.match(sentence[p.end:noun.start()]):
                possessor, zone_start, demonym = p, p.end, True  # "a Russian ally": Russia's ally
            break
        if possessor is None:
            head = sentence[max(noun.start() - ZONE_CHARS, 0):noun.start()]
            pronoun = next((m for m in _PRONOUN.finditer(head) if _MODIFIERS.match(head[m.end():])), None)
            if pronoun is None:
                continue
            offset = noun.start() - len(head)
            zone_start = offset + pronoun.end()
            before = [a for a in members if a.end <= offset + pronoun.start()
                      and not re.search(r"[;:.]", sentence[a.end:offset + pronoun.start()])]
            nearest = [a for a in actors if a.end <= offset + pronoun.start()]
            if not before or nearest and not nearest[-1].is_member:
                continue  # "against the US and its allies": the pronoun stands for the actor named last
            possessor = before[-1]
        named = [a for a in members if zone_start <= a.start and a.end <= noun.start()]
        after = [a for a in members if a.start >= noun.end()]
        if after and _APPOSITION_AFTER.match(sentence[noun.end():after[0].start]):
            named.append(after[0])
        prior = [a for a in members if a.end <= possessor.start]
        if prior and sentence[possessor.start - 1:possessor.start] != "-" \
                and (zone_start > possessor.end
                     and _APPOSITION_BEFORE.match(sentence[prior[-1].end:possessor.start])
                     or demonym and _APPOSITION_BEFORE.match(_ARTICLE_BEFORE.sub(" ", sentence[prior[-1].end:possessor.start]))):
            named.append(prior[-1])
        pairs = frozenset(frozenset((possessor.code, n.code)) for n in named if n.code != possessor.code)
        if pairs:
            out[noun.start()] = (noun, pairs, zone_start)
    return out


def clause_of(pos: int, clauses: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause that holds ``pos``."""
    for s, e in clauses:
        if s <= pos <= e:
            return s, e
    return clauses[-1]


def glued(sentence: str, spans: list[MemberSpan], nouns: bool = False) -> bool:
    """Are these actor names (in text order) one coordinated phrase: "China, Russia and Iran"?
    With ``nouns``, names with their nouns too: "Iranian drones and North Korean shells", "Iran's
    drones and North Korea's shells"."""
    for x, y in pairwise(spans):
        gap = sentence[x.end:y.start]
        if y.start < x.end or LIST_GLUE.match(gap):
            continue
        # "Russia's and China's", "Russian and Chinese": a possessive or adjective ending may sit between.
        word = re.match(r"^[\w']*", gap).group()
        if _POSSESSIVE_TAIL.match(word) and LIST_GLUE.match(gap[len(word):]):
            continue
        if nouns and (_DEMONYM.search(sentence, x.start, x.end) or gap.startswith("'")):
            rest = gap.removeprefix("'s").removeprefix("'")
            noun = _NOUN_AFTER_DEMONYM.match(rest)
            if noun and rest[noun.end():].strip() and LIST_GLUE.match(rest[noun.end():]):
                continue
        return False
    return True


def name_run(sentence: str, spans: list[MemberSpan], backwards: bool, nouns: bool = False) -> list[MemberSpan]:
    """The coordinated phrase of actor names starting at the cue's side of ``spans``.

    A comma alone does not make two names a list ("its reliance on Russia, Pyongyang could …"):
    such a pair is cut back to the name nearest the cue; three or more are a list. ``nouns``:
    see ``glued``.
    """
    seq = list(reversed(spans)) if backwards else spans
    run = [seq[0]]
    for s in seq[1:]:
        pair = [s, run[-1]] if backwards else [run[-1], s]
        if not glued(sentence, pair, nouns):
            break
        run.append(s)
    if backwards:
        run.reverse()
    gaps = [sentence[x.end:y.start] for x, y in pairwise(run)]
    if len(run) == 2 and all(_COMMA_ONLY.match(g) for g in gaps) \
            and not UNTRACKED_CONJUNCT.match(sentence, run[-1].end):
        return [run[-1]] if backwards else [run[0]]
    return run


def compound_at(sentence: str, spans: list[MemberSpan], pos: int) -> int | None:
    """Where the pair compound ("North Korea-Russia") that has a name at ``pos`` starts, if any."""
    for x, y in pairwise(spans):
        if pos in (x.start, y.start) and sentence[x.end:y.start] in COMPOUND_GLUE[1:]:
            return x.start
    return None


# Between a member and the goods it makes or owns: "Iranian-made", "Iranian Shahed", "Pyongyang's".
_MAKER = re.compile(r"(?:-(?:made|built|designed|supplied|provided|produced|manufactured|assembled|origin)|'s?)?"
                    r"(?:\s+(?!(?:of|with|to|for|by|in|on|from|at|the|a|an|its|their|that|which|who|is|are|was|were|has|have|"
                    r"and|or)\s)[\w-]+){0,2}?\s+$", re.IGNORECASE)
_OWNER = re.compile(r"'s?\s+$")  # "Russia's Iranian drones": Russia owns what Iran made
# Between goods and the member that gets or uses them: "for Moscow", "used by Russia", "in Russian missiles".
_RECIPIENT = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:for|to|into|by|(?:found|used|installed|deployed|fitted|incorporated|"
                        r"embedded|discovered|recovered|fighting|serving|assembled|produced|made|built)\s+(?:in|inside))\s+(?:the\s+)?$", re.IGNORECASE)
GOODS_CHARS = 40  # how far from the goods noun the maker and the recipient may be named
# Between the member that uses goods and their maker: "Moscow has deployed more than 3,700 (Iranian-designed drones)".
_USER_VERB = re.compile(r"^\s+(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+)?(?:\w+ly\s+)?"
                        r"(?:deploy|use[sd]?\b|using|fire[sd]?\b|firing|launch|field|operat|receiv|acquir|obtain|bought|buy|purchas|import)\w*"
                        r"\s+(?:(?!(?:to|for|against|on|at|with|by)\s)[\w,.-]+\s+){0,5}?$", re.IGNORECASE)
USER_CHARS = 70


def _made_by(sentence: str, member: MemberSpan, noun_start: int) -> bool:
    """Is ``member`` the maker or owner named right before the noun: "Iranian-made", "Pyongyang's",
    "North Korean" (a demonym; a bare "Iran" qualifies nothing)?"""
    gap = sentence[member.end:noun_start]
    return bool(_MAKER.match(gap)) and (gap[:1] in ("-", "'") or bool(_DEMONYM.search(sentence, member.start, member.end)))


def goods_pairs(sentence: str, actors: list[MemberSpan], goods: list[re.Match[str]]) -> list[tuple[re.Match[str], frozenset[frozenset[str]]]]:
    """Goods of one member that another owns, gets or uses, by goods noun, with the pair each links:
    "Russia's Iranian-made drones", "Pyongyang's shells for Moscow", "Chinese chips found in Russian
    missiles". The maker is named right before the noun: possessive, "-made", or a demonym; a bare
    name ("the Iran deal") makes nothing."""
    members = sorted((a for a in actors if a.is_member), key=lambda a: a.start)
    out = []
    for noun in goods:
        before = [a for a in members if a.end <= noun.start() and noun.start() - a.end <= GOODS_CHARS]
        if not before:
            continue
        maker = before[-1]
        if not _made_by(sentence, maker, noun.start()):
            continue
        pairs = set()
        owners = [a for a in before[:-1] if _OWNER.match(sentence[a.end:maker.start])]
        if owners:
            pairs.add(frozenset((owners[-1].code, maker.code)))
        elif sentence.startswith("-", maker.end):
            # "Moscow has deployed 3,700 Iranian-designed drones": the subject uses what the other made (a bare
            # demonym, "Russia fires Iranian drones", does not say where they came from)
            users = [a for a in members if a.end <= maker.start and maker.start - a.end <= USER_CHARS
                     and _USER_VERB.match(sentence[a.end:maker.start])]
            if users:
                pairs.add(frozenset((users[-1].code, maker.code)))
        after = [a for a in members if a.start >= noun.end() and a.start - noun.end() <= GOODS_CHARS]
        if after and _RECIPIENT.match(sentence[noun.end():after[0].start]):
            pairs.add(frozenset((maker.code, after[0].code)))
        pairs = {p for p in pairs if len(p) == 2}
        if pairs:
            out.append((noun, frozenset(pairs)))
    return out


# "with Chinese help", "thanks to Iranian assistance", "with the help of China": the means of the clause's subject.
_INSTRUMENT_BEFORE = re.compile(r"(?<!\w)(?:with|thanks to|owing to|through|using)\s+(?:the\s+)?$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_WORDS = 3  # a clause subject opens its clause: at most this many words before it


def instrument_pairs(sentence: str, actors: list[MemberSpan], nouns: list[re.Match[str]],
                     clauses: list[tuple[int, int]]) -> list[tuple[re.Match[str], frozenset[frozenset[str]]]]:
    """Help or goods of one member that are the means of another's act: "Russia has rebuilt its arsenal
    with Chinese help", "With North Korean shells, Russia has sustained ...", "with the help of
    China". The other is the member that opens the clause (or the sentence, after an opening phrase)."""
    members = sorted((a for a in actors if a.is_member), key=lambda a: a.start)
    out = []
    for noun in nouns:
        helper = None
        before = [a for a in members if a.end <= noun.start() and noun.start() - a.end <= 30]
        if before and _made_by(sentence, before[-1], noun.start()) \
                and _INSTRUMENT_BEFORE.search(sentence, max(before[-1].start - 14, 0), before[-1].start):
            helper = before[-1]
        after = [a for a in members if a.start >= noun.end() and a.start - noun.end() <= 12]
        if helper is None and after and _OF_AFTER.match(sentence[noun.end():after[0].start]) \
                and _INSTRUMENT_BEFORE.search(sentence, max(noun.start() - 14, 0), noun.start()):
            helper = after[0]
        if helper is None:
            continue
        c0, _ = clause_of(noun.start(), clauses)
        if c0 == 0 and sentence[:helper.start].strip().lower() in ("with", "thanks to", "owing to", "through", "using"):
            c0 = sentence.find(",", noun.end()) + 1  # an opening phrase: the subject follows it
            if c0 == 0:
                continue
        subject = next((a for a in members if a.start >= c0 and a is not helper), None)
        if subject is None or subject.code == helper.code or len(sentence[c0:subject.start].split()) > _SUBJECT_WORDS:
            continue
        out.append((noun, frozenset({frozenset((subject.code, helper.code))})))
    return out
