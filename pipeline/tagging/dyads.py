"""The relation a sentence expresses between two members: cooperation, friction or neutral.

Relations are per pair. A cue counts for a pair only when it links those two members:

- one member before the cue and the other after it, in the same clause, with nothing but a list
  of actors between the cue and the second ("China supplies Iran and Russia": CN-IR, CN-RU);
- both before it as one coordinated subject ("Moscow and Beijing vetoed", "Sino-Russian
  cooperation"), unless a marker makes the actions parallel ("both", "each", "separately");
- both after it only inside "between A and B" ("ties between Moscow and Tehran").

So two items of a list, or a third party acting on both ("Washington sanctioned Iranian and
Russian firms"), stay neutral. A directed cue (sanction, condemn, accuse) needs its object right
after it; condemning a strike *on* a member is diplomatic cover, which is cooperation.

The structure is read without a parser, from clause breaks and the words between cue and names:
partner nouns with their possessor ("North Korea's treaty ally"), goods sent from one member to
another, passive and relative clauses, "its", a clause that opens on "and has" (the subject of
the clause before), compounds that keep their own relation, friction about a pair's cooperation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.phrases import (
    COMPOUND_GLUE,
    LIST_GLUE,
    UNTRACKED_CONJUNCT,
    MemberSpan,
    clause_of,
    compound_at,
    glued,
    goods_pairs,
    instrument_pairs,
    name_run,
    partner_nouns,
    split_clauses,
)
from pipeline.tagging.regex_guard import guarded

COOPERATION, FRICTION, NEUTRAL = "cooperation", "friction", "neutral"
RELATIONS = (COOPERATION, FRICTION, NEUTRAL)



CONFIDENT = 0.7  # rows at or above this count in the cohesion index
MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-on scrapes (tables, lists): relation not read
UNSURE_LONG = 0.5
UNSURE = 0.6  # a relation read only through a loose structure or a situational word
MIN_UNLINKED_COOPERATION = 2  # cooperation words it takes to read two members' cooperation without a link
_BOTH = re.compile(r"(?<!\w)(?:both|beide|ambos|ambas|tous deux|оба|обе)\s", re.IGNORECASE)
INSIDE_MIN_CHARS = 8  # a cue shorter than this has no room for a member's name inside it
INSIDE_MIN_CHARS_ZH = 4  # Chinese names are two or three characters
NEGATION_BEFORE_CHARS = 30
NEGATION_AFTER_CHARS = 10
OBJECT_CHARS = 30  # how far after a directed cue its object may start ("accused Beijing of ...")
SUBJECT_CHARS = 50  # how far before a cue its subject may end
NEGATED_SCOPE_CHARS = 25  # how far a negated cooperation verb carries over to the cue words of its object
GOVERNED_CHARS = 40
BETWEEN_AFTER_CHARS = 60  # how far after a cue its "between A and B" may start ("distrust of X ... have nurtured relations between")  # how far after a friction cue a cooperation cue can be what it is about
# A joint act on a third party: the verb follows its coordinated subject with at most auxiliaries and
# adverbs between ("Moscow and Beijing swiftly condemned", "Russia and China's objections"), not another verb ("all face Western sanctions").
# A list may end with a name the tagger does not track ("Iran, Russia and Syria have been pressuring ..."),
# and "been" is an auxiliary before a progressive verb (see _PERFECT_PASSIVE).
# "Between" after a choice names the options, not a relation of the two: "switching alignment
# between Russia and China", "torn between Moscow and Beijing".
_CHOICE = re.compile(r"(?<!\w)(?:switch|alternat|oscillat|choos|chose|swing|swung|toggl|torn|pick)\w*(?:\s+[\w-]+){0,2}\s+$",
                     re.IGNORECASE)
CHOICE_CHARS = 30
_PERFECT_PASSIVE = re.compile(r"(?<!\w)been\s+$")  # "have all been sanctioned": acted on, not acting
_PROGRESSIVE = re.compile(r"[\w-]*ing(?!\w)")
_JOINT_GAP = re.compile(r"(?:'s?)?(?:" + UNTRACKED_CONJUNCT.pattern + r")?"
                        r"\s+(?:(?:have|has|had|will|would|did|jointly|together|again|publicly|swiftly|quickly|"
                        r"strongly|firmly|openly|sharply|promptly|immediately|repeatedly|been|both|all|\w+ly)\s+){0,3}")

# A concessive clause ("Despite tensions, …") states background, not the relation: their cues are
# ignored up to the next comma. Cues after a contrast ("…, but …") say what the sentence stresses.
# (behind a look-ahead on their first characters, see regex_guard: the same matches, faster)
_CONCESSIVE = guarded(
    r"(?<!\w)(?:despite|in spite of|notwithstanding|even though|несмотря на|尽管|malgré|trotz|obwohl|a pesar de|pomimo)"
    r"(?!\w)[^,，;。]*|"  # so is one later in the sentence ("… hacked Russia despite the two pledging not to")
    r"^\W{0,3}(?:despite|in spite of|although|though|even as|for all|notwithstanding|несмотря на|хотя|尽管|虽然|"
    r"비록|با وجود|با اینکه|malgré|bien que|trotz|obwohl|a pesar de|aunque)(?!\w)[^,，;。]*",
    re.IGNORECASE)
_CONTRAST = guarded(
    r"(?<!\w)(?:but|yet|however|но|однако|但|但是|然而|하지만|그러나|اما|ولی|mais|pourtant|aber|jedoch|pero|sin embargo)(?!\w)",
    re.IGNORECASE)
# A preposition that makes what follows a cue its topic, not a partner ("cooperation on Ukraine").
_TOPIC = re.compile(r"(?<!\w)(?:on|over|about(?!\s+\d)|regarding|concerning|по поводу|关于|에 대해|درباره|sur|über|sobre)(?!\w)",
                    re.IGNORECASE)
# A preposition that makes the actor after a cue its partner ("trade with Europe").
# Acting together against a third party is the two's joint action: "joining forces against Kyiv".
_AGAINST = re.compile(r"(?<!\w)(?:against|gegen|contre|contra|против)(?!\w)", re.IGNORECASE)
THIRD_PARTY = re.compile(r"(?<!\w)(?:with|to|from|against|toward|towards|с|со|与|和|同|와|과|با|avec|mit|con|z|ze|với)(?!\w)",
                         re.IGNORECASE)
# Between two members, one's relation with the other: "Moscow's growing military ties with Pyongyang".
_TIES_WITH = re.compile(r"^'s?\s+(?:[\w-]+\s+){0,3}?(?:ties|cooperation|partnership|alignment|relationship|relations|"
                        r"rapprochement|deals?|alliance|trade|dealings)\s+(?:with|to)\s+(?:the\s+)?$", re.IGNORECASE)
_ELIDED = re.compile(r"\s(?:and|but|yet)\s(?:now\s)?(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must)\s$")
_PREPOSITIONS = frozenset({"in", "into", "on", "against", "at", "over", "toward", "towards"})
_OBJECT_OF = re.compile(r"(?<!\w)(?:by|at|in|on|over|against|to|from|with)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARISON = re.compile(r"(?<!\w)(?:like|unlike|as with|similar to|just as|as does|as did|(?:from|than) (?:those|that) of|wie|comme|como|как и|jak)\s",
                         re.IGNORECASE)
_MUTUAL_BEFORE = re.compile(r"(?<!\w)(?:mutual|mutually|reciprocal)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_MUTUAL_WORD = re.compile(r"mutual", re.IGNORECASE)
_TOGETHER = re.compile(r"(?<!\w)(?:together|jointly)(?!\w)", re.IGNORECASE)  # "they would work together"
_RECIPROCAL_AFTER = re.compile(r"\w*\s+(?:(?:of|on|with|to|toward|towards|for|against)\s+)?(?:each other|one another)(?!\w)", re.IGNORECASE)
# "a goal one side can reach only by subjugating the other": the two sides, one acting on the other
_ONE_THE_OTHER = re.compile(r"(?<!\w)one (?:side|country|power|state|partner|of (?:them|the two))(?!\w)", re.IGNORECASE)
_THE_OTHER_AFTER = re.compile(r"\w*\s+(?:(?:of|on|with|to|toward|towards|for|against)\s+)?the other(?!\w)", re.IGNORECASE)
_INFINITIVE = re.compile(r"(?<!\w)to\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[\w-]+ing(?!\w)")
_COMMA_BEFORE = re.compile(r",\s*$")
_FRONTED_TOPIC = re.compile(r"\W*(?:on|over|about|regarding|concerning|as for|as to|with regard to|when it comes to)\s+(?:the\s+)?",
                            re.IGNORECASE)
_FRONTED_LIKE = re.compile(r"\W*(?:just\s+)?like\s+(?:the\s+)?", re.IGNORECASE)
_MUTUAL = re.compile(r"(?<!\w)(?:their|each other|one another|together|jointly|mutual\w*|bilateral)(?!\w)", re.IGNORECASE)
_PLACE_OR_BOTH = re.compile(r"(?<!\w)(?:in|at|from|both)\s+(?:the\s+)?$", re.IGNORECASE)
_COMMA_THEN_NAME = re.compile(r"[^,;:]*,\s*(?:and\s+|but\s+|while\s+)?(?:the\s+)?$")
_AS_WHAT = re.compile(r"^\s+as\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|he|she)\s+(?!(?:is|was|seems|appears|remains)\s+(?:unclear|uncertain|likely|unlikely|"
                              r"possible|true|clear|difficult|hard|easy|important|worth|to\s+be\s+seen)(?!\w))",
                              re.IGNORECASE)  # "it is unclear ..." has no subject
_PRONOUN_WORDS = frozenset({"its", "their"})  # "its support for Moscow": the subject is the member "its" stands for
_AND_VERB = re.compile(r"^,?\s+and\s+$")
_COORDINATED = re.compile(r"\w*\s*,?\s*(?:and|or|but|while|as well as)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?<!\w)(?:between|among|amongst)\s+(?:the\s+)?$", re.IGNORECASE)
# A demonym (an adjective, not a noun phrase) and the plain words between it and a noun it qualifies.
_DEMONYM = re.compile(r"(?:North |South )?[A-Z][\w-]*(?:ian|ese|ean|an)")
_NOUN_GAP = re.compile(r"\s+(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|did|do|does)\s)[a-z][\w-]*\s+)?")
_VERB_FORM = re.compile(r"[\w-]*(?:ed|ing)(?!\w)")  # "Russian and Chinese warships exercised": the verb
# Nouns that name the relation itself: "Russian and Chinese cooperation" is theirs.
_RELATIONAL = re.compile(r"(?:cooperat|co-operat|ties|partnership|alliance|friendship|coordinat|rapprochement|relations|"
                         r"collaborat|alignment|solidarity|joint|rivalr|tension|distrust|mistrust|competition|dispute)",
                         re.IGNORECASE)
_PLACE = re.compile(r"(?<!\w)(?:in|inside|across|within|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# A demonym after a preposition that qualifies a noun is no subject: "tariffs on Chinese cars and banned ...".
_MODIFIES_NOUN = re.compile(r"\s+[a-z][\w-]*\s+(?:and|or)\s+(?:[\w-]*(?:ed|ing)\s+)?")  # "... and banned": the next verb
_THEM = re.compile(r"\w*\s+(?:them|both of them)(?!\w)", re.IGNORECASE)  # a cue's object standing for a list before it
_ADJACENT = re.compile(r"\w*\s+")  # between two cue words of one phrase ("pipeline deal")
_IMMUNE = re.compile(r"\w*-(?:proof|free|resistant)(?!\w)")  # "sanctions-proof access" is no sanction
_PHRASE_END = re.compile(r"\w*\s*,")
# A cue taking a named partner the tagger does not track: "trade with Africa", "ties to the Gulf states".
_THIRD_NAME = re.compile(r"\w*\s+(?:with|to|toward|towards|against)\s+(?:the\s+)?[A-Z]")
# Friction that takes an untracked name: "distrust of NATO", "anger at the West".
_UNTRACKED = re.compile(r"\w*\s+[A-Z](?![\w-]*\s+(?:systems?|missiles?|drones?|jets?|fighters?|tanks?|engines?|components|chips|"
                        r"technolog\w+|equipment|rockets?|launchers?|satellites?|submarines?|reactors?)(?!\w))")  # a capitalised name right after
# the cue: its object; not a product name ("provided SAM systems to Iran")
_THIRD_OF = re.compile(r"\w*\s+(?:(?:of|at|toward|towards)\s+)?(?:the\s+)?[A-Z]")
# Between a cooperation cue and the partner it takes: "ties with", "closer to", "cooperation with both".
_PARTNER = re.compile(r"[^.;:,]{0,12}?(?<!\w)(?:with|to|toward|towards|с|со|mit|avec|con|z|ze|với|cho|tới)\s+(?:the\s+|both\s+)?"
                      r"(?:(?:president|leader|dictator|premier|counterpart|machthaber|präsident|staatschef|amtskollege\w*)\s+)?$",
                      re.IGNORECASE)
_POSSESSOR = re.compile(r"['’]s?\s")
# A partner preposition right before a name: the name is the partner even after a topic
# ("provided expertise on satellites to North Korea").
_PARTNER_BEFORE = re.compile(r"(?<!\w)(?:to|with)\s+(?:the\s+)?$", re.IGNORECASE)
# A nominal cue with its agent after it, then the partner: "the purchase by China of oil from Iran".
# Before a member inside a cover phrase: the one the measure targets, so the one shielded ("die Sanktionen
# gegen Nordkorea beenden"), not the one criticised.
_TARGET_OF = re.compile(r"(?<!\w)(?:gegen|on|against)\s+(?:the\s+|den\s+|die\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\w*\s+(?:by|of)\s+(?:the\s+)?", re.IGNORECASE)
_AGENT_PARTNER = re.compile(r"^[^,;:]{0,50}?(?<!\w)(?:from|to|with|for|of)\s+(?:the\s+)?$", re.IGNORECASE)
AGENT_PARTNER_CHARS = 60
# A cue that opens a phrase of its own after a comma ("North Korea, given fears of ...") has no subject before it.
_OWN_PHRASE = re.compile(r",\s*(?:given|amid|following|because of|due to|in light of|in view of|for fear of)\s", re.IGNORECASE)
# What a third party asks a member to do is not yet done: "Trump urged Beijing to cut its links with
# Pyongyang" states no relation of the two. The zone runs from the request to the end of its phrase.
_REQUEST = guarded(r"(?<!\w)(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:ed|ing|s)? (?:up)?on)\s+"
                   r"(?:[\w'.-]+\s+){1,4}?to\s+[^,;:]*", re.IGNORECASE)
# After a cue, goods of one member going to another: "shipping Russian aluminium to China",
# "arms transfers from Iran to Russia".
_FLOW = re.compile(r"^[\w\s-]{0,40}?(?<!\w)(?:to|for|into)\s+(?:the\s+)?$", re.IGNORECASE)
FLOW_CHARS = 30  # how far after the cue the goods' owner may be named
_PASSIVE = re.compile(r"\w*\s+by\s", re.IGNORECASE)
PASSIVE_CHARS = 80  # "Russia's war in Ukraine, backed by Iran": the nearest member before is the one backed
_RELATIVE = re.compile(r",\s*(?:which|who|whose)(?!\w)", re.IGNORECASE)
RELATIVE_CHARS = 100  # "North Korea, which continues its strategic cooperation with Russia"
# A parenthetical between the subject and its verb: "Russia, facing a shortage of shells, has turned to ...".
_APPOSITIVE = re.compile(r"^,[^,;:()]{3,100},\s+(?:[\w-]+\s+){0,5}$")
@dataclass(frozen=True)
class Cue:
    """One relation cue of a sentence: where it is, its family and weight."""

    start: int
    end: int
    family: str  # cooperation | friction | directed
    weight: float
    pairs: frozenset[frozenset[str]] | None = None  # set when the cue's structure names the pairs it links
    governed_by: int | None = None  # start of the friction cue this one is the object of ("wary of closer ties")
    cover: bool = False  # diplomatic cover: what follows ("sanctions on North Korea") names the one shielded
    link_only: bool = False  # friction only when syntax links the pair ("stalemate", "embarrassed")


@dataclass
class CueHits:
    """The relation cues of one sentence, weighed once and shared by all its member pairs.

    Clause spans and the "between"/parallel markers are looked up only when a pair needs them.
    """

    sentence: str
    lexicon: Lexicon
    langs: list[str]
    cues: list[Cue] = field(default_factory=list)
    names: list[tuple[int, int]] = field(default_factory=list)  # where actors are named
    member_codes: frozenset[str] = frozenset()  # the members the sentence names
    views: dict[tuple[int, int, str], CueView] = field(default_factory=dict)
    too_long: bool = False  # longer than MAX_SENTENCE_CHARS: every pair is neutral and unsure
    third_party: bool = False  # an actor that is no member is named too
    question: bool = False  # the sentence asks ("Is there a new Sino-Russian alliance?"): it states no relation

    @property
    def any(self) -> bool:
        return bool(self.cues)

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return split_clauses(self.sentence, self.lexicon, self.langs, self.names)

    @cached_property
    def reciprocal(self) -> bool:
        """Does the sentence hold a word that marks a relation as mutual ("each other", "together")?"""
        return _RECIPROCAL_WORD.search(self.sentence) is not None

    @cached_property
    def parallel(self) -> list[int]:
        """Positions of "each", "separately", ...: markers of parallel, not joint, action."""
        return [m.start() for m in self.lexicon.cue("dyads.parallel").finditer(self.sentence, self.langs)]

    @cached_property
    def between(self) -> list[tuple[int, int]]:
        return [m.span() for m in self.lexicon.cue("dyads.between").finditer(self.sentence, self.langs)]

    @cached_property
    def the_two(self) -> list[tuple[int, int]]:
        """Where words stand for two members together ("the two", "both countries")."""
        return [m.span() for m in self.lexicon.cue("dyads.the_two").finditer(self.sentence, self.langs)]

    @cached_property
    def labelling(self) -> list[tuple[int, int]]:
        """Where verbs name someone as something ("labelling", "sees")."""
        return [m.span() for m in self.lexicon.cue("dyads.labelling").finditer(self.sentence, self.langs)]


@dataclass
class CueView:
    """What one cue sees of its sentence: its clause, the actors before and after it there, and
    which members are its subject or object. The same for every pair, so worked out once."""

    sentence: str
    cue: Cue
    hits: CueHits
    c0: int
    c1: int
    in_clause: list[MemberSpan]
    codes: set[str]  # members in the clause, plus an elided subject
    elided: set[str]
    before: list[MemberSpan]
    after: list[MemberSpan]
    inside: set[str]  # members named within the cue's own words: "kept Moscow at arm's length"

    @classmethod
    def of(cls, cue: Cue, actors: list[MemberSpan], hits: CueHits) -> CueView:
        """The view of ``cue`` over the actors of its clause."""
        c0, c1 = clause_of(cue.start, hits.clauses)
        in_clause = [s for s in actors if c0 <= s.start and s.end <= c1 and not (cue.start <= s.start < cue.end)]
        elided = _elided_subject(hits.sentence, c0, actors, hits)
        inside = {s.code for s in actors if s.is_member and cue.start <= s.start < cue.end} \
            if cue.end - cue.start > (INSIDE_MIN_CHARS_ZH if hits.langs[:1] == ["zh"] else INSIDE_MIN_CHARS) else set()
        return cls(hits.sentence, cue, hits, c0, c1, in_clause, {s.code for s in in_clause} | elided | inside, elided,
                   [s for s in in_clause if s.end <= cue.start], [s for s in in_clause if s.start >= cue.end], inside)

    @cached_property
    def subjects(self) -> set[str]:
        """The nearest actors before the cue (one coordinated phrase); before a passive cue
        ("backed by"), the nearest member; through "its", the member it stands for; before a
        relative clause ("X, which ...") the antecedent, further back; else an elided subject."""
        sentence, cue, before = self.sentence, self.cue, self.before
        if not before:
            return self.elided
        out = set()
        if _PASSIVE.match(sentence, cue.end):
            members = [s for s in before if s.is_member and cue.start - s.end <= PASSIVE_CHARS]
            if members:
                out.add(members[-1].code)
        pronouns = _PRONOUN_WORDS & {w.lower() for w in sentence[max(cue.start - 40, 0):cue.start].split()[-3:]}
        if pronouns:
            # "pressure on China to reduce its support for Moscow": "its" is the nearest member;
            # "China and Russia intensified their support for Iran": "their" is the list it closes
            members = [s for s in before if s.is_member]
            if members and (cue.start - members[-1].end <= SUBJECT_CHARS
                            or _APPOSITIVE.match(sentence[members[-1].end:cue.start])
                            and cue.start - members[-1].end <= RELATIVE_CHARS):
                out.add(members[-1].code)
                if "their" in pronouns:
                    out |= {s.code for s in name_run(sentence, members, backwards=True) if s.is_member}
            return out
        # a third party after a preposition is no subject ("Moscow's war in Ukraine has made it reliant on ...")
        candidates = [s for s in before if s.is_member or not _after_preposition(sentence, s.start)]
        if candidates and _MODIFIES_NOUN.fullmatch(sentence, candidates[-1].end, cue.start) \
                and _after_preposition(sentence, candidates[-1].start):
            candidates.pop()  # "tariffs on Chinese cars and banned ...": a demonym qualifying the object
        if not candidates:
            return out
        run = name_run(sentence, candidates, backwards=True, nouns=True)
        run = _without_fronted_topic(sentence, self.c0, run)
        if _BETWEEN_BEFORE.search(sentence, max(run[0].start - 10, 0), run[0].start):
            return out  # "Turkey mediates between Russia and Ukraine while trading with Iran"
        if _AND_VERB.match(sentence[run[-1].end:cue.start]) and len(sentence[self.c0:run[0].start].split()) > 3:
            # "The US supports Ukraine against Russia and warns China": the object of the verb before;
            # the subject is the one the clause opens with
            opening = [s for s in before if s.start >= self.c0]
            if opening[0] is not run[0] and len(sentence[self.c0:opening[0].start].split()) <= 1:
                return out | {s.code for s in name_run(sentence, opening, backwards=False)}
            return out
        if sentence.find(",", run[-1].end, cue.start) >= 0 and _OWN_PHRASE.search(sentence, run[-1].end, cue.start):
            return out  # "banks doing business with North Korea, given fears of retaliation by Beijing"
        gap = cue.start - run[-1].end
        if gap > SUBJECT_CHARS and (_PARTICIPLE.match(sentence, cue.start) and _COMMA_BEFORE.search(sentence, max(cue.start - 3, 0), cue.start)
                                    or _INFINITIVE.search(sentence, max(cue.start - 12, 0), cue.start)):
            # "China came out against NATO expansion, backing Russia's objection": the clause's subject acts
            opening = [s for s in before if s.start >= self.c0]
            if opening and len(sentence[self.c0:opening[0].start].split()) <= 1:
                return out | {s.code for s in name_run(sentence, opening, backwards=False)}
        reach = SUBJECT_CHARS if gap <= SUBJECT_CHARS else RELATIVE_CHARS if gap <= RELATIVE_CHARS and (
            _RELATIVE.match(sentence, run[-1].end) or _APPOSITIVE.match(sentence[run[-1].end:cue.start])) else SUBJECT_CHARS
        if cue.start - run[-1].end > reach:
            return out
        return out | {s.code for s in run} | self._likened(candidates, run)

    def _likened(self, candidates: list[MemberSpan], run: list[MemberSpan]) -> set[str]:
        """A fronted "Like Iran, China ..." says of Iran what it says of China: the member named
        there is a subject too ("unlike" says the opposite and is left out)."""
        i = candidates.index(run[0])
        if i == 0:
            return set()
        x = candidates[i - 1]
        if _FRONTED_LIKE.fullmatch(self.sentence, self.c0, x.start) and re.fullmatch(r"\s*,\s*", self.sentence[x.end:run[0].start]):
            return {x.code}
        return set()

    @cached_property
    def topic_subjects(self) -> set[str]:
        """The clause opens with these (its subject) and the cue takes its partner with a
        preposition: "North Korea aims to ... deepen cooperation with China and Russia"."""
        sentence, cue, before, after = self.sentence, self.cue, self.before, self.after
        if cue.family == "directed" or not before or not after:
            return set()
        run = name_run(sentence, before, backwards=False)
        opening = sentence[self.c0:run[0].start]
        partner = _PARTNER.match(sentence, cue.end, after[0].start) if after[0].start - cue.end <= 25 \
            and not _POSSESSOR.match(sentence, after[0].end) else None  # "ties with Iran's enemies": theirs
        if partner is None and cue.family == "cooperation" and _INFINITIVE.search(sentence, max(cue.start - 12, 0), cue.start) \
                and after[0].start - cue.end <= 12 and _DIRECT_OBJECT.fullmatch(sentence, cue.end, after[0].start):
            partner = True  # "China has harnessed its might to backfill Russia's economy": the opening subject's act
        if partner and len(opening.split()) <= 1 and len(run) == len(before) and not any(cue.end <= p < after[0].start for p in self.hits.parallel):
            return {s.code for s in run}
        return set()

    @cached_property
    def objects(self) -> set[str]:
        """The first actors after the cue, one list starting near it."""
        sentence, cue, after = self.sentence, self.cue, self.after
        if _THEM.match(sentence, cue.end):
            # "North Korea borders on China and Russia and helps them": the list named before
            lists = [r for r in _runs(sentence, self.before) if len(r) > 1]
            return {s.code for s in lists[-1]} if lists else set()
        if not after:
            return set()
        run = name_run(sentence, after, backwards=False, nouns=True)
        if _COORDINATED.match(sentence, cue.end, run[0].start):
            return set()  # "views China as its main rival and Russia as ...": the next item of a list, no object
        third = _THIRD_NAME.match(sentence, cue.end) \
            or self.hits.langs[:1] == ["en"] and _UNTRACKED.match(sentence, cue.end)  # German capitalises every noun
        if third and third.end() - 1 < run[0].start:
            # "China's lending to Africa dwarfs Russia's", "China supports Pakistan, Russia supports
            # India": the cue's partner is a name the tagger does not track
            return set()
        if _COMPARISON.search(sentence, cue.end, run[0].start):
            return set()  # "Iran's economy suffers from sanctions, as does Russia's": a comparison
        if cue.family != "cooperation" and _PLACE.search(sentence, cue.end, run[0].start) \
                and not self.hits.lexicon.cue("dyads.cooperation").search(sentence[cue.end:run[0].start], self.hits.langs):
            # "competed for contracts in Iran's oil sector": a place, not a partner; but "reluctant to
            # invest in Russia" is about what it governs
            return set()
        # not past a comma that ends the cue's phrase ("U.S.-China competition, North Korea's ...")
        if cue.family != "cooperation" and len(after) > len(run) and not _PHRASE_END.match(sentence, cue.end) \
                and _TIES_WITH.match(sentence[run[-1].end:after[len(run)].start]):
            run = run + [after[len(run)]]  # "uneasy about Moscow's ties with Pyongyang": with both
        if cue.family == "cooperation" and compound_at(sentence, run, run[0].start) is not None:
            return set()  # "welcomes deepened North Korea-Russia cooperation": the compound's own relation
        if any(cue.end <= w0 and w1 <= run[0].start for w0, w1 in self.hits.between):
            # "uneasy about the deepening ties between Moscow and Pyongyang": friction about the two's
            # ties is friction with both; otherwise ("limit cooperation between A and B") the cue
            # relates A and B, not its subject
            about_ties = cue.family != "cooperation" and not cue.link_only and any(  # not "strained ties between"
                c.governed_by == cue.start and cue.end <= c.start and c.end <= w0 <= c.end + 12
                for c in self.hits.cues for w0, _ in self.hits.between)
            return {s.code for s in run} if about_ties else set()
        if cue.family == "directed" and after[0].start - cue.end > OBJECT_CHARS:
            return set()
        if cue.link_only and (_COMMA_THEN_NAME.match(sentence, cue.end, run[0].start) or after[0].start - cue.end > OBJECT_CHARS):
            return set()  # "Iran pulled out of the talks, Russian media reported": past the cue's phrase
        if cue.family == "cooperation" and not cue.cover and _TOPIC.search(sentence, cue.end, run[0].start) \
                and not _PARTNER_BEFORE.search(sentence, cue.end, run[0].start):
            return set()  # "cooperation on Ukraine and North Korea": a topic, not a partner
        if cue.family == "friction" and _TOPIC.search(sentence, cue.end, run[0].start) \
                and len(self.subjects) >= 2:
            return set()  # "Russia and China differ on North Korea": the two disagree about a topic
        return {s.code for s in run}

    @cached_property
    def after_third(self) -> bool:
        """Does the cue take a partner that is no member ("trade with Europe", "tensions with the West")?"""
        after = self.after
        return bool(after) and not after[0].is_member and (
            bool(THIRD_PARTY.search(self.sentence, self.cue.end, after[0].start))
            or self.cue.family != "cooperation" and after[0].start - self.cue.end <= OBJECT_CHARS)

    @cached_property
    def object_list(self) -> set[str]:
        """The members of the plain list of names right after the cue."""
        return {s.code for s in name_run(self.sentence, self.after, backwards=False)} if self.after else set()


def _before_aside(sentence: str, before: list[MemberSpan], end: int) -> list[MemberSpan]:
    """The names right before an aside between commas that ends at ``end`` ("Putin and Xi, to balance
    the weight of the United States, signed"): the subject the aside interrupts."""
    for i in range(len(before) - 1, -1, -1):
        if end - before[i].end > RELATIVE_CHARS:
            break
        if _APPOSITIVE.match(sentence[before[i].end:end]):
            return name_run(sentence, before[:i + 1], backwards=True)
    return []


def _without_fronted_topic(sentence: str, c0: int, run: list[MemberSpan]) -> list[MemberSpan]:
    """"On North Korea, U.S. and Chinese interests remain aligned": the name of a fronted topic
    phrase is no item of the subject list after it."""
    if len(run) > 1 and _FRONTED_TOPIC.fullmatch(sentence, c0, run[0].start) and sentence.startswith(",", run[0].end):
        return run[1:]
    return run


def _runs(sentence: str, spans: list[MemberSpan]) -> list[list[MemberSpan]]:
    """The coordinated phrases among ``spans``, in order."""
    out: list[list[MemberSpan]] = []
    i = 0
    while i < len(spans):
        run = name_run(sentence, spans[i:], backwards=False)
        out.append(run)
        i += len(run)
    return out


def _negators(sentence: str, lexicon: Lexicon, langs: list[str]) -> list[tuple[int, int]]:
    """Where the sentence's negators are, found once for all its cues ("no-limits", "non-aligned":
    a hyphenated word is no negation)."""
    return [m.span() for m in lexicon.cue("negation.before").finditer(sentence, langs) if sentence[m.end():m.end() + 1] != "-"]


def _negated(sentence: str, cue: re.Match[str], lexicon: Lexicon, langs: list[str],
             absorbed: list[tuple[int, int]] = (),  # type: ignore[assignment]
             negators: list[tuple[int, int]] | None = None) -> bool:
    """Is the cue negated? A negator inside ``absorbed`` (a friction cue that holds it: "does not
    seem to welcome") belongs to that cue, not to the words after it."""
    c0 = cue.start()
    start = max(c0 - NEGATION_BEFORE_CHARS, 0)
    if negators is None:
        negators = _negators(sentence, lexicon, langs)
    found = [(s, e) for s, e in negators if start <= s and e <= c0]
    if found and c0 - found[-1][1] <= 24:
        # Only the words right before the cue: "did not sign", "refused" is its own cue.
        cut = max(sentence.rfind(",", start, c0), sentence.rfind(";", start, c0), sentence.rfind(":", start, c0))
        at, upto = found[-1]
        if at > cut and not any(s <= at and upto < e <= c0 for s, e in absorbed):
            return True
    if langs[0] not in lexicon.cue("negation.after").by_lang:
        return False  # the language does not negate after the verb (only Persian and Korean do)
    after = sentence[cue.end():cue.end() + NEGATION_AFTER_CHARS]
    return bool(lexicon.cue("negation.after").search(after, langs))


def _requested(sentence: str, actors: list[MemberSpan]) -> list[tuple[int, int]]:
    """Where a third party's request runs ("urged Beijing to cut its links with Pyongyang"): not
    when a member makes it in its own phrase ("Moscow pressed Pyongyang to send troops")."""
    out = []
    for m in _REQUEST.finditer(sentence):
        phrase = max(sentence.rfind(c, 0, m.start()) for c in ",;:")
        if not any(a.is_member and phrase < a.start < m.start() for a in actors):
            out.append((m.end() - len(m.group().split(" to ", 1)[-1]), m.end()))
    return out


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def find_cues(
    sentence: str, actors: list[MemberSpan], lexicon: Lexicon, langs: list[str],
    framings: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
) -> CueHits:
    """Every relation cue of the sentence with its weight.

    A cue inside an actor's name or a framing counts for nothing, as does a negated one (or the
    object of a negated verb: "refrained from providing aid") or one in an opening concessive
    clause when the main clause has cues of its own; one after a contrast ("…, but …") counts
    double; adjacent cue words of one family ("pipeline deal") count once. A framing (start, end,
    stance) the writer asserts ("they act as a bloc") is a cooperation cue; the relation words of a
    distanced one still count. Condemning a strike on a member is a cooperation cue ("cover") and
    no friction. Partner nouns carry the pairs they link (see ``partner_nouns``).
    """
    hits = CueHits(sentence, lexicon, langs, names=[(a.start, a.end) for a in actors],
                   member_codes=frozenset(a.code for a in actors if a.is_member),
                   third_party=any(not a.is_member for a in actors), question=_is_question(sentence))
    if len(sentence) > MAX_SENTENCE_CHARS:
        hits.too_long = True  # a run-on scrape, not prose: no structure to read (and no quadratic work)
        return hits
    found = {family: lexicon.cue(f"dyads.{family}").finditer(sentence, langs)
             for family in ("cooperation", "friction", "directed")}
    found_cover = lexicon.cue("dyads.cover").finditer(sentence, langs)
    # goods and help; the structures are English ones ("Russia's Iranian-made drones")
    means = lexicon.cue("dyads.means").finditer(sentence, langs) if langs[:1] == ["en"] else []
    if not (found["cooperation"] or found["friction"] or found["directed"] or found_cover or means
            or any(stance == "asserted" for _, _, stance in framings)):
        return hits  # no cue of any family: nothing below can find one (about a quarter of the sentences)
    # A distanced framing still names the relation ("its 'no-limits' partnership with China"):
    # the cue words inside it count; inside an asserted one the framing itself is the cue.
    name_spans = [(a.start, a.end) for a in actors] + [(st, en) for st, en, stance in framings if stance != "distanced"] \
        + [m.span() for m in lexicon.cue("dyads.no_cue").finditer(sentence, langs)]  # "grouped together"
    concessive = [m.span() for m in _CONCESSIVE.finditer(sentence)]
    requested = _requested(sentence, actors) if langs[:1] == ["en"] else []
    contrast = [m.start() for m in _CONTRAST.finditer(sentence)]
    # a negator inside a friction cue or a framing belongs to it ("not welcome", "no limits")
    absorbed = [m.span() for m in found["friction"]] + [(st, en) for st, en, _ in framings]

    negators = _negators(sentence, lexicon, langs)
    # looked up per cue only when the sentence has a hedge word
    hedged = _HEDGE_WORD.search(sentence) is not None

    def weight(cue: re.Match[str]) -> float:
        if _in_spans(cue.start(), name_spans) or _IMMUNE.match(sentence, cue.end()) or requested and _in_spans(cue.start(), requested):
            return 0.0
        if _negated(sentence, cue, lexicon, langs, absorbed, negators):
            return 0.0
        if hedged and _HEDGED.search(sentence, max(cue.start() - HEDGE_CHARS, 0), cue.start()):
            return 0.0  # "a potential alliance", "an alleged partnership": not stated as a fact
        return 2.0 if any(c < cue.start() for c in contrast) else 1.0

    # cover shields a member from a third party's act; criticism that names a member inside it
    # ("criticized China for supporting sanctions") is aimed at that member instead
    cover = [m.span() for m in found_cover
             if not any(m.start() < a.start and a.end <= m.end() and not _TARGET_OF.search(sentence, m.start(), a.start)
                        for a in actors if a.is_member)]
    partners = partner_nouns(sentence, actors, lexicon, found["cooperation"])
    zones = list(partners.values())
    negated: list[int] = []  # ends of negated cooperation cues
    link_only = {m.start() for m in lexicon.cue("dyads.link_only").finditer(sentence, langs)} \
        if found["friction"] or found["directed"] else set()
    directed_starts = [d.start() for d in found["directed"]]
    for family in ("cooperation", "friction", "directed"):
        for m in found[family]:
            if family == "directed" and _in_spans(m.start(), cover):
                continue
            if family == "friction" and _RELUCTANT.match(sentence, m.start()) \
                    and any(0 < d - m.end() <= NEGATED_SCOPE_CHARS for d in directed_starts):
                continue  # "reluctant to cut off resources to Pyongyang": it negates the act, which is withheld
            pairs = partners.pop(m.start(), (m, None, 0))[1] if family == "cooperation" else None
            if family == "cooperation" and pairs is None and any(z <= m.start() < n.start() for n, _, z in zones):
                continue  # "treaty" in "North Korea's longtime treaty ally" is part of the partner noun
            w = weight(m)
            if w and family == "cooperation" and any(0 <= m.start() - e <= NEGATED_SCOPE_CHARS
                                                     and not re.search(r"[,;:]", sentence[e:m.start()])
                                                     for e in negated):
                w = 0.0  # "refrained from providing lethal aid": the negated verb's object goes with it
            if w:
                last = hits.cues[-1] if hits.cues else None
                if last and last.family == family and _ADJACENT.fullmatch(sentence, last.end, m.start()):
                    if pairs is not None:  # "trading partner": the partner noun carries the structure
                        hits.cues[-1] = Cue(m.start(), m.end(), family, w, pairs)
                    continue  # "pipeline deal", "joint exercises": one phrase, one cue
                hits.cues.append(Cue(m.start(), m.end(), family, w, pairs,
                                     link_only=family != "cooperation" and m.start() in link_only))
            elif family == "cooperation" and not _in_spans(m.start(), name_spans + absorbed):
                negated.append(m.end())
                if _REFUSAL.search(sentence, max(m.start() - NEGATION_BEFORE_CHARS, 0), m.start()) \
                        or _NOT_GOOD.search(sentence, max(m.start() - NOT_GOOD_CHARS, 0), m.start()):
                    # "unwilling to have a close partnership with China", "rather than support Russia":
                    # withheld cooperation is friction when it links the two
                    hits.cues.append(Cue(m.start(), m.end(), "friction", 1.0))
            elif family == "directed" and not _in_spans(m.start(), name_spans) and _negated(sentence, m, lexicon, langs, (), negators) \
                    and not _NEITHER.search(sentence, max(m.start() - NEGATION_BEFORE_CHARS, 0), m.start()):
                # "Beijing will not condemn Moscow": withholding censure is cover, so cooperation
                hits.cues.append(Cue(m.start(), m.end(), "cooperation", 1.0))
    for s, e in cover:
        hits.cues.append(Cue(s, e, "cooperation", 1.0, cover=True))
    if means:
        for m, pairs in goods_pairs(sentence, actors, means) + instrument_pairs(sentence, actors, means, hits.clauses):
            if weight(m):
                hits.cues.append(Cue(m.start(), m.end(), "cooperation", 1.0, pairs))
    _nest(hits, actors)
    # The opening concessive clause is background only when the main clause says something itself:
    # "Despite tensions, they signed a deal" is cooperation, but "Although they coordinate, a summit
    # has yet to materialise" still states that they coordinate.
    if any(not _in_spans(c.start, concessive) for c in hits.cues):
        hits.cues = [c for c in hits.cues if not _in_spans(c.start, concessive)]
    for st, en, stance in framings:
        if stance == "asserted":
            hits.cues.append(Cue(st, en, "cooperation", 1.0))
    return hits


def _nest(hits: CueHits, actors: list[MemberSpan]) -> None:
    """A cue inside a longer one of another family is part of it ("arm" in "at arm's length"); a
    cooperation cue a friction cue governs, with no actor between, is what that friction is about
    ("resents its growing dependence on China", "concern about deepening ties")."""
    if len({c.family for c in hits.cues}) < 2:
        return
    # a friction word inside a longer cooperation phrase qualifies it: "sees Russia as an unreliable partner"
    hits.cues = [c for c in hits.cues if not (c.family == "cooperation" and any(
        d.family == "friction" and c.start <= d.start and d.end <= c.end for d in hits.cues))]
    hits.cues = [c for c in hits.cues if not any(
        d.family != c.family and d.start <= c.start and c.end <= d.end
        and (d.end - d.start > c.end - c.start or d.family == "friction" and c.family == "cooperation")
        for d in hits.cues)]  # on the very same words a friction pattern is the more specific reading
    for i, c in enumerate(hits.cues):
        for d in hits.cues:
            if c.family == "cooperation" and d.family == "friction" and 0 <= c.start - d.end <= GOVERNED_CHARS \
                    and _no_actor_but_compound(hits.sentence, [a for a in actors if d.end <= a.start < c.start], c.start) \
                    and not _clause_break(hits, d.end, c.start):
                hits.cues[i] = replace(c, governed_by=d.start)


def _no_actor_but_compound(sentence: str, between: list[MemberSpan], cue_start: int) -> bool:
    """No actor stands between a friction cue and the cooperation it governs, unless it is the pair
    compound that qualifies that cooperation ("a fissure in the Beijing-Moscow partnership")."""
    if not between:
        return True
    return len(between) == 2 and sentence[between[0].end:between[1].start] in COMPOUND_GLUE[1:] \
        and bool(re.fullmatch(r"\s*", sentence[between[1].end:cue_start]))


def _clause_break(hits: CueHits, start: int, end: int) -> bool:
    """Does a clause end between ``start`` and ``end``?"""
    return clause_of(start, hits.clauses) != clause_of(end, hits.clauses)


def _after_preposition(sentence: str, pos: int) -> bool:
    """Is the name at ``pos`` the object of a preposition ("the war in Ukraine")?"""
    words = sentence[max(pos - 14, 0):pos].lower().split()
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and words[-1] in _PREPOSITIONS


_AND_BEFORE = re.compile(r",\s+and\s+$")
_AUX_OPENING = re.compile(r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must)\s")  # ", and have at times protected"
_REPORTING = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:say|says|said|believe[sd]?|think|thinks|thought|note[sd]?|told|argue[sd]?|warn(?:s|ed)?|"
                        r"contend(?:s|ed)?|claim(?:s|ed)?|insist(?:s|ed)?|report(?:s|ed)?)\s+(?:that\s+)?(?:the\s+)?")


