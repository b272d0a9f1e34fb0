"""Tag JSON Lines: the stable contract behind `crinkwatch tag`, one output line per input line.

Every input line, blank ones included, gets exactly one output line, in order; a line that cannot
be tagged gets an ``error`` line and the next line is tagged as usual. Output is strict JSON
(no NaN or Infinity) and always encodable, whatever the input held.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from pipeline.tagging.lexicon import Lexicon
from pipeline.tagging.tagger import tag_text


class RecordError(ValueError):
    """An input line is not a record the tagger can take; the message says why."""

    def __init__(self, message: str, record_id: Any = None) -> None:
        super().__init__(message)
        self.record_id = record_id  # echoed on the error line when it is a clean string


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _reject_constant(name: str) -> Any:
    raise RecordError(f"{name} is not valid JSON")


def parse_record(line: str) -> dict[str, Any]:
    """The record of one input line, checked: an object with a string text, id and lang."""
    try:
        record = json.loads(line, parse_constant=_reject_constant)
    except RecursionError:
        raise RecordError("nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise RecordError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise RecordError("expected a JSON object")
    record_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError("'text' must be a string", record_id)
    for key in ("id", "lang"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"'{key}' must be a string", record_id)
    for key in ("id", "lang", "text"):
        if isinstance(record.get(key), str) and _has_lone_surrogate(record[key]):
            raise RecordError(f"'{key}' holds a lone surrogate (not valid Unicode)", record_id)
    return record


def tag_record(record: dict[str, Any], lexicon: Lexicon) -> dict[str, Any]:
    """The contract's output for one ``{"id", "text"[, "lang"]}`` record."""
    text = record["text"]
    lang = record.get("lang")
    if not lang:
        from pipeline.language import detect_language

        lang, _ = detect_language(text)
    result = tag_text(text, lang, lexicon)
    return {
        "id": record.get("id"),
        "lang": lang,
        "members": result.member_codes(lexicon),
        "framings": [{"id": f.label, "stance": f.stance, "target": list(f.target), "start": f.start,
                      "end": f.end, "text": f.surface} for f in result.framings],
        "dyads": [{"pair": [d.a, d.b], "relation": d.relation, "confidence": d.confidence,
                   "sentence": result.sentence(d.sentence_index, text)} for d in result.dyads],
    }


def _error_line(n: int, record_id: Any, message: str) -> str:
    safe_id = record_id if isinstance(record_id, str) and not _has_lone_surrogate(record_id) else None
    return json.dumps({"id": safe_id, "lang": None, "members": [], "framings": [], "dyads": [],
                       "error": f"line {n}: {message}"}, ensure_ascii=False, allow_nan=False)


def tag_lines(lines: Iterable[str], lexicon: Lexicon) -> Iterator[str]:
    """One JSON line out per line in (blank lines give an error line), in order."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            yield _error_line(n, None, "blank line")
            continue
        record_id = None
        try:
            record = parse_record(line)
            record_id = record.get("id")
            yield json.dumps(tag_record(record, lexicon), ensure_ascii=False, allow_nan=False)
        except (ValueError, TypeError, RecursionError) as exc:  # RecordError is a ValueError
            record_id = getattr(exc, "record_id", record_id)
            yield _error_line(n, record_id, str(exc) or type(exc).__name__)
