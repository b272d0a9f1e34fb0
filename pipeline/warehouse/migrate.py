"""Apply the numbered SQL migrations and the view layers to the private warehouse.

Numbered ``sql/migrations`` create the tables once (recorded in ``schema_migrations``); each table
has the one migration that creates it, later ones only alter. ``sql/staging`` views rename and
cast; ``sql/marts`` views are the trend tables, named by grain; ``sql/analyst`` views lead from a
trend cell to its sentences.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

# Applied after the migrations, in this order; each file is an idempotent `create or replace`.
VIEW_LAYERS = ("staging", "marts", "analyst", "views")


class PublishedDatabase(RuntimeError):
    """Something tried to migrate or load the analysts' copy instead of the private warehouse."""


def migration_files(sql_dir: Path) -> list[Path]:
    """The numbered migrations, in the order they apply."""
    return sorted((Path(sql_dir) / "migrations").glob("*.sql"))


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, object]]:
    """(version, applied_at) of every migration recorded in the database (none when unmigrated)."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_name = 'schema_migrations'").fetchone()[0]
    if not exists:
        return []
    return con.execute("select version, applied_at from schema_migrations order by version").fetchall()


def view_files(sql_dir: Path, layer: str) -> list[Path]:
    """The view definitions of one layer (staging, marts, analyst), sorted by name."""
    return sorted((Path(sql_dir) / layer).glob("*.sql"))


def mart_names(sql_dir: Path) -> list[str]:
    """The trend tables: one per file in ``sql/marts``, named like the file."""
    return [p.stem for p in view_files(sql_dir, "marts")]


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Apply pending migrations in order, then (re)create the staging, mart and analyst views.

    Returns the migrations applied now; each runs in its own transaction with its record in
    ``schema_migrations``, so an interrupted migrate resumes where it stopped.
    """
    if con.execute("select count(*) from information_schema.tables where table_name = 'publish_info'").fetchone()[0]:
        raise PublishedDatabase("this is a published analyst database (it has publish_info); the pipeline "
                                "writes its private warehouse (settings.private_db_path) and publishes it")
    _ensure_version_table(con)
    done = {r[0] for r in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for path in migration_files(sql_dir):
        if path.stem in done:
            continue
        con.execute("begin")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_migrations (version) values (?)", [path.stem])
        except Exception as exc:
            con.execute("rollback")
            raise RuntimeError(f"migration {path.name} failed: {exc}") from exc
        con.execute("commit")
        applied.append(path.stem)
    views = [p.read_text(encoding="utf-8") for layer in VIEW_LAYERS for p in view_files(sql_dir, layer)]
    digest = hashlib.sha256("\n".join(views).encode("utf-8")).hexdigest()
    con.execute("create table if not exists schema_views (digest varchar not null)")
    # Re-creating every view costs a load more than the load itself on small batches; only do it
    # when a definition changed (or a migration may have replaced what a view reads).
    if applied or con.execute("select digest from schema_views").fetchall() != [(digest,)]:
        con.execute("begin")
        for sql in views:
            con.execute(sql)
        con.execute("delete from schema_views")
        con.execute("insert into schema_views values (?)", [digest])
        con.execute("commit")
    return applied


def _ensure_version_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "create table if not exists schema_migrations "
        "(version varchar primary key, applied_at timestamptz default current_timestamp)"
    )
