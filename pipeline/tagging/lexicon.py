"""Compile the YAML taxonomy: one Aho-Corasick automaton per language, and the cue patterns.

The automaton of a language holds that language's aliases, framing phrases and exclusions plus the
English ones (acronyms and Latin-script names turn up in every language), so a text is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from pipeline.tagging.regex_guard import guarded
from pipeline.yamlio import load_yaml

ACTOR, FRAMING, EXCLUDE, GROUP = "actor", "framing", "exclude", "group"

# Typographic variants folded before scanning, one character for one so offsets stay valid:
# curly apostrophes, no-break and thin spaces, the Unicode hyphens and the en dash.
TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
                            "\u2007": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                            "\u2212": "-"})
_TYPOGRAPHIC = re.compile("[\u2019\u02bc\u00a0\u202f\u2009\u2007\u2010\u2011\u2012\u2013\u2212]")


def fold_typography(text: str) -> str:
    """``text`` with typographic variants replaced by their plain forms (same length)."""
    if not _TYPOGRAPHIC.search(text):
        return text
    # one str.replace per variant present: the same result as str.translate, many times faster
    for variant, plain in TYPOGRAPHY.items():
        if chr(variant) in text:
            text = text.replace(chr(variant), plain)
    return text
WORD, LEFT, NONE = "word", "left", "none"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message says where."""


@dataclass(frozen=True)
class Entry:
    """What one surface form in the automaton stands for."""

    kind: str  # actor | framing | exclude | group
    labels: tuple[str, ...]  # actor code, framing id, or one actor code per character (compounds)
    boundary: str  # word | left | none, from the entry's own language
    stem: bool = False  # trailing `*`: letters may follow
    next_word: bool = False  # "axis of *": the next word belongs to the match
    combining: bool = False  # trailing `-`: "Sino-Russian"
    capital: bool = False  # a capital city: named as a venue it is no mention of the state


@dataclass(frozen=True)
class CuePattern:
    """One language's cues (plus English ones) as one regex over lower-cased text.

    Matching lower-cased text with a case-sensitive pattern whose word-initial alternatives share
    one left-boundary check is many times faster than an IGNORECASE alternation; ``fallback``
    (IGNORECASE) serves the rare text whose lower-casing changes its length.
    """

    fast: re.Pattern[str]
    fallback: re.Pattern[str]


_last_lowered: list[str] = ["", ""]  # (text, text.lower()): one sentence meets many cue families in a row


@dataclass(frozen=True)
class CueSet:
    """Compiled cue patterns of one family (e.g. contested/before), per language."""

    by_lang: dict[str, CuePattern]

    # search and finditer run some 300,000 times per 10 MB of text, so the pattern choice is inlined:
    # the language's patterns (else English's), and the lower-cased text unless that changes its length
    def search(self, text: str, langs: list[str]) -> re.Match[str] | None:
        cp = self.by_lang.get(langs[0]) or self.by_lang.get("en")
        if cp is None:
            return None
        if _last_lowered[0] is not text:
            _last_lowered[0], _last_lowered[1] = text, text.lower()
        lowered = _last_lowered[1]
        return cp.fast.search(lowered) if len(lowered) == len(text) else cp.fallback.search(text)

    def finditer(self, text: str, langs: list[str]) -> list[re.Match[str]]:
        cp = self.by_lang.get(langs[0]) or self.by_lang.get("en")
        if cp is None:
            return []
        if _last_lowered[0] is not text:
            _last_lowered[0], _last_lowered[1] = text, text.lower()
        lowered = _last_lowered[1]
        return list(cp.fast.finditer(lowered) if len(lowered) == len(text) else cp.fallback.finditer(text))


