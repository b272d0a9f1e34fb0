"""Read the text of a document of the shared evaluation corpus by its id.

Real-text labels are kept in the project as document ids and character offsets, never as copied
text; this module turns an id back into the exact text those offsets point into. Ids:

- ``thinktank:<slug>`` — ``corpus/thinktank/brookings-heritage/text/<slug>.txt.gz``
- ``aeb:<id>`` — the ``articleBody`` of ``corpus/scrapinghub-aeb/ground-truth.json``
- ``trafeval:<file>`` — the main text and comments trafilatura extracts from
  ``corpus/trafilatura-eval/html/<file>.gz`` (the pinned trafilatura version makes it reproducible;
  labels also carry a hash of each sentence so a drift is reported, not silently mis-scored)
- ``seed:<file>`` — ``seeds/<file>``, which sits beside ``corpus/``
- ``text:<name>`` — ``<dir>/text/<name>.txt``: a folder of plain UTF-8 texts from outside the shared
  corpus (real published text kept elsewhere; its labels say where each text comes from)
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import lru_cache
from pathlib import Path

DOC_KINDS = ("thinktank", "aeb", "trafeval", "seed", "text")


class CorpusError(LookupError):
    """A document id does not name a readable document of the corpus."""


def read_document(corpus_dir: Path, doc_id: str) -> str:
    """The text of one corpus document, exactly as label offsets index it."""
    kind, _, name = doc_id.partition(":")
    corpus_dir = Path(corpus_dir)
    if kind not in DOC_KINDS or not name or "/" in name or name.startswith("."):
        raise CorpusError(f"not a corpus document id: {doc_id!r} (kinds: {', '.join(DOC_KINDS)})")
    try:
        if kind == "thinktank":
            path = corpus_dir / "thinktank" / "brookings-heritage" / "text" / f"{name}.txt.gz"
            return gzip.decompress(path.read_bytes()).decode("utf-8")
        if kind == "aeb":
            return _aeb_bodies(str(corpus_dir))[name]
        if kind == "trafeval":
            return _trafilatura_text(corpus_dir / "trafilatura-eval" / "html" / f"{name}.gz")
        if kind == "text":
            return (corpus_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        return (corpus_dir.parent / "seeds" / name).read_text(encoding="utf-8")
    except (OSError, KeyError) as exc:
        raise CorpusError(f"{doc_id}: not found under {corpus_dir} ({exc})") from None


def span_digest(text: str) -> str:
    """A short hash of a labelled span, stored with the label to detect a changed document."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=4)
def _aeb_bodies(corpus_dir: str) -> dict[str, str]:
    path = Path(corpus_dir) / "scrapinghub-aeb" / "ground-truth.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in data.items()}


def _trafilatura_text(path: Path) -> str:
    import trafilatura

    text = trafilatura.extract(gzip.decompress(path.read_bytes()), include_comments=True,
                               include_tables=True, deduplicate=False)
    if text is None:
        raise OSError("trafilatura found no text")
    return text
