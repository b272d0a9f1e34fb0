"""`crinkwatch trends` and `crinkwatch evidence`: trend tables and the sentences behind them."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, out, text
from pipeline.cli.errors import InputError
from pipeline.cli.options import DATA_DIR_OPTION, DB_OPTION, command_settings, day_option, limit_option
from pipeline.warehouse.trends import (Filters, Result, attention_by_week, daily_mentions, dyad_cohesion,
                             dyad_evidence, framing_evidence, framing_stance, member_evidence,
                             member_totals, publish_info)


def print_result(result: Result, max_width: int | None = None) -> None:
    """Print a query result as a rich table (a placeholder line when empty)."""
    table = Table(title=result.title)
    for col in result.columns:
        # fold, never ellipsise: a cut-off date or id reads as a different value
        table.add_column(col, overflow="fold",
                         max_width=max_width if col in ("sentence", "title", "url") else None)
    for row in result.rows:
        table.add_row(*(text(v) for v in row))
    out.print(table if result.rows else text(f"{result.title}: no rows", style="dim"))


def print_trends(db: Path, since: str | None = None, daily: bool = False,
                 filters: Filters | None = None) -> None:
    """Print the trend summary: member attention, mentions by source, framings, dyad cohesion."""
    filters = filters or Filters(since=since)
    info = publish_info(db)
    if info:
        out.print(text(f"published {info['published_at']:%Y-%m-%d %H:%M UTC}; days "
                       f"{info['first_day']} … {info['last_day']}; {info['batch_count']} batch(es)",
                       style="dim"))
    print_result(attention_by_week(db, filters))
    print_result(Result("Mentions by member and source",
                        ["member", "source", "mentions", "article-days", "first day", "last day"],
                        member_totals(db, filters)))
    print_result(framing_stance(db, filters))
    print_result(dyad_cohesion(db, filters))
    if daily:
        print_result(Result("Daily mentions", ["day", "member", "source", "mentions", "articles"],
                            daily_mentions(db, filters=filters)))


@app.command()
def trends(
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    since: str = day_option("--since", "Only days from this date."),
    member: str = typer.Option(None, "--member", help="Only this member (CN, RU, IR, KP)."),
    framing: str = typer.Option(None, "--framing", help="Only this framing id (e.g. natural_allies)."),
    source: str = typer.Option(None, "--source", help="Only this source id."),
    daily: bool = typer.Option(False, "--daily", help="Also print the day-by-day rows."),
) -> None:
    """Print the trends: attention per 1,000 articles, mentions by source, framing stance, dyad cohesion.

    Example: crinkwatch trends --db data/warehouse.duckdb --member RU --since 2026-11-01
    """
    db = command_settings(data_dir, db).db_path
    filters = Filters(member=member.upper() if member else None, framing=framing, source=source,
                      since=since)
    print_trends(db, daily=daily, filters=filters)


def _emit(result: Result, fmt: str) -> None:
    if fmt == "json":
        out.print_json(json.dumps(result.records(), default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    else:
        print_result(result, max_width=80)
        out.print(f"{len(result.rows)} row(s)")


@app.command()
def evidence(
    data_dir: Path = DATA_DIR_OPTION,
    db: Path = DB_OPTION,
    day: str = day_option("--day", "The trend cell's day."),
    member: str = typer.Option(None, "--member", help="A member's cell: CN, RU, IR or KP."),
    framing: str = typer.Option(None, "--framing", help="A framing's cell, e.g. natural_allies."),
    pair: str = typer.Option(None, "--pair", help="A dyad's cell, e.g. CN-RU (needs --week)."),
    week: str = day_option("--week", "Any day of the dyad cell's week."),
    source: str = typer.Option(None, "--source", help="Narrow to one source id."),
    kind: str = typer.Option(None, "--kind", help="Narrow to article or comment (member cells)."),
    language: str = typer.Option(None, "--language", help="Narrow to one language (member cells)."),
    stance: str = typer.Option(None, "--stance", help="asserted, distanced or contested (framing cells)."),
    relation: str = typer.Option(None, "--relation", help="cooperation, friction or neutral (dyad cells)."),
    limit: int = limit_option(None, "At most this many sentences."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Print the sentences behind one trend cell (a member, framing or pair on a day or week).

    Example: crinkwatch evidence --db data/warehouse.duckdb --member RU --day 2026-11-20 --source ledger
    """
    if sum(x is not None for x in (member, framing, pair)) != 1:
        raise InputError("name exactly one of --member, --framing or --pair")
    if pair and not week:
        raise InputError("--pair needs --week")
    if (member or framing) and not day:
        raise InputError("--member and --framing need --day")
    if fmt not in ("table", "csv", "json"):
        raise InputError(f"--format: unknown format {fmt!r} (use table, csv or json)")
    db = command_settings(data_dir, db).db_path
    if member:
        result = member_evidence(db, day, member.upper(), source, kind, language, limit)
    elif framing:
        result = framing_evidence(db, day, framing, stance, source, limit)
    else:
        result = dyad_evidence(db, week, pair, relation, limit)
    _emit(result, fmt)
