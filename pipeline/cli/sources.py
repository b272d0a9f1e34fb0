"""`crinkwatch sources check|status`: is each feed reachable, and how healthy has it been."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import typer
from rich.table import Table

from pipeline.cli.app import app, as_of_option, console, out, parse_as_of_or_exit, text
from pipeline.cli.options import DATA_DIR_OPTION, command_settings
from pipeline.config import DEFAULT_SOURCES
from pipeline.sources import load_sources

sources_app = typer.Typer(help="Check the feeds of the source registry and show their health.\n\n"
                               "Example: crinkwatch sources check --sources config/sources.yml",
                          no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@sources_app.command("check")
def check(
    sources: Path = typer.Option(DEFAULT_SOURCES, "--sources", help="Sources YAML file."),
    all_sources: bool = typer.Option(False, "--all", help="Also check disabled sources."),
    allow_private: list[str] = typer.Option(
        [], "--allow-private", help="Host or IP that may be fetched although it is private/loopback."),
    timeout: float = typer.Option(20.0, "--timeout", help="Read timeout per request, in seconds."),
    retries: int = typer.Option(1, "--retries", help="Retries per feed on 429/5xx/timeouts."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per feed instead of a table."),
) -> None:
    """Fetch every feed once and report its reachability, format and entry count.

    Exits 1 when any checked feed failed; each failure is reported with its reason.

    Example: crinkwatch sources check --sources config/sources.yml --all
    """
    from pipeline.fetch.check import check_sources

    registry = load_sources(sources)
    chosen = registry if all_sources else [s for s in registry if s.enabled]
    settings = command_settings(allow_private=tuple(allow_private) or None, timeout_s=timeout,
                                max_retries=retries)
    results = check_sources(chosen, settings)
    failed = [r for r in results if not r.ok]
    if as_json:
        for r in results:
            typer.echo(json.dumps(dataclasses.asdict(r), ensure_ascii=False))
        raise typer.Exit(code=1 if failed else 0)
    table = Table(title=text(f"Feeds in {sources}"))
    table.add_column("source", no_wrap=True)
    for col in ("ok", "status", "format", "entries", "newest entry", "seconds"):
        table.add_column(col, no_wrap=True)
    table.add_column("reason", overflow="fold")
    for r in results:
        table.add_row(text(r.source_id), text("yes") if r.ok else text("no", "red"),
                      str(r.status or "-"), text(r.format or "-"), str(r.entries),
                      text((r.newest_entry_at or "-")[:10]), f"{r.elapsed_s:.2f}", text(r.reason))
    out.print(table)
    out.print(f"{len(results) - len(failed)} of {len(results)} feeds reachable and parseable")
    if failed:
        raise typer.Exit(code=1)


@sources_app.command("status")
def status(
    sources: Path = typer.Option(DEFAULT_SOURCES, "--sources", help="Sources YAML file."),
    data_dir: Path = DATA_DIR_OPTION,
    failures: int = typer.Option(None, "--failures", help="Alert after this many failed runs in a row."),
    silence_days: float = typer.Option(None, "--silence-days", help="Alert after this many days without entries."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per feed instead of a table."),
    as_of: str = as_of_option(),
) -> None:
    """Show each feed's health: last success, failures in a row, entries, newest entry, alerts.

    Exits 1 when any enabled feed is past the failure or silence threshold.

    Example: crinkwatch sources status --sources config/sources.yml --data-dir data --failures 3
    """
    from pipeline.fetch.failures import failed_pages_by_source
    from pipeline.fetch.health import HealthThresholds, feed_status
    from pipeline.fetch.state import FetchState

    registry = load_sources(sources)
    settings = command_settings(data_dir, feed_failure_threshold=failures,
                                feed_silence_days=silence_days, as_of=parse_as_of_or_exit(as_of))
    state_file = settings.paths.fetch_state
    if not state_file.exists():
        console.print(text(f"no fetch state at {state_file}; run `crinkwatch run` first", "yellow"))
    with FetchState(state_file if state_file.exists() else ":memory:") as state:
        rows = feed_status(state.all_feed_health(), [s.id for s in registry],
                           {s.id for s in registry if s.enabled},
                           HealthThresholds(settings.feed_failure_threshold, settings.feed_silence_days),
                           settings.now())
        failed_pages = failed_pages_by_source(state)
        pending = state.pending_pages()
    alerting = any(r.alerts for r in rows)
    if as_json:
        for r in rows:
            typer.echo(json.dumps({**dataclasses.asdict(r.health), "enabled": r.enabled,
                                   "silent_days": r.silent_days,
                                   "alerts": [dataclasses.asdict(a) for a in r.alerts],
                                   "failed_pages": [dataclasses.asdict(f)
                                                    for f in failed_pages.get(r.source_id, [])]},
                                  ensure_ascii=False))
        raise typer.Exit(code=1 if alerting else 0)
    table = Table(title="Feed health")
    for col in ("source", "enabled", "last success", "failures in a row", "entries",
                "newest entry", "silent days", "alert", "last error"):
        table.add_column(col)
    for r in rows:
        h = r.health
        alert = ", ".join(f"{a.severity}: {a.check}" for a in r.alerts)
        table.add_row(text(r.source_id), "yes" if r.enabled else "no", text((h.last_success_at or "never")[:19]),
                      str(h.consecutive_failures), str(h.entries_seen), text((h.newest_entry_at or "-")[:10]),
                      "-" if r.silent_days is None else f"{r.silent_days:.1f}",
                      text(alert, "red"), text((h.last_error or "")[:80]))
    out.print(table)
    _print_failed_pages(failed_pages)
    if pending:
        oldest = min(r["queued_at"] for r in pending)[:19]
        out.print(text(f"{len(pending)} page(s) fetched but not yet loaded (since {oldest}); "
                       "the next run carries them"))
    if alerting:
        raise typer.Exit(code=1)


def _print_failed_pages(by_source) -> None:
    """The pages that failed and when each is tried again (they are not fetched until then)."""
    if not by_source:
        return
    table = Table(title="Pages waiting for a retry")
    for col in ("source", "url", "failures", "last error", "next attempt"):
        table.add_column(col, overflow="fold")
    for source_id, failures in by_source.items():
        for f in failures:
            table.add_row(text(source_id), text(f.canonical_url), str(f.failures),
                          text((f.last_error or "")[:80]), f.next_attempt_at[:19])
    out.print(table)
