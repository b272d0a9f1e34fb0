"""Build the search index of a published analyst database, and swap it in beside it.

SQLite FTS5 with the trigram tokenizer finds any substring of three or more characters in every
script without a language-specific word splitter, which is what eight languages including Chinese
need. Two-character CJK words (中俄, 朝鲜) are shorter than a trigram, so CJK runs are also indexed
as overlapping bigrams in a second table. The index is a new file renamed over the old one, like
the analyst database, so a reader never sees half an index.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from pathlib import Path

from pipeline.batch import BatchPaths
from pipeline.search.text import cjk_bigrams
from pipeline.warehouse.connection import connect

log = logging.getLogger(__name__)

SCHEMA = """
create table docs (
    rowid integer primary key,
    doc_id text not null, doc_kind text not null, article_id text not null,
    day text, language text, source_ids text, source_types text,
    title text, url text, author text, position integer, content_sha256 text,
    text text not null
);
create virtual table docs_fts using fts5(title, text, content='docs', content_rowid='rowid',
                                         tokenize='trigram');
create virtual table docs_cjk using fts5(grams, content='', tokenize='unicode61');
create index docs_day on docs(day);
"""

# One row per article and comment with what the filters and the result list need.
DOCUMENTS_SQL = """
with article_sources as (
    select article_id, ' ' || string_agg(distinct source_id, ' ') || ' ' as source_ids,
           ' ' || string_agg(distinct source_type, ' ') || ' ' as source_types
    from stg_article_sources group by article_id
)
select d.doc_id, d.doc_kind, d.article_id, cast(d.published_on as varchar) as day, d.language,
       s.source_ids, s.source_types, a.title, a.url,
       c.author, c.position,
       coalesce(c.text, a.text) as text, a.canonical_url, a.batch_id
from stg_documents d
join articles a on a.article_id = d.article_id
left join comments c on d.doc_kind = 'comment' and c.comment_id = d.doc_id
left join article_sources s on s.article_id = d.article_id
"""


def search_index_path(db_path: Path) -> Path:
    """Where the search index of an analyst database lives: beside it, named after it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + ".search.sqlite")


def build_search_index(db_path: Path, out: Path, runs_dir: Path | None = None) -> int:
    """Index every article and comment of ``db_path`` into a new SQLite file ``out``; return the count.

    ``runs_dir`` (the batch folders) lets each article point at its stored page in the raw store.
    """
    out = Path(out)
    out.unlink(missing_ok=True)
    pages = _PageHashes(runs_dir)
    src = connect(db_path, read_only=True)
    dst = sqlite3.connect(out)
    count = 0
    try:
        dst.executescript("pragma journal_mode=off; pragma synchronous=off;" + SCHEMA)
        cur = src.execute(DOCUMENTS_SQL)
        while rows := cur.fetchmany(5000):
            batch = []
            grams = []
            for (doc_id, kind, article_id, day, language, source_ids, source_types, title, url,
                 author, position, text, canonical_url, batch_id) in rows:
                count += 1
                sha = pages.lookup(batch_id, canonical_url) if kind == "article" else None
                batch.append((count, doc_id, kind, article_id, day, language, source_ids,
                              source_types, title if kind == "article" else None, url, author,
                              position, sha, text))
                if bigrams := cjk_bigrams(text if kind == "comment" else f"{title or ''} {text}"):
                    grams.append((count, bigrams))
            dst.executemany("insert into docs values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
            dst.executemany("insert into docs_cjk(rowid, grams) values (?, ?)", grams)
        dst.execute("insert into docs_fts(docs_fts) values ('rebuild')")
        dst.execute("insert into docs_fts(docs_fts) values ('optimize')")
        dst.execute("insert into docs_cjk(docs_cjk) values ('optimize')")
        dst.commit()
    finally:
        dst.close()
        src.close()
    return count


def publish_search_index(db_path: Path, runs_dir: Path | None = None) -> Path:
    """Rebuild the search index of a just-published analyst database and rename it into place."""
    target = search_index_path(db_path)
    for stale in target.parent.glob(f".{target.name}.*.building"):  # left by a killed build
        stale.unlink(missing_ok=True)
    staging = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.building")
    try:
        count = build_search_index(db_path, staging, runs_dir)
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    log.info("search index of %d documents at %s", count, target)
    return target


class _PageHashes:
    """canonical URL → SHA-256 of the stored page, read from each batch's ``raw_pages.jsonl``."""

    def __init__(self, runs_dir: Path | None) -> None:
        self.runs_dir = Path(runs_dir) if runs_dir else None
        self.by_batch: dict[str, dict[str, str]] = {}

    def lookup(self, batch_id: str, canonical_url: str) -> str | None:
        if self.runs_dir is None:
            return None
        if batch_id not in self.by_batch:
            self.by_batch[batch_id] = self._read(BatchPaths.for_batch(self.runs_dir, batch_id).raw_pages)
        return self.by_batch[batch_id].get(canonical_url)

    @staticmethod
    def _read(path: Path) -> dict[str, str]:
        hashes: dict[str, str] = {}
        if not path.exists():
            return hashes
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    page = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if page.get("content_sha256"):
                    hashes[page.get("canonical_url") or page.get("url")] = page["content_sha256"]
        return hashes
