"""Tag JSON Lines: the stable contract behind `crinkwatch tag`, one output line per input line."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.tagger import tag_text


def tag_record(record: dict[str, Any], lexicon: Lexicon) -> dict[str, Any]:
    """The contract's output for one ``{"id", "text"[, "lang"]}`` record."""
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    lang = record.get("lang")
    if not lang:
        from pipeline.language import detect_language

        lang, _ = detect_language(text)
    result = tag_text(text, lang, lexicon)
    return {
        "id": record.get("id"),
        "lang": lang,
        "members": result.member_codes(lexicon),
        "framings": [{"id": s.label, "stance": stance, "start": s.start, "end": s.end, "text": s.surface}
                     for s, stance in result.framings],
        "dyads": [{"pair": [d.a, d.b], "relation": d.relation, "sentence": result.sentence(d.sentence_index, text)}
                  for d in result.dyads],
    }


def tag_lines(lines: Iterable[str], lexicon: Lexicon) -> Iterator[str]:
    """One JSON line out per non-blank line in, in order; a bad line yields an ``error`` line."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record_id = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("expected a JSON object")
            record_id = record.get("id")
            out = tag_record(record, lexicon)
        except (ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
            out = {"id": record_id, "lang": None, "members": [], "framings": [], "dyads": [],
                   "error": f"line {n}: {exc}"}
        yield json.dumps(out, ensure_ascii=False)
