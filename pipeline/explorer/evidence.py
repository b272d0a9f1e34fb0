"""Group evidence rows by document and sentence, and mark the tagged spans (pure functions)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sentence:
    """One sentence and every tag a cell counts in it."""

    text: str
    spans: list[str] = field(default_factory=list)   # surfaces to mark
    tags: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)

    def html(self) -> str:
        """The sentence, HTML-escaped, with every span in ``<mark>``."""
        return mark_spans(self.text, self.spans)


@dataclass
class Document:
    """An article or comment with the sentences the cell counts in it."""

    row: dict[str, Any]
    sentences: list[Sentence] = field(default_factory=list)


def span_ranges(text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Where each span occurs in ``text`` (longer spans win an overlap), in order."""
    marks: list[tuple[int, int]] = []
    for span in sorted(set(s for s in spans if s), key=len, reverse=True):
        start = text.find(span)
        while start >= 0:
            end = start + len(span)
            if not any(a < end and start < b for a, b in marks):
                marks.append((start, end))
            start = text.find(span, end)
    return sorted(marks)


def mark_spans(text: str, spans: list[str]) -> str:
    """``text`` HTML-escaped with each occurrence of each span wrapped in ``<mark>``."""
    out, pos = [], 0
    for a, b in span_ranges(text, spans):
        out.append(html.escape(text[pos:a]) + "<mark>" + html.escape(text[a:b]) + "</mark>")
        pos = b
    return "".join(out) + html.escape(text[pos:])


def group_evidence(records: list[dict[str, Any]]) -> list[Document]:
    """Rows (one per tag) as documents in first-seen order, each with its distinct sentences."""
    docs: dict[tuple[str, str], Document] = {}
    for r in records:
        doc = docs.setdefault((r["doc_kind"], r["doc_id"]), Document(r))
        sentence = next((s for s in doc.sentences if s.text == r["sentence"]), None)
        if sentence is None:
            sentence = Sentence(r["sentence"])
            doc.sentences.append(sentence)
        surface = r.get("surface")
        if surface:  # one span, or the list of a pair's names
            sentence.spans.extend([surface] if isinstance(surface, str) else surface)
        if r.get("tag") and r["tag"] not in sentence.tags:
            sentence.tags.append(r["tag"])
        targets = r.get("target_members") or []
        for target in [targets] if isinstance(targets, str) else targets:
            if target not in sentence.targets:
                sentence.targets.append(target)
    return list(docs.values())