def _elided_subject(sentence: str, c0: int, actors: list[MemberSpan], hits: CueHits) -> set[str]:
    """"Russia has signed ... and has reaffirmed its partnership with China": a clause that opens
    on "and" plus a verb, or on "it" ("..., but it continues to buy Russian oil"), shares the
    subject that opens the clause before it."""
    if c0 == 0 or not (_ELIDED.search(sentence, max(c0 - 16, 0), c0) or _PRONOUN_SUBJECT.match(sentence, c0)
                       or _AND_BEFORE.search(sentence, max(c0 - 8, 0), c0) and _AUX_OPENING.match(sentence, c0)):
        return set()
    p0, _ = clause_of(max(c0 - 16, 0), hits.clauses)
    first = [s for s in actors if p0 <= s.start < c0]
    if not first or len(sentence[p0:first[0].start].split()) > 3:
        return set()
    run = name_run(sentence, first, backwards=False)
    if len(run) < len(first) and _REPORTING.fullmatch(sentence, run[-1].end, first[len(run)].start):
        # "U.S. officials say China considers ... and is reluctant to ...": the reported clause's subject
        run = name_run(sentence, first[len(run):], backwards=False)
    return {s.code for s in run}


# Verb-final clauses: subject, then the partner with its particle or preposition, then the cue.
# Chinese puts the partner after a preposition before the verb ("中国向俄罗斯提供"); Korean marks the
# subject and the partner with particles ("중국은 러시아를 지원"); Persian puts a preposition before the
# partner ("ایران به روسیه ... فرستاد"); German ends a clause on the verb or adjective ("Russland ist
# von China abhängig", "China hat Russland Drohnen geliefert").
_SUBJECT_TO_PARTNER = {
    "zh": re.compile(r"^[^，。,；;]{0,6}?(?:向|对|给|为|与|同|跟|从)$"),
    "ko": re.compile(r"^(?:은|는|이|가|도)\s+(?:\S+\s+){0,2}?$"),
    "fa": re.compile(r"^\s+(?:\S+\s+){0,2}?(?:به|از|با|برای)\s+$"),
    "de": re.compile(r"^\s+(?:[\w-]+\s+){0,4}?$"),
    "vi": re.compile(r"^\s+(?:(?:đã|sẽ|đang|cũng|từng)\s+)?được\s+$"),  # passive: "Bình Nhưỡng đã được Nga hỗ trợ"
}
_PARTNER_PARTICLE = re.compile(r"(?:을|를|에|에게|에게서|와|과|로|으로|로부터|으로부터|와의|과의|의|산)\s")
# After a German clause-final verb: auxiliaries and the end of the clause ("geliefert haben.", "empfangen worden,").
_CLAUSE_END_DE = re.compile(r"\w*(?:\s+(?:hat|haben|hatte|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|worden|sein|soll|"
                            r"sollen|sollte|könnte|könnten|kann|können|habe|hätten|hätte))*\s*(?:[.,;:!?\"»«)]|$)")
