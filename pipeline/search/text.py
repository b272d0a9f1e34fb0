"""Pure text helpers for the search index: CJK bigrams, query terms, highlighted snippets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Han, kana and Hangul: scripts written without spaces between words, where a two-character word
# (中俄, 朝鲜) is common and the trigram index cannot find it.
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
TRIGRAM_MIN_CHARS = 3


def cjk_bigrams(text: str) -> str:
    """Every overlapping pair of CJK characters in ``text``, space-separated (the bigram index's text)."""
    grams: list[str] = []
    for run in CJK_RUN.findall(text):
        grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


@dataclass(frozen=True)
class QueryTerms:
    """A search box's words, sorted by which index can answer each."""

    trigram: tuple[str, ...]   # 3+ characters: the trigram index
    bigram: tuple[str, ...]    # exactly two CJK characters: the bigram index
    scan: tuple[str, ...]      # one character: a substring scan of the candidates

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.trigram, *self.bigram, *self.scan)


def parse_query(query: str) -> QueryTerms:
    """Split a query on whitespace (``"quoted phrases"`` stay whole) into terms, all required."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', query)]
    terms = [t.strip() for t in terms if t.strip()]
    trigram = tuple(t for t in terms if len(t) >= TRIGRAM_MIN_CHARS)
    short = [t for t in terms if len(t) < TRIGRAM_MIN_CHARS]
    bigram = tuple(t for t in short if len(t) == 2 and CJK_RUN.fullmatch(t))
    scan = tuple(t for t in short if t not in bigram)
    return QueryTerms(trigram, bigram, scan)


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string literal (quotes doubled), so operators in it are not interpreted."""
    return '"' + term.replace('"', '""') + '"'


def snippet_html(text: str, terms: tuple[str, ...], width: int = 90) -> str:
    """An HTML-escaped window of ``text`` around the first term found, every term in ``<mark>``."""
    if not terms:
        return html.escape(text[: 2 * width])
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)),
                         re.IGNORECASE)
    first = pattern.search(text)
    centre = first.start() if first else 0
    start, end = max(0, centre - width), min(len(text), centre + width)
    window = text[start:end]
    parts, pos = [], 0
    for m in pattern.finditer(window):
        parts.append(html.escape(window[pos:m.start()]))
        parts.append(f"<mark>{html.escape(m.group(0))}</mark>")
        pos = m.end()
    parts.append(html.escape(window[pos:]))
    return ("…" if start else "") + "".join(parts) + ("…" if end < len(text) else "")