@dataclass(frozen=True)
class Lexicon:
    """The compiled taxonomy a tagger runs with."""

    version: str
    languages: tuple[str, ...]
    automata: dict[str, Any]  # lang -> ahocorasick.Automaton over (lang ∪ en) surfaces
    members: frozenset[str]
    actor_names: dict[str, str]
    framing_ids: tuple[str, ...]
    generic_framings: frozenset[str]
    quotes_open: frozenset[str]
    quotes_close: frozenset[str]
    cues: dict[str, CueSet] = field(default_factory=dict)  # "contested.before", "dyads.friction", ...
    fixed_targets: dict[str, tuple[str, ...]] = field(default_factory=dict)  # framing -> members it names
    default_targets: dict[str, tuple[str, ...]] = field(default_factory=dict)  # when context names none
    lookalike_actors: frozenset[str] = frozenset()  # tracked actors that are a grouping themselves (the EU)
    linked_only: frozenset[str] = frozenset()  # framing words (lower-cased) that count only with members named at them
    org_suffix: re.Pattern[str] | None = None  # "China Times": an organisation, not the state
    partner_nouns: frozenset[str] = frozenset()  # "ally", "patron": lower-cased, every language

    def automaton(self, lang: str) -> Any:
        """The automaton for ``lang``; English for languages the taxonomy does not cover."""
        return self.automata.get(lang) or self.automata["en"]

    def cue(self, name: str) -> CueSet:
        return self.cues.get(name) or CueSet({})


def _variants(phrase: str) -> set[str]:
    """Capitalisation variants a framing phrase or exclusion appears in (any case of CRINK too)."""
    out = {phrase}
    if phrase[:1].isalpha():
        out |= {phrase[0].upper() + phrase[1:], phrase[0].lower() + phrase[1:]}
    if phrase.isascii():
        out |= {phrase.lower(), phrase.title(), phrase.upper()}
    return out


def _framing_variants(phrase: str) -> set[str]:
    """A framing phrase's variants, and its last word capitalised: "l'axe du Mal", "Axe du Mal"."""
    out = _variants(phrase)
    head, _, last = phrase.rpartition(" ")
    if head and last[:1].isalpha():
        out |= {v[:len(head)] + " " + last[0].upper() + last[1:] for v in (phrase, phrase[0].upper() + phrase[1:])}
    return out


def _alias_variants(alias: str) -> set[str]:
    """Case variants of a name: as written, ALL CAPS ("CHINA"), capitalised after hyphens ("Jong-Un")."""
    out = {alias}
    letters = sum(ch.isalpha() for ch in alias)
    if letters >= 4 and not alias.isupper() and any(ch.isupper() for ch in alias):
        out.add(alias.upper())
    if re.search(r"-[a-zа-я]", alias) and alias[:1].isupper():
        out.add(re.sub(r"-([a-zа-я])", lambda m: "-" + m.group(1).upper(), alias))
    return out


def _entry_key(surface: str) -> tuple[str, dict[str, bool]]:
    if surface.endswith(" *"):
        return surface[:-1], {"next_word": True}
    if surface.endswith("*"):
        return surface[:-1], {"stem": True}
    if surface.endswith("-") and len(surface) > 1:
        return surface, {"combining": True}
    return surface, {}


_LITERAL = re.compile(r"[\w' -]+")
_REGEX_STAR = re.compile(r"(?:\\[a-zA-Z]|[\])])\*$")


