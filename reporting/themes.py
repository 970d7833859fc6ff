"""``themes-<brand>-<week>.csv`` (#18): per theme, how often the week's reviews spoke of it and how.

One row per theme mentioned in the week or the week before: mentions, the shares of
negative and positive mentions, the change in mentions against the week before and
one review that shows it (the triage app's /reviews/<id>).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from models.crud.journey_stats import theme_weeks
from reporting.files import write_csv

THEME_COLUMNS: dict[str, str] = {
    "week": "ISO week, e.g. 2026-W47",
    "brand": "brand name",
    "theme": "theme name (the defaults, or the brand's own from umot.toml)",
    "mentions": "reviews dated in the week that speak of the theme",
    "negative_share": "share of those mentions that are negative (0-1)",
    "positive_share": "share of those mentions that are positive (0-1)",
    "change": "mentions minus the week before's",
    "example_review_id": "a review of the week that speaks of it (the triage app's /reviews/<id>)",
}


def theme_rows(session: Session, brand_id: int, brand: str, week: str, start: datetime, end: datetime) -> list[list]:
    """The CSV's rows, most mentioned theme first."""
    rows = []
    for w in theme_weeks(session, brand_id, start, end):
        values = {"week": week, "brand": brand, "theme": w.theme, "mentions": w.mentions,
                  "negative_share": round(w.negative_share, 4), "positive_share": round(w.positive_share, 4),
                  "change": w.change, "example_review_id": w.example_review_id}
        rows.append([values[c] for c in THEME_COLUMNS])
    return rows


def write_themes_csv(session: Session, brand_id: int, brand: str, week: str, start: datetime, end: datetime,
                     path: Path, *, excel: bool = False) -> Path:
    return write_csv(path, list(THEME_COLUMNS), theme_rows(session, brand_id, brand, week, start, end), excel=excel)


def journey_cells(journey: dict | None) -> dict[str, str | None]:
    """A detractor row's ``themes`` ("delivery (negative); price_value (neutral)") and ``stages`` cells."""
    if not journey:
        return {"themes": None, "stages": None}
    themes = "; ".join(f"{name} ({polarity})" for name, polarity in sorted(journey["themes"].items()))
    return {"themes": themes or None, "stages": "; ".join(journey["stages"]) or None}