CLAUSE_END_CHARS = 30
_DE_RIGHT_AFTER = re.compile(r"\w*\s+(?:der\s+|die\s+|das\s+)?")
_DE_ALTERNATIVE_OR_PLACE = re.compile(r"(?<!\w)(?:oder|in|im|nach|aus|bei)\s+(?:der\s+|dem\s+|den\s+)?$", re.IGNORECASE)
GERMAN_PARTNER_CHARS = 60
_DE_AND = re.compile(r"\s*(?:,|und|sowie)\s*(?:der\s+|die\s+|das\s+|dem\s+|den\s+)?", re.IGNORECASE)
_VON_AGENT = re.compile(r"(?<!\w)von\s+(?:der\s+|dem\s+|den\s+)?$", re.IGNORECASE)
# V2 order: the subject right after the finite verb ("Nach Angaben ... hat Nordkorea ...")
_FINITE_BEFORE = re.compile(r"(?<!\w)(?:hat|haben|hatte|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|soll|sollen|will|"
                            r"wollen|kann|können|muss|müssen|habe|betreibt|liefert|schickt|unterstützt)\s+(?:der\s+|die\s+|das\s+)?$")
VERB_FINAL_CHARS = {"zh": 12, "ko": 20, "fa": 40, "de": 40, "vi": 12}


