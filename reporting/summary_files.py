"""``summary-<week>.csv`` and ``sentiment-<week>.png``: every exported brand's figures, the week
beside the one before and 12 weeks charted, from one read of their reviews."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models.stored import stored_id
from models.tables import Brand
from reporting.chart import draw_sentiment_chart
from reporting.columns import SUMMARY_COLUMNS
from reporting.data import load_reviews
from reporting.files import write_csv
from reporting.summary import week_over_week, weekly_stats
from reporting.weeks import IsoWeek

CHART_WEEKS = 12


def chart_weeks(week: IsoWeek) -> list[IsoWeek]:
    """The :data:`CHART_WEEKS` weeks that end with ``week``, oldest first (the chart's x axis)."""
    return [week.shift(-n) for n in range(CHART_WEEKS - 1, -1, -1)]


def write_summary_and_chart(
    session: Session, brands: Sequence[Brand], weeks: Sequence[IsoWeek], zone: ZoneInfo, out_dir: Path,
    suffix: str, *, excel: bool,
) -> list[Path]:
    """The summary of the week (last of ``weeks``) and the chart of ``weeks``; ``suffix`` ends both names."""
    week = weeks[-1]
    brand_ids = [stored_id(b) for b in brands]
    _, end = week.bounds(zone)
    first_start, _ = weeks[0].bounds(zone)
    reviews = load_reviews(session, brand_ids, first_start, end)
    stats = weekly_stats(reviews, brand_ids, weeks, zone, rounded=False)  # exact: week_over_week rounds once
    summary = week_over_week(stats, week)
    summary_rows = [
        [str(week), b.name, *(_cell(summary.at[brand_id, c]) for c in list(SUMMARY_COLUMNS)[2:])]
        for b, brand_id in zip(brands, brand_ids)
    ]
    written = [write_csv(out_dir / f"summary-{suffix}.csv", list(SUMMARY_COLUMNS), summary_rows, excel=excel)]
    chart = out_dir / f"sentiment-{suffix}.png"
    names = {brand_id: b.name for b, brand_id in zip(brands, brand_ids)}
    written.append(draw_sentiment_chart(stats, names, [str(w) for w in weeks], chart))
    return written


def _cell(value: object) -> object:
    """NaN -> empty cell; numpy scalars -> plain Python numbers."""
    if value is None or value != value:  # NaN is the only value not equal to itself
        return None
    return value.item() if hasattr(value, "item") else value
