"""The source registry: which feeds to read, loaded from a versioned YAML file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from pipeline.models import Source
from pipeline.yamlio import load_yaml

SOURCE_TYPES = ("think_tank", "news", "state_media")
# Source ids name folders under a batch and rows in the warehouse: nothing that could leave a folder.
SOURCE_ID = re.compile(r"[a-z0-9_]+")


class SourceConfigError(ValueError):
    """The sources file is malformed; the message names the entry and the field."""


def parse_sources(data: dict[str, Any], substitutions: dict[str, str] | None = None) -> list[Source]:
    """Build Source records from the parsed YAML mapping, checking required keys and types.

    ``substitutions`` replaces ``{{KEY}}`` placeholders in feed URLs (the demo site uses
    ``{{BASE}}`` for the address of its local server).
    """
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise SourceConfigError("sources file must have a top-level 'sources:' list")
    seen: set[str] = set()
    out: list[Source] = []
    for i, raw in enumerate(data["sources"]):
        where = f"sources[{i}]"
        if not isinstance(raw, dict):
            raise SourceConfigError(f"{where}: expected a mapping, got {type(raw).__name__}")
        for key in ("id", "name", "feed_url", "type"):
            if isinstance(raw.get(key), bool):  # YAML reads a bare `off`, `no` or `yes` as a boolean
                raise SourceConfigError(f"{where}: '{key}' must be text; quote the value")
            if not raw.get(key):
                raise SourceConfigError(f"{where}: missing required key '{key}'")
        for key in ("comments", "enabled"):
            if key in raw and not isinstance(raw[key], bool):
                raise SourceConfigError(f"{where} ({raw['id']}): '{key}' must be true or false")
        if not is_source_id(raw["id"]):
            raise SourceConfigError(f"{where}: source id {str(raw['id'])!r} must be lower-case letters, "
                                    "digits and underscores only (e.g. pacific_forum)")
        if raw["type"] not in SOURCE_TYPES:
            raise SourceConfigError(f"{where} ({raw['id']}): type must be one of {SOURCE_TYPES}")
        if raw["id"] in seen:
            raise SourceConfigError(f"{where}: duplicate source id '{raw['id']}'")
        seen.add(raw["id"])
        feed_url = str(raw["feed_url"])
        for key, value in (substitutions or {}).items():
            feed_url = feed_url.replace("{{" + key + "}}", value)
        out.append(
            Source(
                id=str(raw["id"]),
                name=str(raw["name"]),
                feed_url=feed_url,
                type=str(raw["type"]),
                language=str(raw.get("language", "en")),
                comments=bool(raw.get("comments", False)),
                enabled=bool(raw.get("enabled", True)),
                homepage=raw.get("homepage"),
            )
        )
    return out


def is_source_id(value: object) -> bool:
    """Whether ``value`` is a valid source id (``^[a-z0-9_]+$``)."""
    return isinstance(value, str) and SOURCE_ID.fullmatch(value) is not None


def load_sources(path: Path, substitutions: dict[str, str] | None = None) -> list[Source]:
    """Read a sources YAML file; see :func:`parse_sources`. Any problem, a missing or unreadable
    file included, is a SourceConfigError naming the file."""
    try:
        with Path(path).open(encoding="utf-8") as fh:
            return parse_sources(load_yaml(fh), substitutions)
    except SourceConfigError as exc:
        raise SourceConfigError(f"{path}: {exc}") from exc
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        reason = " ".join(str(exc).split())
        raise SourceConfigError(f"{path}: cannot read the sources file ({reason})") from exc


def enabled_sources(sources: list[Source]) -> list[Source]:
    """The sources a run should fetch."""
    return [s for s in sources if s.enabled]
