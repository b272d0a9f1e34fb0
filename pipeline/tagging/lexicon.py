"""Compile the YAML taxonomy into one regular expression per language and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CJK_LANGS = {"zh", "ja"}


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns: each match's ``lastgroup`` is not used; the surface maps to its label."""

    version: str
    actors: dict[str, re.Pattern[str]]  # lang -> pattern over all actor aliases
    actor_of: dict[str, str]  # surface -> actor code
    members: frozenset[str]
    exclusions: dict[str, re.Pattern[str] | None]
    framings: dict[str, re.Pattern[str]]
    framing_of: dict[str, str]
    stance_cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        return sorted(self.actors)


def _alternation(words: list[str], lang: str) -> re.Pattern[str]:
    # Longest first, so "North Korean" wins over "North Korea" at the same position.
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    if lang in CJK_LANGS:
        return re.compile(f"(?:{body})")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


def compile_taxonomy(data: dict[str, Any]) -> Lexicon:
    """Turn the parsed taxonomy mapping into compiled patterns."""
    by_lang: dict[str, list[str]] = {}
    actor_of: dict[str, str] = {}
    for group in ("members", "others"):
        for code, spec in (data.get(group) or {}).items():
            for lang, aliases in (spec.get("aliases") or {}).items():
                for alias in aliases:
                    by_lang.setdefault(lang, []).append(alias)
                    actor_of[alias] = code
    framing_words: dict[str, list[str]] = {}
    framing_of: dict[str, str] = {}
    for fid, langs in (data.get("framings") or {}).items():
        for lang, phrases in langs.items():
            for phrase in phrases:
                framing_words.setdefault(lang, []).append(phrase)
                framing_of[phrase] = fid
    exclusions = {
        lang: (_alternation(words, lang) if words else None)
        for lang, words in (data.get("exclusions") or {}).items()
    }
    return Lexicon(
        version=str(data["version"]),
        actors={lang: _alternation(words, lang) for lang, words in by_lang.items()},
        actor_of=actor_of,
        members=frozenset((data.get("members") or {}).keys()),
        exclusions=exclusions,
        framings={lang: _alternation(words, lang) for lang, words in framing_words.items()},
        framing_of=framing_of,
        stance_cues=data.get("stance") or {},
    )


def load_lexicon(path: Path) -> Lexicon:
    """Read and compile a taxonomy YAML file."""
    with Path(path).open(encoding="utf-8") as fh:
        return compile_taxonomy(yaml.safe_load(fh))
