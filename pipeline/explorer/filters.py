"""The explorer's filters: parsed from a URL's query string, written back into links."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Mapping
from urllib.parse import urlencode

GRAINS = ("week", "day")
DOC_KINDS = ("article", "comment")
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


class BadFilter(ValueError):
    """A filter value the explorer cannot use (one line, shown to the analyst)."""


@dataclass(frozen=True)
class ViewFilters:
    """What a view is narrowed to; None means everything. Lives in the URL so a view can be shared."""

    source: str | None = None
    source_type: str | None = None
    language: str | None = None
    since: str | None = None   # YYYY-MM-DD inclusive
    until: str | None = None   # YYYY-MM-DD inclusive
    grain: str = "week"

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "ViewFilters":
        """Filters from URL parameters; empty values mean no restriction."""
        values = {k: (query.get(k) or "").strip() or None
                  for k in ("source", "source_type", "language", "since", "until")}
        for key in ("source", "source_type", "language"):
            if values[key] and not _ID.match(values[key]):
                raise BadFilter(f"{key} {values[key]!r} is not an id")
        for key in ("since", "until"):
            if values[key]:
                try:
                    date.fromisoformat(values[key])
                except ValueError:
                    raise BadFilter(f"{key} {values[key]!r} is not a date (YYYY-MM-DD)") from None
        grain = (query.get("grain") or "week").strip()
        if grain not in GRAINS:
            raise BadFilter(f"grain {grain!r}: use week or day")
        return cls(**values, grain=grain)

    def params(self, **extra: str | None) -> dict[str, str]:
        """The filters (and ``extra``) as URL parameters, leaving out the empty ones."""
        merged = {**asdict(self), **extra}
        if merged.get("grain") == "week":
            merged.pop("grain")
        return {k: str(v) for k, v in merged.items() if v not in (None, "")}

    def query_string(self, **extra: str | None) -> str:
        """``params`` as a query string (without the ``?``)."""
        return urlencode(self.params(**extra))

    def with_grain(self, grain: str) -> "ViewFilters":
        return replace(self, grain=grain)
