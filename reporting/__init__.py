"""Weekly exports: the one place umot writes CSVs and charts for brand teams.

``write_weekly_export`` is used by ``umot export``, the weekly-export flow and
``umot demo``; ``csv_safe`` guards every CSV cell (the triage app's download
too). The writer pulls in pandas and matplotlib, so it is imported on first use
and ``from reporting import csv_safe`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reporting.safety import csv_safe
from reporting.weeks import IsoWeek, WeekError, last_complete_week, parse_week, resolve_timezone

if TYPE_CHECKING:
    from reporting.weekly import ExportError, default_week, write_weekly_export

__all__ = [
    "ExportError",
    "IsoWeek",
    "WeekError",
    "csv_safe",
    "default_week",
    "last_complete_week",
    "parse_week",
    "resolve_timezone",
    "write_weekly_export",
]

_LAZY = {"ExportError", "default_week", "write_weekly_export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from reporting import weekly

        return getattr(weekly, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