def _cue_alternatives(cues: list[str], boundary: str, lower: bool) -> tuple[list[str], list[str], list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Alternatives of one cue group: (bounded regexes, free regexes, bounded literals, free literals).

    Bounded ones start at a word boundary; literals (plain words, a trailing `*` allowed) are kept
    apart so they can share one prefix tree.
    """
    bounded, free = [], []
    bounded_lit: list[tuple[str, bool]] = []
    free_lit: list[tuple[str, bool]] = []
    for cue in cues:
        # a trailing `*` after a letter is a stem; after `\w`, `]` or `)` it is the regex's own repetition
        stem = cue.endswith("*") and not _REGEX_STAR.search(cue)
        raw = cue[:-1] if stem else cue
        raw = raw.lower() if lower else raw
        if _LITERAL.fullmatch(raw):
            if boundary != WORD:
                free_lit.append((raw, True))
            elif re.match(r"\w", raw):
                bounded_lit.append((raw, stem or not re.search(r"\w$", raw)))
            else:
                free.append("(?:" + _literal_regex(raw) + ")" + ("" if stem else r"(?!\w)"))
            continue
        body = _STEM_IN_PHRASE.sub(r"\\w*", raw.replace(" ", r"\s+"))
        if boundary != WORD:
            free.append(f"(?:{body})")
            continue
        # a right boundary after a final letter, not after an escape such as \s
        right = "" if stem or not re.search(r"(?<!\\)\w$", body) else r"(?!\w)"
        # starts with a word (or a look-behind then a word): shares the one boundary check
        if re.match(r"\w|\\w|\(\?:\w|\(\?<!", cue):
            bounded.append(f"(?:{body}){right}")
        else:
            free.append(f"(?:{body}){right}")
    return bounded, free, bounded_lit, free_lit


# A `*` right after a letter inside a multiword cue is a stem too ("lean* toward*" reads "leaning
# towards"), not a regex repetition of that letter; `\w*` and `]*` keep their regex meaning.
_STEM_IN_PHRASE = re.compile(r"(?<=[^\W\d_])(?<!\\[a-zA-Z])\*")


def _literal_regex(text: str) -> str:
    return "".join(r"\s+" if ch == " " else re.escape(ch) for ch in text)


def _trie_regex(words: list[tuple[str, bool]]) -> str:
    """One regex for many literal cues, factored by common prefixes (much faster to match than a
    flat alternation). Each word is (text, open_end): open_end lets letters follow it."""
    root: dict[str, Any] = {}
    for text, open_end in words:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = node.get("", False) or open_end  # "" marks an end; True: letters may follow

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append((r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]))
        if "" in node:
            alts.append("" if node[""] else r"(?!\w)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _first_chars(rx: str) -> set[str] | None:
    """The letters a regex alternative can start with, when that is plain to see (a letter, or a
    group of alternatives that each start with one); None otherwise."""
    if rx[:1].isalpha():
        return {rx[0].lower(), rx[0].upper()}
    if not rx.startswith("(?:"):
        return None
    depth, alts, start = 0, [], 3
    for i, ch in enumerate(rx[3:], 3):
        if ch == "\\":
            continue
        if ch == "(" and rx[i - 1] != "\\":
            depth += 1
        elif ch == ")" and rx[i - 1] != "\\":
            if depth == 0:
                alts.append(rx[start:i])
                break
            depth -= 1
        elif ch == "|" and depth == 0 and rx[i - 1] != "\\":
            alts.append(rx[start:i])
            start = i + 1
    else:
        return None
    out: set[str] = set()
    for alt in alts:
        first = _first_chars(alt)
        if first is None:
            return None
        out |= first
    return out


def _guarded(regexes: list[str]) -> list[str]:
    """The regex alternatives behind one look-ahead on the letters they can start with, so a word
    start that none of them can match is passed over at once (matches are the same)."""
    plain, guarded, chars = [], [], set()
    for rx in regexes:
        first = _first_chars(rx)
        if first is None:
            plain.append(rx)
        else:
            guarded.append(rx)
            chars |= first
    if len(guarded) < 2:
        return regexes
    guard = "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + "|".join(guarded) + ")"
    return [guard] + plain


def _cue_pattern(groups: list[tuple[list[str], str]]) -> CuePattern | None:
    """One pattern over several (cues, boundary) groups, e.g. a language's cues and English ones."""
    compiled = []
    for lower in (True, False):
        bounded: list[str] = []
        free: list[str] = []
        bounded_lit: list[tuple[str, bool]] = []
        free_lit: list[tuple[str, bool]] = []
        for cues, boundary in groups:
            b, f, bl, fl = _cue_alternatives(cues, boundary, lower)
            bounded += b
            free += f
            bounded_lit += bl
            free_lit += fl
        bounded = _guarded(bounded)
        if bounded_lit:
            bounded.insert(0, _trie_regex(bounded_lit))
        if free_lit:
            free.insert(0, _trie_regex(free_lit))
        parts = ([r"(?<!\w)(?:" + "|".join(bounded) + ")"] if bounded else []) + free
        if not parts:
            return None
        try:
            # the text it scans is written in the letters of the first group's cues (the language's own)
            alphabet = " ".join(c.lower() if lower else c for c in (groups[0][0] or [c for g in groups for c in g[0]]))
            compiled.append(guarded("|".join(parts), 0 if lower else re.IGNORECASE, alphabet))
        except re.error as exc:
            raise TaxonomyError(f"bad cue pattern among {[c for g in groups for c in g[0]]!r}: {exc}") from exc
    return CuePattern(compiled[0], compiled[1])


def compile_taxonomy(data: dict[str, Any]) -> Lexicon:
    """Turn the parsed taxonomy mapping into automata and cue patterns."""
    for key in ("version", "members", "framings"):
        if key not in data:
            raise TaxonomyError(f"taxonomy lacks '{key}'")
    boundaries: dict[str, str] = data.get("boundaries") or {}
    languages = tuple(data.get("languages") or ["en"])
    per_lang: dict[str, dict[str, Entry]] = {lang: {} for lang in languages}

    capitals = {str(c) for c in data.get("capitals") or []}

    def add(lang: str, surface: str, entry_kind: str, labels: tuple[str, ...]) -> None:
        if lang not in per_lang:
            raise TaxonomyError(f"language '{lang}' is not in `languages`")
        key, flags = _entry_key(surface)
        capital = entry_kind == ACTOR and surface.upper() in capitals_upper
        per_lang[lang][key] = Entry(entry_kind, labels, boundaries.get(lang, WORD), capital=capital, **flags)

    capitals_upper = {c.upper() for c in capitals}
    names: dict[str, str] = {}
    for group in ("members", "others"):
        for code, spec in (data.get(group) or {}).items():
            names[code] = spec.get("name", code)
            for lang, aliases in (spec.get("aliases") or {}).items():
                for alias in aliases:
                    for variant in _alias_variants(str(alias)):
                        add(lang, variant, ACTOR, (code,))
    for kind, by_lang in (data.get("lookalikes") or {}).items():
        for lang, words in (by_lang or {}).items():
            for word in words or []:
                for variant in _variants(str(word)):
                    if _entry_key(variant)[0] not in per_lang[lang]:
                        add(lang, variant, GROUP, (kind,))
    for lang, words in (data.get("compounds") or {}).items():
        for surface, codes in words.items():
            if len(codes) != len(surface):
                raise TaxonomyError(f"compound {surface!r} needs one code per character")
            add(lang, surface, ACTOR, tuple(codes))
    framing_ids = tuple(data["framings"])
    for fid, langs in data["framings"].items():
        for lang, phrases in langs.items():
            for phrase in phrases:
                for variant in _framing_variants(str(phrase)):
                    add(lang, variant, FRAMING, (fid,))
    for lang, words in (data.get("exclusions") or {}).items():
        for word in words or []:
            for variant in _variants(str(word)):
                key, _ = _entry_key(variant)
                if key not in per_lang[lang]:  # an alias always beats an exclusion variant
                    add(lang, variant, EXCLUDE, ())

    automata = {}
    for lang in languages:
        merged = dict(per_lang.get("en", {}))
        merged.update(per_lang[lang])
        automaton = ahocorasick.Automaton()
        for key, entry in merged.items():
            automaton.add_word(key, (key, entry))
        automaton.make_automaton()
        automata[lang] = automaton

    cues: dict[str, CueSet] = {}
    stance = data.get("stance") or {}
    cues["distanced.introduced"] = CueSet(_compile_cues(
        (stance.get("distanced") or {}).get("introduced") or {}, boundaries, languages))
    cues["distanced.open_question"] = CueSet(_compile_cues(
        (stance.get("distanced") or {}).get("open_question") or {}, boundaries, languages))
    for family in ("contested", "distanced"):
        for where in ("before", "after"):
            by_lang = (stance.get(family) or {}).get(where) or {}
            cues[f"{family}.{where}"] = CueSet(_compile_cues(by_lang, boundaries, languages))
    dyads = data.get("dyads") or {}
    for family in ("cooperation", "friction", "directed"):
        cues[f"dyads.{family}"] = CueSet(_compile_cues(dyads.get(family) or {}, boundaries, languages))
    for family in ("cover", "parallel", "between", "link_only", "the_two", "labelling", "no_cue"):
        cues[f"dyads.{family}"] = CueSet(_compile_cues(dyads.get(family) or {}, boundaries, languages))
    means = {lang: list((dyads.get("goods") or {}).get(lang) or []) + list((dyads.get("means") or {}).get(lang) or [])
             for lang in set(dyads.get("goods") or {}) | set(dyads.get("means") or {})}
    cues["dyads.means"] = CueSet(_compile_cues(means, boundaries, languages))  # goods count as means too
    for where in ("before", "after"):
        cues[f"negation.{where}"] = CueSet(
            _compile_cues((dyads.get("negation") or {}).get(where) or {}, boundaries, languages))
    for where in ("before", "after"):
        cues[f"lookalike_qualifiers.{where}"] = CueSet(_compile_cues(
            (data.get("lookalike_qualifiers") or {}).get(where) or {}, boundaries, languages))
    for name, by_lang in (data.get("rebuttal") or {}).items():
        cues[f"rebuttal.{name}"] = CueSet(_compile_cues(by_lang or {}, boundaries, languages))
    for name, by_lang in (data.get("clauses") or {}).items():
        cues[f"clauses.{name}"] = CueSet(_compile_cues(by_lang or {}, boundaries, languages))
    venue = data.get("venue") or {}
    for where in ("before", "after", "not_before"):
        cues[f"venue.{where}"] = CueSet(_compile_cues(venue.get(where) or {}, boundaries, languages))
    suffixes = [re.escape(str(w)) for w in data.get("org_suffixes") or []]
    org_suffix = re.compile(r"[ ](?:" + "|".join(suffixes) + r")(?!\w)") if suffixes else None
    targets = data.get("framing_targets") or {}
    quotes = data.get("quotes") or {}
    return Lexicon(
        version=str(data["version"]),
        languages=languages,
        automata=automata,
        members=frozenset(data["members"]),
        actor_names=names,
        framing_ids=framing_ids,
        generic_framings=frozenset(data.get("generic_framings") or []),
        quotes_open=frozenset(quotes.get("open") or ['"', "“", "«"]),
        quotes_close=frozenset(quotes.get("close") or ['"', "”", "»"]),
        cues=cues,
        fixed_targets={k: tuple(v) for k, v in (targets.get("fixed") or {}).items()},
        default_targets={k: tuple(v) for k, v in (targets.get("default") or {}).items()},
        lookalike_actors=frozenset(targets.get("lookalike_actors") or []),
        linked_only=frozenset(str(w).lower() for w in targets.get("linked_only") or []),
        org_suffix=org_suffix,
        partner_nouns=frozenset(str(w).lower() for words in (dyads.get("partner_nouns") or {}).values()
                                for w in words or []),
    )


def _compile_cues(by_lang: dict[str, list[str]], boundaries: dict[str, str],
                  languages: tuple[str, ...]) -> dict[str, CuePattern]:
    """Per language, one pattern over its own cues and the English ones."""
    out = {}
    english = [str(c) for c in by_lang.get("en") or []]
    for lang in languages:
        groups = [([str(c) for c in by_lang.get(lang) or []], boundaries.get(lang, WORD))]
        if lang != "en":
            groups.append((english, WORD))
        pattern = _cue_pattern(groups)
        if pattern is not None:
            out[lang] = pattern
    return out


def load_lexicon(path: Path) -> Lexicon:
    """Read and compile a taxonomy YAML file."""
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = load_yaml(fh)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: expected a mapping at the top level")
    return compile_taxonomy(data)
