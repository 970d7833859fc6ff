"""``themes-<brand>-<week>.csv`` (#18): per theme, how often the week's reviews spoke of it and how.

One row per theme mentioned in the week or the week before: mentions, the shares of
negative and positive mentions (empty for a theme not mentioned this week: no data, not
zero), the change in mentions against the previous ISO week and one review that shows it
(the triage app's /reviews/<id>). The previous week is cut in the export timezone as the
week itself, so across a DST change it is 167 or 169 hours long, not 168.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models.crud.journey_stats import theme_weeks
from reporting.files import write_csv
from reporting.rounding import round_half_up
from reporting.weeks import parse_week, resolve_timezone

THEME_COLUMNS: dict[str, str] = {
    "week": "ISO week, e.g. 2026-W47",
    "brand": "brand name",
    "theme": "theme name (the defaults, or the brand's own from umot.toml)",
    "mentions": "reviews dated in the week that speak of the theme",
    "negative_share": "share of those mentions that are negative (0-1; empty: no mentions this week)",
    "positive_share": "share of those mentions that are positive (0-1; empty: no mentions this week)",
    "change": "mentions minus the week before's",
    "example_review_id": "a review of the week that speaks of it (the triage app's /reviews/<id>)",
}


def previous_week_start(week: str, zone: ZoneInfo | None = None) -> datetime:
    """Where the ISO week before ``week`` starts in ``zone`` (default: the configured export timezone)."""
    return parse_week(week).shift(-1).bounds(zone if zone is not None else resolve_timezone(None))[0]


def _share(share: float | None) -> float | None:
    return None if share is None else round_half_up(share, 4)


def theme_rows(session: Session, brand_id: int, brand: str, week: str, start: datetime, end: datetime,
               *, zone: ZoneInfo | None = None) -> list[list]:
    """The CSV's rows, most mentioned theme first; ``zone`` is the timezone ``start`` and ``end`` were cut in."""
    rows = []
    for w in theme_weeks(session, brand_id, start, end, before=previous_week_start(week, zone)):
        values = {"week": week, "brand": brand, "theme": w.theme, "mentions": w.mentions,
                  "negative_share": _share(w.negative_share), "positive_share": _share(w.positive_share),
                  "change": w.change, "example_review_id": w.example_review_id}
        rows.append([values[c] for c in THEME_COLUMNS])
    return rows


def write_themes_csv(session: Session, brand_id: int, brand: str, week: str, start: datetime, end: datetime,
                     path: Path, *, excel: bool = False, zone: ZoneInfo | None = None) -> Path:
    rows = theme_rows(session, brand_id, brand, week, start, end, zone=zone)
    return write_csv(path, list(THEME_COLUMNS), rows, excel=excel)


def journey_cells(journey: dict | None) -> dict[str, str | None]:
    """A detractor row's ``themes`` ("delivery (negative); price_value (neutral)") and ``stages`` cells."""
    if not journey:
        return {"themes": None, "stages": None}
    themes = "; ".join(f"{name} ({polarity})" for name, polarity in sorted(journey["themes"].items()))
    return {"themes": themes or None, "stages": "; ".join(journey["stages"]) or None}
