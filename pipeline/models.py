"""Records that cross stage boundaries, and their on-disk form.

Every stage reads the files the previous stage wrote in the run directory and writes its own;
these dataclasses are the schema of those files. Column names follow the warehouse: ``*_id`` for
keys, ``*_at`` for timestamps, ``is_*`` for flags.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, TypeVar

from pipeline.tempfiles import temp_path_for

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """One feed in the source registry (``config/sources.yml``)."""

    id: str
    name: str
    feed_url: str
    type: str  # think_tank | news | state_media
    language: str = "en"
    comments: bool = False
    enabled: bool = True
    homepage: str | None = None


@dataclass
class FeedEntry:
    """One item listed by a feed, before its page is fetched."""

    source_id: str
    url: str
    title: str | None = None
    published_at: str | None = None  # ISO 8601, UTC
    authors: list[str] = field(default_factory=list)
    language: str | None = None


@dataclass
class RawPage:
    """A fetched page in the raw store: where its body is and how it was fetched."""

    url: str
    canonical_url: str
    source_ids: list[str]
    status: int
    fetched_at: str
    body_path: str | None  # content-addressed file in the raw store, gzip
    content_sha256: str | None
    content_type: str | None = None
    entry_title: str | None = None
    entry_published_at: str | None = None
    entry_authors: list[str] = field(default_factory=list)
    entry_language: str | None = None
    error: str | None = None  # set when the page could not be fetched
    # False when the body is unchanged since an earlier batch (HTTP 304 or same content hash):
    # later stages skip it, so a re-listed article is not processed twice.
    is_new: bool = True
    response_headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Article:
    """The main text of one page, with its metadata."""

    article_id: str  # sha1 of canonical_url, stable across runs
    url: str
    canonical_url: str
    source_ids: list[str]
    title: str | None
    authors: list[str]
    published_at: str | None
    site_name: str | None
    text: str
    language: str = "und"
    language_confidence: float = 0.0
    word_count: int = 0
    extractor: str = ""
    batch_id: str = ""
    error: str | None = None  # extraction failed: the record is kept with its reason
    extractor_settings: str = ""  # JSON of the options the extractor ran with


@dataclass
class Comment:
    """One reader comment under an article."""

    comment_id: str  # article_id + position
    article_id: str
    position: int
    author: str | None
    published_at: str | None
    text: str
    language: str = "und"
    language_confidence: float = 0.0
    batch_id: str = ""
    parent_id: str | None = None  # the comment this one replies to, when the markup says


@dataclass
class Mention:
    """A mention of an actor (CRINK member or other tracked actor) in a document."""

    doc_id: str  # article_id or comment_id
    doc_kind: str  # article | comment
    article_id: str
    actor: str  # CN RU IR KP, or a non-member code (US, JP, KR, ...)
    is_member: bool
    start: int
    end: int
    surface: str
    sentence: str
    taxonomy_version: str
    batch_id: str = ""


@dataclass
class FramingMention:
    """An alliance framing ("natural allies", "Axis of Upheaval", ...) with its stance."""

    doc_id: str
    doc_kind: str
    article_id: str
    framing_id: str
    stance: str  # asserted | distanced | contested
    start: int
    end: int
    surface: str
    sentence: str
    taxonomy_version: str
    batch_id: str = ""


@dataclass
class DyadMention:
    """Two members named in one sentence, with the relation the sentence expresses."""

    doc_id: str
    doc_kind: str
    article_id: str
    member_a: str  # member_a < member_b
    member_b: str
    relation: str  # cooperation | friction | neutral
    sentence: str
    sentence_start: int
    taxonomy_version: str
    batch_id: str = ""


@dataclass
class Alert:
    """A data-quality or feed-health problem someone on call must hear about."""

    alert_id: str
    raised_at: str  # ISO 8601, UTC
    origin: str  # validation | feed_health | pipeline
    suite: str  # GX suite name, or the check family (e.g. "feed_health")
    check: str  # expectation type or check name (e.g. "consecutive_failures")
    severity: str  # critical | warning
    observed: str  # the observed value, as text
    batch_id: str = ""
    subject: str = ""  # what failed: a table, a source id, a URL
    details: str = ""
    docs_url: str | None = None  # link to the Data Docs page of the validation


def to_dicts(records: Iterable[Any]) -> list[dict[str, Any]]:
    """Turn dataclass records into plain dicts (for JSONL, Parquet or DataFrames)."""
    return [dataclasses.asdict(r) for r in records]


def from_dict(cls: type[T], row: dict[str, Any]) -> T:
    """Build a record from a dict, ignoring columns the dataclass does not know."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in row.items() if k in names})


def write_jsonl(path: Path, records: Iterable[Any]) -> int:
    """Write records (dataclasses or dicts) as JSON Lines atomically; return the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path_for(path)
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for r in records:
            row = dataclasses.asdict(r) if dataclasses.is_dataclass(r) else r
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


class DamagedFile(ValueError):
    """A stage or state file cannot be parsed; the message names the file and the line."""


def read_jsonl(path: Path, cls: type[T] | None = None) -> Iterator[Any]:
    """Read JSON Lines, as dicts or as ``cls`` records."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise DamagedFile(f"{path}, line {number}: not valid JSON ({exc})") from exc
                yield from_dict(cls, row) if cls else row


def write_parquet(path: Path, records: Iterable[Any], cls: type | None = None) -> int:
    """Write records as a Parquet file atomically; return the row count.

    ``cls`` fixes the column types from the dataclass, so an empty or all-null column still gets
    the right schema.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = to_dicts(records)
    path.parent.mkdir(parents=True, exist_ok=True)
    if cls is not None:
        table = pa.Table.from_pylist(rows, schema=_empty_schema(cls))
    elif rows:
        table = pa.Table.from_pylist(rows)
    else:
        raise ValueError(f"no records and no record class for {path}")
    tmp = temp_path_for(path)
    pq.write_table(table, tmp)
    tmp.replace(path)
    return table.num_rows


def read_parquet(path: Path, cls: type[T]) -> list[T]:
    """Read a stage's Parquet file back into records."""
    import pyarrow.parquet as pq

    return [from_dict(cls, row) for row in pq.read_table(path).to_pylist()]


def _empty_schema(cls: type) -> Any:
    import typing

    import pyarrow as pa

    hints = typing.get_type_hints(cls)
    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    fields = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        base = args[0] if args and typing.get_origin(hint) is not list else hint
        if typing.get_origin(base) is list or typing.get_origin(hint) is list:
            fields.append(pa.field(f.name, pa.list_(pa.string())))
        else:
            fields.append(pa.field(f.name, kinds.get(base, pa.string())))
    return pa.schema(fields)
