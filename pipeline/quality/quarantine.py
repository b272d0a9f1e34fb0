"""Take rows that broke a row-level expectation out of a batch, keeping each with its reason.

Quarantined rows go to ``quarantine/<stage>.jsonl`` in the batch folder and to the warehouse's
``quarantine`` table; the stage files are rewritten without them, and an article's comments and
tags follow it out, so nothing downstream points at a row that is gone.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.batch import BatchPaths
from pipeline.models import read_jsonl, write_jsonl

# The key that names a row of each table in quarantine.
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "raw_pages": ("url",),
    "articles": ("article_id",),
    "comments": ("comment_id",),
    "mentions": ("doc_id", "start", "taxonomy_version"),
    "framings": ("doc_id", "start", "taxonomy_version"),
    "dyads": ("doc_id", "sentence_start", "member_a", "member_b", "taxonomy_version"),
}


@dataclass
class QuarantinedRow:
    """One rejected row, the checks it broke and the row itself (as JSON)."""

    batch_id: str
    stage: str
    table_name: str
    row_key: str
    checks: list[str]
    reason: str
    row_json: str
    quarantined_at: str


def row_key(table: str, row: dict[str, Any]) -> str:
    """A row's natural key as text."""
    return "|".join(str(row.get(k)) for k in ROW_KEYS[table])


def collect(table: str, stage: str, batch_id: str, frame: pd.DataFrame,
            reasons: dict[str, pd.Series], columns: list[str]) -> list[QuarantinedRow]:
    """One QuarantinedRow per row flagged by any check; ``reasons`` maps check -> (mask, why)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    flagged: dict[int, list[str]] = {}
    for check, mask in reasons.items():
        for i in frame.index[mask.to_numpy()]:
            flagged.setdefault(i, []).append(check)
    out = []
    for i, checks in sorted(flagged.items()):
        row = {c: _plain(frame.at[i, c]) for c in columns if c in frame.columns}
        out.append(QuarantinedRow(batch_id, stage, table, row_key(table, row), checks,
                                  "; ".join(checks), json.dumps(row, ensure_ascii=False, default=str),
                                  now))
    return out


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return value


def write_file(paths: BatchPaths, stage: str, rows: list[QuarantinedRow]) -> Path:
    """Add rows to the stage's quarantine file (one line per table × key; reruns replace)."""
    path = paths.quarantine(stage)
    existing = {(r["table_name"], r["row_key"]): r for r in read_jsonl(path)} if path.exists() else {}
    for r in rows:
        existing[(r.table_name, r.row_key)] = asdict(r)
    write_jsonl(path, existing.values())
    return path


def drop_parquet_rows(path: Path, column: str, values: set[Any]) -> int:
    """Rewrite a stage Parquet file without the rows whose ``column`` is in ``values``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if not values or not Path(path).exists():
        return 0
    table = pq.read_table(path)
    drop = pc.is_in(table[column], value_set=pa.array(sorted(values, key=str), type=table[column].type))
    kept = table.filter(pc.invert(pc.fill_null(drop, False)))
    tmp = Path(path).with_suffix(".parquet.tmp")
    pq.write_table(kept, tmp)
    tmp.replace(path)
    return table.num_rows - kept.num_rows


def drop_parquet_mask(path: Path, keep: pd.Series) -> int:
    """Rewrite a stage Parquet file keeping the rows where ``keep`` is true (same row order)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    kept = table.filter(pa.array(keep.to_numpy(dtype=bool)))
    tmp = Path(path).with_suffix(".parquet.tmp")
    pq.write_table(kept, tmp)
    tmp.replace(path)
    return table.num_rows - kept.num_rows


def drop_dependents(paths: BatchPaths, article_ids: set[str] = frozenset(),
                    comment_ids: set[str] = frozenset()) -> None:
    """Remove the comments and tags hanging off removed articles or comments."""
    if article_ids:
        drop_parquet_rows(paths.comments, "article_id", set(article_ids))
        for tags in (paths.mentions, paths.framings, paths.dyads):
            drop_parquet_rows(tags, "article_id", set(article_ids))
    if comment_ids:
        for tags in (paths.mentions, paths.framings, paths.dyads):
            drop_parquet_rows(tags, "doc_id", set(comment_ids))


def drop_articles(paths: BatchPaths, article_ids: set[str]) -> None:
    """Remove articles and everything hanging off them from the batch's stage files."""
    drop_parquet_rows(paths.articles, "article_id", set(article_ids))
    drop_dependents(paths, article_ids=article_ids)


def drop_raw_pages(paths: BatchPaths, positions: set[int], urls: set[str]) -> None:
    """Rewrite raw_pages.jsonl without the lines at ``positions``, and drop articles from ``urls``.

    Articles exist already only when the raw stage is validated late (e.g. a re-validation).
    """
    rows = list(read_jsonl(paths.raw_pages))
    write_jsonl(paths.raw_pages, [r for i, r in enumerate(rows) if i not in positions])
    if paths.articles.exists() and urls:
        articles = pd.read_parquet(paths.articles, columns=["article_id", "url"])
        drop_articles(paths, set(articles.loc[articles["url"].isin(urls), "article_id"]))