_AS = re.compile(r"as\s", re.IGNORECASE)
# A directed cue that is a state of mind, not an act: two who fear the same thing share a trait, they
# do not act together ("Moscow and Beijing fear US missile defence").
_AGENT_NOUN = re.compile(r"[\w-]*ers?(?!\w)", re.IGNORECASE)  # "Russian and Iranian hackers": a noun, no joint act
_FEELING = re.compile(r"(?:fear|worr|concern|anxi)", re.IGNORECASE)
# Between the one named and the friction noun it is named as: "China as an enemy", "Iran a rival",
# "North Korea's nuclear programme a threat".
_NAMED_AS = re.compile(r"^(?:'s?\s+(?:[\w-]+\s+){0,2}?)?\s*(?:(?:as|como|comme|als|как|jako)\s+)?"
                       r"(?:an?\s+|the\s+|its\s+|their\s+|his\s+|una?\s+|une?\s+|eine?n?\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# Between the namer and its verb: "Russia labels", "a Russian memo labelling", "Moscow's doctrine names".
_BEFORE_NAMED = re.compile(r"\s+(?:the\s+|a\s+)?")  # "sees the Kremlin", Spanish "ve a Rusia"
_SUBORDINATE_OPENING = re.compile(r"(?<!\w)(?:that|because|while|since|when|whereas)\s+(?:the\s+)?$", re.IGNORECASE)
_NAMER = re.compile(r"^(?:'s?)?\s+(?:[\w-]+\s+){0,2}$")
_VERB_BETWEEN = re.compile(r"^\s+(?:[\w-]+\s+){1,2}$")  # "views", "has long described"


def _as_predicate(sentence: str, view: CueView, a: str, b: str) -> bool:
    """"Beijing views Moscow as a key partner", "Xi described Putin as his best friend": the
    subject and the object of the verb before "as …"."""
    before = view.before
    if len(before) < 2 or not _AS.match(sentence, view.cue.start):
        return False
    x, y = before[-2], before[-1]
    return {x.code, y.code} == {a, b} and view.cue.start - y.end <= 2 and not glued(sentence, [x, y]) \
        and bool(_VERB_BETWEEN.match(sentence[x.end:y.start])) \
        and (len(sentence[view.c0:x.start].split()) <= 3 or bool(_SUBORDINATE_OPENING.search(sentence, view.c0, x.start)))


def _named_as(sentence: str, view: CueView, a: str, b: str) -> bool:
    """"A leaked Russian memo labelling China an enemy", "Moscow sees Beijing as a rival": the one
    named, right after a naming verb, and the namer (or the member qualifying it) before that verb."""
    before = view.before
    if view.cue.family != "friction" or len(before) < 2:
        return False
    y = before[-1]
    if y.code not in (a, b) or not y.is_member or not _NAMED_AS.match(sentence[y.end:view.cue.start]):
        return False
    verbs = [v for v in view.hits.labelling if v[1] <= y.start and _BEFORE_NAMED.fullmatch(sentence[v[1]:y.start])]
    if not verbs:
        return False
    namers = [s for s in before if s.end <= verbs[-1][0] and s.is_member and s.start >= view.c0]
    return bool(namers) and {namers[-1].code, y.code} == {a, b} \
        and bool(_NAMER.match(sentence[namers[-1].end:verbs[-1][0]]))


def _the_two(sentence: str, view: CueView, a: str, b: str, actors: list[MemberSpan]) -> bool:
    """"The two engage in an espionage war": words that stand for the sentence's only two members
    as the subject of a cue (not a directed one, which needs its object, nor parallel acts)."""
    cue, hits = view.cue, view.hits
    if cue.family == "directed" or hits.member_codes != {a, b} or not hits.the_two:
        return False
    for s, e in hits.the_two:
        if not (view.c0 <= s and e <= cue.start and cue.start - e <= SUBJECT_CHARS):
            continue
        if any(e <= x.start < cue.start for x in actors) or any(e <= p < cue.end for p in hits.parallel):
            continue
        if cue.family == "cooperation" and view.after and not view.after[0].is_member \
                and THIRD_PARTY.search(sentence, cue.end, view.after[0].start):
            continue  # "the two trade with Europe": a third party's partners
        return True
    return False


def _verb_final(sentence: str, view: CueView, a: str, b: str, lang: str) -> bool:
    """Do ``a`` and ``b`` stand before the cue as subject and partner of a verb-final clause?"""
    gap_rule = _SUBJECT_TO_PARTNER.get(lang)
    before = view.before
    if gap_rule is None or len(before) < 2:
        return False
    x, y = before[-2], before[-1]
    if lang == "zh" and {x.code, y.code} != {a, b}:
        # "中国从伊朗和俄罗斯购买原油": the partner may be a list; the subject stands before it
        run = name_run(sentence, before, backwards=True)
        if len(run) > 1 and len(run) < len(before):
            x = before[len(before) - len(run) - 1]
            y = next((s for s in run if s.code in (a, b) and s.code != x.code), y)
            if view.cue.start - run[-1].end > VERB_FINAL_CHARS[lang]:
                return False
            if x.code in (a, b) and y.code in (a, b) and x.code != y.code and gap_rule.match(sentence[x.end:run[0].start]):
                return True
        return False
    if {x.code, y.code} != {a, b} or view.cue.start - y.end > VERB_FINAL_CHARS[lang] or glued(sentence, [x, y]):
        return False
    if not gap_rule.match(sentence[x.end:y.start]) or _COMPARISON.search(sentence, max(x.start - 12, 0), x.start):
        return False  # "Wie Russland steht auch der Iran unter Sanktionen": a comparison, no subject
    if lang == "ko":
        return bool(_PARTNER_PARTICLE.match(sentence, y.end))
    if lang == "de":  # the subject opens the clause
        return len(sentence[view.c0:x.start].split()) <= 1
    return True


def _german_clause_end(sentence: str, view: CueView, a: str, b: str) -> bool:
    """A German clause that ends on its cooperation verb ("Nordkorea hat im Ukraine-Krieg weitere
    Waffen an Russland geliefert", "Iran betreibt drei von China gelieferte Reaktoren") links the
    member that opens the clause, its subject, to another member named before the verb."""
    cue = view.cue
    members = [s for s in view.before if s.is_member]
    if cue.family != "cooperation" or len(members) < 2:
        return False
    # "drei von China gelieferte Reaktoren": an attributive participle after its agent
    attributive = bool(_VON_AGENT.search(sentence, max(members[-1].start - 12, 0), members[-1].start)) \
        and len(sentence[members[-1].end:cue.start].split()) <= 1
    if not attributive and (not _CLAUSE_END_DE.match(sentence, cue.end) or view.c1 - cue.end > CLAUSE_END_CHARS):
        return False
    subject = members[0]
    opening = sentence[view.c0:subject.start]
    if len(opening.split()) > 3 and not _FINITE_BEFORE.search(opening) \
            or _COMPARISON.search(sentence, max(subject.start - 12, 0), subject.start):
        return False
    if re.search(r"(?<!\w)(?:und|oder|sowie)(?!\w)|,", sentence[subject.end:members[1].start]):
        return False  # a coordinated subject: read by the subject rules
    return subject.code in (a, b) and ({a, b} - {subject.code}) <= {s.code for s in members[1:]}


def _agent_flow(sentence: str, cue: Cue, after: list[MemberSpan], a: str, b: str) -> bool:
    """A nominal cue, its agent after "by", then the partner: "the purchase by China of oil from Iran"."""
    if len(after) < 2 or not _BY_AGENT.fullmatch(sentence, cue.end, after[0].start):
        return False
    x = after[0]
    y = next((s for s in after[1:] if s.is_member and s.code != x.code), None)
    return y is not None and {x.code, y.code} == {a, b} and y.start - x.end <= AGENT_PARTNER_CHARS \
        and bool(_AGENT_PARTNER.match(sentence[x.end:y.start]))


def _german_subject_after(sentence: str, view: CueView, a: str, b: str) -> bool:
    """German puts the subject after a fronted verb ("… versorgt Nordkorea die russische Armee mit
    Munition") and the possessor after its noun ("die Kooperation Russlands mit Nordkorea"): the
    member right after the cooperation cue is its subject, a later member its partner."""
    cue, after = view.cue, view.after
    if cue.family != "cooperation" or len(after) < 2 or not _DE_RIGHT_AFTER.fullmatch(sentence, cue.end, after[0].start):
        return False
    run = [after[0]]  # a coordinated subject needs "und" or a comma ("Nordkorea die russische Armee" is two phrases)
    for s in after[1:]:
        if not _DE_AND.fullmatch(sentence, run[-1].end, s.start):
            break
        run.append(s)
    if len(run) >= len(after):
        return False
    subject_codes = {s.code for s in run}
    partner = after[len(run)]
    if not partner.is_member or partner.code in subject_codes or partner.start - run[-1].end > GERMAN_PARTNER_CHARS:
        return False
    if _DE_ALTERNATIVE_OR_PLACE.search(sentence, max(partner.start - 8, 0), partner.start):
        return False  # "… in Russland", "… oder Iran": a place or an alternative, no partner
    return a in subject_codes and b == partner.code or b in subject_codes and a == partner.code


def _third_name(sentence: str, cue: Cue) -> bool:
    """Does the cue take a partner the tagger does not track ("trade with Africa")? Not when two
    cooperate against it ("joining forces against Kyiv")."""
    m = _THIRD_NAME.match(sentence, cue.end)
    return bool(m) and not (cue.family == "cooperation" and _AGAINST.search(m.group()))


def _not_their_subject(sentence: str, cue: Cue, run: list[MemberSpan], view: CueView, hits: CueHits) -> bool:
    """Is the coordinated phrase before the cue not the subject of its act after all?"""
    start = run[0].start
    if len(run) > 1 and _ALTERNATIVE.search(sentence, run[0].end, run[-1].start):
        return True  # "a country like China or Russia could deploy ...": alternatives, not one subject
    if cue.family != "cooperation" and len(run) >= 3 \
            and all(sentence[x.end:y.start] in COMPOUND_GLUE[1:] for x, y in zip(run, run[1:])):
        return True  # "the Russia-China-Iran bloc competes with the West": one bloc acting on others
    if _AND_OTHERS.match(sentence, run[-1].end):
        return True  # "Russia, China and other powers expanded into the region": each of many, not the two together
    if all(_DEMONYM.fullmatch(sentence, s.start, s.end) for s in run) and _NOUN_GAP.fullmatch(sentence, run[-1].end, cue.start) \
            and not _RELATIONAL.match(sentence, cue.start) and not _VERB_FORM.match(sentence, cue.start):
        return True  # "Russian and Iranian oil exports", "Russian and Chinese investors": a noun both qualify
    if cue.family != "cooperation" and _OBJECT_OF.search(sentence, max(start - 12, 0), start):
        return True  # "coordination by China and Russia has frustrated diplomats"
    if hits.langs[:1] == ["zh"] and sentence[start - 1:start] in _ZH_PARTNER_MARKS:
        return True  # "印度从伊朗和俄罗斯购买原油": the list after 从 is where India buys, not a subject
    if cue.family == "cooperation" and _PARTNER_OF.search(sentence, max(start - 12, 0), start) \
            and any(c.end <= start and start - c.end <= OBJECT_CHARS + 10 for c in hits.cues):
        return True  # "shipped oil to Iran, Russia and China in return for financial assistance": another's partners
    if _AND_VERB.match(sentence[run[-1].end:cue.start]) and len(sentence[view.c0:start].split()) > 1:
        return True  # "North Korea borders on China and Russia and helps them": the clause's subject helps
    if _PLACE_OR_BOTH.search(sentence, max(start - 8, 0), start):
        # "Analysts in China and Russia offered ...": a place; "Both Iran and Russia rely on oil
        # exports": each on its own, unless the clause says "their" or "each other"
        both = sentence[max(start - 8, 0):start].lower().strip().endswith("both")
        if not (both and (cue.family != "cooperation" or _MUTUAL.search(sentence, run[-1].end, view.c1))):
            return True
    if cue.family != "cooperation" and (_AS_WHAT.match(sentence[run[-1].end:cue.start]) or _AS.match(sentence, cue.start)) \
            and len(sentence[view.c0:start].split()) >= 2:
        return True  # "Washington sees China and Russia as rivals": another's view of them
    # verb-final: a third party between the subject and the verb takes the cue ("중국과 러시아는 유럽에 가스를 판매한다")
    return hits.langs[:1] in (["ko"], ["zh"], ["fa"]) and any(
        not s.is_member and run[-1].end <= s.start and s.end <= cue.start for s in view.before)


# A relation only supposed or foreseen: "a potential alliance between", "ein angebliches Bündnis".
_HEDGED = re.compile(r"(?<!\w)(?:potential|possible|alleged|supposed|purported|would-be|hypothetical|perceived|putative|"
                     r"angeblich\w*|vermeintlich\w*|mögliche\w*|supuest\w*|presunt\w*|prétendu\w*|éventuel\w*|"
                     r"предполагаем\w*|возможн\w*|мнимы\w*)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
HEDGE_CHARS = 40
_HEDGE_WORD = guarded(r"potential|possible|alleged|supposed|purported|would-be|hypothetical|perceived|putative|angeblich|"
                      r"vermeintlich|mögliche|supuest|presunt|prétendu|éventuel|предполагаем|возможн|мнимы", re.IGNORECASE)
_RECIPROCAL_WORD = guarded(r"mutual|reciprocal|each other|one another|together|jointly|the other", re.IGNORECASE)
# A relation said not to be good: "China-Russia ties have always not been so cordial".
_NOT_GOOD = re.compile(r"(?<!\w)(?:ties|relations|relationship)\s+(?:[\w-]+\s+){0,3}?(?:not|never|hardly|\w+n't)\s+(?:[\w-]+\s+){0,3}$",
                       re.IGNORECASE)
NOT_GOOD_CHARS = 50
_JOINING = re.compile(r"(?:connect|link|integrat|tying|tied|bind|bound|unit|join)", re.IGNORECASE)
_JOINED_TO = re.compile(r"^(?:['’]s?\s+(?:[\w-]+\s+){0,4}?)?\s*with\s+(?:the\s+)?$", re.IGNORECASE)
# "China and Iran also plan to boost trade": "also" right after the two adds to what was said before
_ALSO_AFTER = re.compile(r"\s+(?:(?:have|has|had|will|would|could|can|may|might|are|were)\s+)?also", re.IGNORECASE)
_AND_OTHERS = re.compile(r"\s*,?\s+and\s+(?:several\s+|many\s+|some\s+|a\s+few\s+)?other\s", re.IGNORECASE)
_BETWEEN_AND = re.compile(r"^\s+a\s+$")  # Polish "między Rosją a Chinami"
# "neither criticize nor side with Russia": withholding both, not cover
_NEITHER = re.compile(r"(?<!\w)(?:neither|nor|weder|ni|ni\s+siquiera)(?!\w)", re.IGNORECASE)
_REFUSAL = re.compile(r"(?<!\w)(?:refus\w*|unwilling\w*|unable|reluctance|reluctant|loath|declin\w*|rather than|instead of)(?:\s+to)?\s+(?:[\w-]+\s+){0,2}$",
                      re.IGNORECASE)
_ZH_JOINT_GAP = re.compile(r"(?:两国|双方)?(?:都|均|也)?(?:同声|共同|一起|一道|联合|联手|再次|公开|强烈|已经|已)?")  # "俄罗斯伊朗同声谴责"
_ZH_PARTNER_MARKS = frozenset("从向对给与同跟")
_PHRASE_BREAK = re.compile(r"[,，;；:：]")
_RELUCTANT = re.compile(r"(?:reluctan|hesita|unwilling|loath)\w*\s+to\s", re.IGNORECASE)
_QUESTION = re.compile(r"^\W*[¿？]|[?？]\W*$")


def _is_question(sentence: str) -> bool:
    """Does the sentence ask (a question mark at its end, or an opening one at its start)? Most
    sentences hold no question mark at all, which is quicker to see than the pattern."""
    return ("?" in sentence or "？" in sentence or "¿" in sentence) and _QUESTION.search(sentence) is not None
_PARTNER_OF = re.compile(r"(?<!\w)(?:to|from|with)\s+(?:the\s+)?$", re.IGNORECASE)
_DIRECT_OBJECT = re.compile(r"\w*\s+(?:(?:to|for|with|of)\s+)?(?:the\s+)?", re.IGNORECASE)  # "provided Iran", "support for Iran"
_ALTERNATIVE = re.compile(r"(?<!\w)(?:or|nor|either|neither|oder|ou|o|ni|или|albo|lub)(?!\w)", re.IGNORECASE)


def _between_run(sentence: str, spans: list[MemberSpan]) -> list[MemberSpan]:
    """The names listed right after a "between" word."""
    if not spans:
        return []
    run = name_run(sentence, spans, backwards=False)
    if len(run) == 1 and len(spans) > 1 and _BETWEEN_AND.match(sentence[spans[0].end:spans[1].start]):
        run = spans[:2]
    return run


def _links(sentence: str, cue: Cue, a: str, b: str, actors: list[MemberSpan], hits: CueHits) -> str | None:
    """How this cue relates members ``a`` and ``b`` (see the module docstring): "pair" when one acts
    on the other or they act together, "joint" when they are one subject acting on something
    else, "loose" for a pair read through a looser structure ("the two", a member inside the cue's
    words), None when it does not link them."""
    if cue.pairs is not None:
        return "pair" if frozenset((a, b)) in cue.pairs else None
    key = (cue.start, cue.end, cue.family)
    if key not in hits.views:  # the same for every pair of the sentence
        hits.views[key] = CueView.of(cue, actors, hits)
    view = hits.views[key]
    if a not in view.codes or b not in view.codes:
        # every way a cue links two members names both in its clause (or its elided subject), or
        # words that stand for both ("the two")
        return "loose" if _the_two(sentence, view, a, b, actors) else None
    c0, c1, in_clause, before, after = view.c0, view.c1, view.in_clause, view.before, view.after
    codes_before = {s.code for s in before}
    codes_after = {s.code for s in after}

    def flow() -> bool:
        """Goods of one member going to the other: "shipping Russian aluminium to China"."""
        if cue.family != "cooperation" or len(after) < 2 or after[0].start - cue.end > FLOW_CHARS \
                or a not in codes_after or b not in codes_after:
            return False
        # the goods' owners may be a list: "energy exports from both Russia and Iran to China"
        run = name_run(sentence, after, backwards=False)
        if len(run) >= len(after):
            return False
        y = after[len(run)]
        return y.code in (a, b) and ({a, b} - {y.code}) <= {x.code for x in run} \
            and bool(_FLOW.match(sentence[run[-1].end:y.start])) and not LIST_GLUE.match(sentence[run[-1].end:y.start])

    def object_start(code: str) -> int:
        """Where the object ``code`` starts, or the member whose ties with it are the object."""
        if len(after) > 1 and _TIES_WITH.match(sentence[after[0].end:after[1].start]) \
                and not _PHRASE_END.match(sentence, cue.end):
            return after[0].start
        return min((s.start for s in after if s.code == code), default=cue.end)  # "helps them": right at the cue

    def clear_until(pos: int) -> bool:
        """No cue of another family stands between the cue and ``pos`` ("supported sanctions against X").
        One that qualifies a compound right after it is the compound's own ("opposes deepened
        North Korea-Russia ties")."""
        compound = compound_at(sentence, after, pos)
        pos = pos if compound is None else compound
        return not any(cue.end <= c.start < pos and c.family != cue.family and c.governed_by != cue.start
                       and not (compound is not None and re.fullmatch(r"\w*\s*", sentence[c.end:pos]))
                       for c in hits.cues)

    if flow() or cue.family == "cooperation" and a in codes_after and b in codes_after and _agent_flow(sentence, cue, after, a, b):
        return "pair"
    if cue.family != "directed" and view.inside & {a, b} and _ties_inside(sentence, cue, actors, a, b):
        return "pair"  # "put Moscow's relations with Tehran to the test", "the improvement of Pyongyang's relations with Beijing"
    if view.inside and (a in view.inside) != (b in view.inside) and ({a, b} - view.inside) <= view.subjects:
        # "Russia has sought to limit Chinese influence", "China came to Russia's aid": the one named
        # inside the cue's words is its object
        return "loose"
    for x, y in ((a, b), (b, a)):
        # an object list that names the subject again is a grouping both belong to ("a division into
        # a triangle of China, North Korea and Russia"), not one acting on the other; the object
        # first: most cues have none of the pair there, and then the subject need not be read
        if y in view.objects and (x in view.subjects or x in view.topic_subjects) \
                and x not in view.object_list and clear_until(object_start(y)):
            return "pair"
    if cue.family == "directed":
        if _verb_final(sentence, view, a, b, hits.langs[0] if hits.langs else "en"):
            return "pair"  # "China hat Russland offen kritisiert"
        # "Moscow and Beijing objected to the plan": joint action on a common target
        if a in codes_before and b in codes_before:
            run = name_run(sentence, before, backwards=True)
            if {a, b} <= {s.code for s in run} and (_JOINT_GAP.fullmatch(sentence, run[-1].end, cue.start)
                                                     or hits.langs[:1] == ["zh"] and _ZH_JOINT_GAP.fullmatch(sentence, run[-1].end, cue.start)) \
                    and not (_PERFECT_PASSIVE.search(sentence, run[-1].end, cue.start)
                             and not _PROGRESSIVE.match(sentence, cue.start)) \
                    and not _AGENT_NOUN.match(sentence, cue.start) \
                    and not _FEELING.match(sentence, cue.start) and not _PASSIVE.match(sentence, cue.end) \
                    and not (after and after[0].code in (a, b)) \
                    and not any(run[-1].end <= p < cue.end for p in hits.parallel):
                return "joint"
        return None
    # a compound of the two ("North Korea-Russia ties", "Sino-Russian") next to the cue
    for x in in_clause:
        for y in in_clause:
            if x.code == a and y.code == b or x.code == b and y.code == a:
                # a friction cue before the compound with an actor before it is that actor's
                # ("China's concern about North Korea-Russia ties")
                ahead_ok = (cue.family == "cooperation" or not any(s.end <= cue.start for s in in_clause)) \
                    and hits.langs[:1] not in (["ko"], ["fa"])  # verb-final: a cue before the compound is another's
                if 0 <= y.start - x.end <= 3 and sentence[x.end:y.start].strip() in COMPOUND_GLUE and (
                        0 <= cue.start - y.end <= 25 or ahead_ok and 0 <= x.start - cue.end <= 25) \
                        and not (cue.family != "cooperation" and _in_chain(sentence, x, y, in_clause)):
                    return "pair"  # but a bloc of three or more ("the Russia-China-Iran axis") acts as one on others
    if _joins_the_two(sentence, view, a, b):
        return "pair"  # "the bridge will connect China with Russia"
    if _ties_subject(sentence, view, a, b):
        return "pair"  # "Russia's relationship with Iran appears to have cooled"
    if hits.langs[:1] == ["de"] and (_german_clause_end(sentence, view, a, b) or _german_subject_after(sentence, view, a, b)):
        return "pair"
    if _verb_final(sentence, view, a, b, hits.langs[0] if hits.langs else "en") or _as_predicate(sentence, view, a, b) \
            or _named_as(sentence, view, a, b):
        return "pair"
    # both before the cue as one coordinated subject
    if a in codes_before and b in codes_before:
        run = _without_fronted_topic(sentence, c0, name_run(sentence, before, backwards=True))
        if not {a, b} <= {s.code for s in run}:
            run = (sentence.count(",", c0, cue.start) >= 2 and _before_aside(sentence, before, cue.start)) or run
        codes = {s.code for s in run}
        # "China and Russia trade with Europe": the cue relates them to a third party, not to each other
        # "China and Russia are threatening U.S. satellites": friction they direct at a third party together
        to_third = bool(after) and not after[0].is_member and (
            bool(THIRD_PARTY.search(sentence, cue.end, after[0].start))
            and not (cue.family == "cooperation" and _AGAINST.search(sentence, cue.end, after[0].start))
            or cue.family != "cooperation" and after[0].start - cue.end <= OBJECT_CHARS) \
            or (_third_name(sentence, cue)
                or cue.family != "cooperation" and hits.langs[:1] != ["de"] and bool(_THIRD_OF.match(sentence, cue.end))) \
            and not (after and after[0].start - cue.end <= 25 and after[0].is_member)
        # names inside "between A and B" are a preposition's object, read by the branch below
        in_between = bool(_BETWEEN_BEFORE.search(sentence, max(run[0].start - 10, 0), run[0].start))
        # "China, Russia and North Korea provided Iran with support": each is Iran's supporter, the
        # supporters are a list; "Moscow and Beijing vetoed the resolution" is their joint act
        gap_ok = cue.start - run[-1].end <= SUBJECT_CHARS or cue.start - run[-1].end <= RELATIVE_CHARS \
            and bool(_APPOSITIVE.match(sentence[run[-1].end:cue.start]))  # "Putin and Jiang, to balance the US, signed"
        if a in codes and b in codes and gap_ok and not to_third and not in_between \
                and not (after and after[0].code not in codes and _DIRECT_OBJECT.fullmatch(sentence, cue.end, after[0].start)
                         and view.objects - codes) \
                and not _not_their_subject(sentence, cue, run, view, hits):
            if cue.family == "friction" and _FEELING.match(sentence, cue.start) and not (view.objects & {a, b}):
                pass  # "China and Russia have expressed concern about the deployment": a shared worry, no friction
            elif cue.family == "friction" or not any(run[-1].end <= p < cue.end + 12 and not _PHRASE_BREAK.search(sentence, cue.end, p)
                                                     and not (_ALSO_AFTER.fullmatch(sentence, run[-1].end, p + 4)
                                                              and len(sentence[c0:run[0].start].split()) <= 1)
                                                     for p in hits.parallel):
                return "pair"  # "Russia and China also differ" is still their friction
    # both before it, inside "between A and B" right before the cue ("Relations between Moscow and
    # Beijing have cooled", "Między Rosją a Chinami narasta nieufność")
    if a in codes_before and b in codes_before and not view.after_third:
        for w0, w1 in hits.between:
            run = _between_run(sentence, [s for s in before if s.start >= w1])
            # not a cue's own "between" ("closer coordination by China and Russia has frustrated ...")
            if run and c0 <= w0 and not any(c.start < w1 and (c.end >= w0 or _ADJACENT.fullmatch(sentence, c.end, w0))
                                            for c in hits.cues) and {a, b} <= {s.code for s in run} and 0 <= run[0].start - w1 <= 6 \
                    and cue.start - run[-1].end <= SUBJECT_CHARS \
                    and not any(run[-1].end <= s.start < cue.start for s in actors) \
                    and not any(run[-1].end <= c.start < cue.start and c.family != cue.family for c in hits.cues) \
                    and not _CHOICE.search(sentence, max(w0 - CHOICE_CHARS, 0), w0):
                return "pair"
    # both after it, inside "between A and B"
    if a in codes_after and b in codes_after:
        for w0, w1 in hits.between:
            listed = {s.code for s in _between_run(sentence, [s for s in after if s.start >= w1])}
            if w0 >= cue.start - 40 and w0 - cue.end <= BETWEEN_AFTER_CHARS and w1 <= min(s.start for s in after if s.code in (a, b)) \
                    and c0 <= w0 and w1 <= c1 and {a, b} <= listed \
                    and not any(cue.end <= c.start < w0 and c.family != cue.family for c in hits.cues) \
                    and not _CHOICE.search(sentence, max(min(cue.start, w0) - CHOICE_CHARS, 0), w0):
                return "pair"  # a nearer cue of the other family owns the "between" ("wary of ties between")
    if hits.reciprocal and _reciprocal(sentence, view, a, b, actors):
        return "pair"
    return "loose" if _the_two(sentence, view, a, b, actors) else None


def _reciprocal(sentence: str, view: CueView, a: str, b: str, actors: list[MemberSpan]) -> bool:
    """A cue marked as mutual ("mutual mistrust", "supportive of each other") relates the members of
    the subject that opens its clause to one another ("China, Russia, Iran and North Korea face ...
    mutual mistrust"), or the sentence's only two members ("they spy on one another")."""
    cue, hits = view.cue, view.hits
    if cue.family == "directed" or not (_MUTUAL_BEFORE.search(sentence, max(cue.start - 25, 0), cue.start)
                                        or _MUTUAL_WORD.match(sentence, cue.start)
                                        or _TOGETHER.search(sentence, cue.start, cue.end)
                                        or _RECIPROCAL_AFTER.match(sentence, cue.end)
                                        or _THE_OTHER_AFTER.match(sentence, cue.end)
                                        and _ONE_THE_OTHER.search(sentence, max(cue.start - 60, 0), cue.start)):
        return False
    if hits.member_codes == {a, b}:
        return True
    opening = [s for s in view.before if s.start >= view.c0]
    if not opening or len(sentence[view.c0:opening[0].start].split()) > 3:
        return False
    return {a, b} <= {s.code for s in name_run(sentence, opening, backwards=False)}


def _in_chain(sentence: str, x: MemberSpan, y: MemberSpan, spans: list[MemberSpan]) -> bool:
    """Is the compound x-y part of a longer compound of three or more ("Rusia-China-Irán")?"""
    return any(0 <= x.start - s.end <= 3 and sentence[s.end:x.start].strip() in COMPOUND_GLUE[1:]
               or 0 <= s.start - y.end <= 3 and sentence[y.end:s.start].strip() in COMPOUND_GLUE[1:]
               for s in spans if s is not x and s is not y)


def _joins_the_two(sentence: str, view: CueView, a: str, b: str) -> bool:
    """A verb that joins two things, then "A with B" or "A and B": "connect China with Russia",
    "link China's Belt and Road with Russia's Eurasian Union"."""
    cue, after = view.cue, view.after
    if cue.family != "cooperation" or len(after) < 2 or not _JOINING.match(sentence, cue.start):
        return False
    x, y = after[0], after[1]
    return {x.code, y.code} == {a, b} and x.start - cue.end <= 15 and bool(_DIRECT_OBJECT.fullmatch(sentence, cue.end, x.start)) \
        and bool(_JOINED_TO.match(sentence[x.end:y.start]))


def _ties_subject(sentence: str, view: CueView, a: str, b: str) -> bool:
    """A subject that is one member's ties with the other, then its predicate: "Russia's relationship with
    Iran appears to have cooled", "Beijing's ties with Pyongyang have deepened"."""
    before = view.before
    if len(before) < 2 or view.cue.family == "directed":
        return False
    x, y = before[-2], before[-1]
    return {x.code, y.code} == {a, b} and view.cue.start - y.end <= SUBJECT_CHARS \
        and bool(_TIES_WITH.match(sentence[x.end:y.start])) and len(sentence[view.c0:x.start].split()) <= 3 \
        and not _POSSESSOR.match(sentence, y.end) and not any(y.end <= c.start < view.cue.start for c in view.hits.cues)


def _ties_inside(sentence: str, cue: Cue, actors: list[MemberSpan], a: str, b: str) -> bool:
    """Are ``a`` and ``b`` named inside the cue's words as one's ties with the other ("Moscow's relations with Tehran")?"""
    inside = [s for s in actors if cue.start <= s.start and s.end <= cue.end]
    inside += [s for s in actors if s.start >= cue.end][:1]  # the partner right after the cue's "relations"
    return any({x.code, y.code} == {a, b} and _TIES_WITH.match(sentence[x.end:y.start]) for x, y in zip(inside, inside[1:]))


def _only_two_cooperating(hits: CueHits, a: str, b: str) -> bool:
    """A sentence that names these two members and no other actor, with two or more cooperation
    words and no friction or censure word ("Putin hailed the growing trade and the new pipeline
    deals, with Beijing ..."): the cooperation it speaks of is most likely theirs, though no
    structure shows it. The row is unsure, so the cohesion index leaves it out."""
    if hits.member_codes != {a, b} or hits.third_party or len(hits.cues) < MIN_UNLINKED_COOPERATION \
            or any(c.family != "cooperation" for c in hits.cues):
        return False
    if hits.parallel or _BOTH.search(hits.sentence):
        return False  # "Both Iran and Russia rely on oil exports", "each signed deals": parallel acts
    names = sorted(hits.names)
    if any(_ALTERNATIVE.search(hits.sentence, x[1], y[0]) or _COMPARISON.search(hits.sentence, x[1], y[0])
           for x, y in zip(names, names[1:])):
        return False  # "a country like China or Russia could deploy ...": alternatives, or a comparison
    # a cue that takes a partner the tagger does not track ("Iran thanked Iraq") is someone else's cooperation
    return not any(_THIRD_NAME.match(hits.sentence, c.end) or hits.langs[:1] == ["en"] and _UNTRACKED.match(hits.sentence, c.end)
                   for c in hits.cues)


def classify_pair(sentence: str, a: str, b: str, actors: list[MemberSpan], hits: CueHits,
                  lexicon: Lexicon | None = None, langs: list[str] | None = None) -> tuple[str, float]:
    """(relation, confidence) between members ``a`` and ``b`` as expressed in ``sentence``.

    Confidence: 0.9 when only one kind of cue links the pair (or no cue is in the sentence at
    all), 0.6 when cues are in the sentence but none links the pair or every cue that does is a
    loose reading (a "loose" link, a situational word) or cooperation is read without a link
    (``_only_two_cooperating``), 0.5 for a sentence too long to read, 0.4 when linked cues conflict. The cohesion index counts rows at or above ``CONFIDENT``.
    """
    if hits.too_long:
        return NEUTRAL, UNSURE_LONG
    if hits.question:
        return NEUTRAL, UNSURE
    coop = fric = 0.0
    firm = {COOPERATION: False, FRICTION: False}  # does a firm link carry the relation?
    links = [_links(sentence, cue, a, b, actors, hits) for cue in hits.cues]
    governing = {d.start for d, link in zip(hits.cues, links) if link and d.family == "friction"}
    for cue, link in zip(hits.cues, links):
        if link and cue.governed_by in governing:
            continue  # "Russia resents its dependence on China": the friction is about the cooperation
        if link:
            relation = COOPERATION if cue.family == "cooperation" or link == "joint" else FRICTION
            if relation == COOPERATION:
                coop += cue.weight
            else:
                fric += cue.weight
            firm[relation] = firm[relation] or (link != "loose" and not cue.link_only)
    if not coop and not fric:
        if _only_two_cooperating(hits, a, b):
            return COOPERATION, UNSURE
        # No cue links the two: whatever else the sentence says, it does not say how they get on.
        return NEUTRAL, 0.6 if hits.any else 0.9
    if fric > coop:
        return FRICTION, 0.4 if coop else 0.9 if firm[FRICTION] else UNSURE
    if coop > fric:
        return COOPERATION, 0.4 if fric else 0.9 if firm[COOPERATION] else UNSURE
    return NEUTRAL, 0.4
