"""A view's rows as CSV or Parquet bytes."""

from __future__ import annotations

import csv
import io

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.warehouse.trends import Result

FORMATS = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):  # e.g. the names marked in a pair's sentence
        return "; ".join(str(v) for v in value)
    return value


def to_csv(result: Result) -> bytes:
    """The rows as UTF-8 CSV with a header line (empty cells for NULL, lists joined by "; ")."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(v) for v in row] for row in result.rows)
    return buf.getvalue().encode("utf-8")


def to_parquet(result: Result) -> bytes:
    """The rows as a Parquet file, column types inferred from the values."""
    columns = {c: [row[i] for row in result.rows] for i, c in enumerate(result.columns)}
    buf = io.BytesIO()
    pq.write_table(pa.table(columns), buf)
    return buf.getvalue()


def export(result: Result, fmt: str) -> bytes:
    """The rows in ``fmt`` (csv or parquet)."""
    return to_csv(result) if fmt == "csv" else to_parquet(result)
