"""The command line's one error layer: an exception from any command becomes one line on stderr
saying what went wrong and where, and exit code 2, instead of a traceback.

Commands raise (or let through) the library's own errors; this module maps each kind to its
message, so no command needs its own try/except for them. An exception nobody expected is still
one line (exit 1) unless ``CRINKWATCH_DEBUG=1`` asks for the traceback.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextvars import ContextVar
from typing import Any, Callable

import typer
from typer.core import TyperGroup

from pipeline.redaction import redact

# The running command's settings, for the messages below (the data folder, the databases).
current_settings: ContextVar[Any] = ContextVar("crinkwatch_settings", default=None)
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


class InputError(ValueError):
    """A value given on the command line is wrong; the message names the option and the value."""


def _one_line(text: str) -> str:
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


def _settings() -> Any:
    return current_settings.get()


def _is_usage_error(exc: BaseException) -> bool:
    # Typer's own copy of click raises these; they carry an exit code and a formatted message.
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _os_error(exc: OSError) -> str:
    if exc.errno is None:
        return _one_line(exc)
    what = {errno.ENOSPC: "disk full", errno.EROFS: "read-only file system",
            errno.EACCES: "permission denied", errno.EPERM: "permission denied",
            errno.ENOENT: "no such file or folder"}.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    where = exc.filename or (getattr(_settings(), "data_dir", None) and f"under {_settings().data_dir}")
    return f"{what}: {where}" if where else what


def _duckdb_error(exc: Exception) -> str:
    import duckdb

    settings = _settings()
    where = f" ({settings.db_path} / {settings.private_db_path})" if settings else ""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, duckdb.CatalogException):
        return f"not a crinkwatch warehouse{where}: {first}"
    if "No space left" in str(exc):
        return f"disk full{where}: {first}"
    return f"database error{where}: {first}"


def _sqlite_error(exc: sqlite3.Error) -> str:
    settings = _settings()
    where = f" {settings.paths.fetch_state}" if settings else ""
    if "disk is full" in str(exc):
        return f"disk full: fetch state{where}"
    if "readonly" in str(exc):
        return f"read-only file system: fetch state{where}"
    return f"fetch state{where} is damaged or unreadable ({exc}); move it aside to start afresh"


def describe(exc: BaseException) -> str | None:
    """The one-line message for an expected kind of error, or None for a bug."""
    import duckdb

    from pipeline.evaluation.corpus import CorpusError
    from pipeline.evaluation.tags import GoldError
    from pipeline.fanout import UnknownSource
    from pipeline.models import DamagedFile
    from pipeline.sources import SourceConfigError
    from pipeline.tagging.lexicon import TaxonomyError
    from pipeline.warehouse.connection import WarehouseBusy, WarehouseMissing, WarehouseUnreadable
    from pipeline.warehouse.migrate import PublishedDatabase
    from pipeline.warehouse.publish import PublishFailed

    own = (InputError, SourceConfigError, TaxonomyError, GoldError, CorpusError, UnknownSource,
           WarehouseBusy, WarehouseMissing, WarehouseUnreadable, PublishedDatabase, DamagedFile)
    handlers: list[tuple[type | tuple[type, ...], Callable[[Any], str]]] = [
        (own, lambda e: _one_line(e.args[0] if isinstance(e, KeyError) and e.args else e)),
        (PublishFailed, lambda e: "not published: " + _one_line(e)),
        (OSError, _os_error),
        (duckdb.Error, _duckdb_error),
        (sqlite3.Error, _sqlite_error),
    ]
    for kinds, message in handlers:
        if isinstance(exc, kinds):
            return message(exc)
    if _is_usage_error(exc):
        return _one_line(exc.format_message()) + " (see --help)" if exc.format_message() else ""
    return None


def report_error(exc: Exception) -> int:
    """Print ``exc`` as one line on stderr and return the exit code for it."""
    message = describe(exc)
    if message is None:
        if os.environ.get("CRINKWATCH_DEBUG"):
            raise exc
        message = (f"internal error: {type(exc).__name__}: {_one_line(exc)} "
                   "(set CRINKWATCH_DEBUG=1 for the traceback)")
        code = EXIT_INTERNAL
    else:
        code = exc.exit_code if _is_usage_error(exc) else EXIT_BAD_INPUT
    if message:  # empty when the help was printed instead (a command group given no command)
        typer.echo(f"crinkwatch: {redact(message)}", err=True)  # an error may quote a secret URL
    return code


class ErrorMappingGroup(TyperGroup):
    """The root command group: runs a command and maps its exceptions to one-line errors."""

    def invoke(self, ctx: Any) -> Any:
        token = current_settings.set(None)
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the one place errors become messages
            raise typer.Exit(report_error(exc)) from None
        finally:
            current_settings.reset(token)
