"""``benchmark-themes-<brand>-<week>.csv``: the themes where a brand does worse or better than its rivals.

Per theme (from the theme readings, ``models.crud.journey_stats``): the share
of the brand's mentions that are negative against the rivals' pooled share, the
gap in points (positive = the brand does worse), and how the gap moved since the
previous ISO week (cut in the same timezone: 167 or 169 hours across a DST change).
Themes the brand or its rivals did not mention this week have no gap and are left out.
Shares are rounded once (half up, :mod:`reporting.rounding`), for the CSV: the gap and its change come from unrounded shares.
Aggregates only: no rival review is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models.crud.journey_stats import theme_weeks
from reporting.files import write_csv
from reporting.rounding import round_half_up
from reporting.themes import previous_week_start

#: A gap within this many points reads "on par".
PAR_POINTS = 5.0
THEME_BENCHMARK_COLUMNS: dict[str, str] = {
    "week": "ISO week",
    "theme": "theme name",
    "brand_mentions": "the brand's reviews of the week that speak of it",
    "brand_negative_pct": "% of those mentions that are negative",
    "rivals_mentions": "the rivals' mentions, pooled",
    "rivals_negative_pct": "% of the rivals' mentions that are negative",
    "gap_pts": "brand_negative_pct minus rivals_negative_pct (positive: the brand does worse)",
    "verdict": f"worse / better / on par (within {PAR_POINTS:g} points)",
    "gap_change_pts": "gap_pts minus last week's (empty: no gap last week)",
}


def _negatives(session: Session, brand_ids: Sequence[int], start: datetime, end: datetime) -> dict[str, list[int]]:
    """Theme -> [mentions, negative mentions] pooled over ``brand_ids``."""
    pooled: dict[str, list[int]] = {}
    for brand_id in brand_ids:
        for week in theme_weeks(session, brand_id, start, end, previous=False):  # the week before: _gaps's own
            counts = pooled.setdefault(week.theme, [0, 0])
            counts[0] += week.mentions
            counts[1] += week.negative
    return pooled


def _gaps(session: Session, brand_id: int, rival_ids: Sequence[int], start: datetime, end: datetime) -> dict:
    """Theme -> (mentions, % negative, rivals' mentions, rivals' % negative, gap), unrounded."""
    own, rivals = _negatives(session, [brand_id], start, end), _negatives(session, rival_ids, start, end)
    gaps = {}
    for theme in own.keys() & rivals.keys():
        (n, neg), (rn, rneg) = own[theme], rivals[theme]
        if n and rn:
            mine, theirs = 100.0 * neg / n, 100.0 * rneg / rn
            gaps[theme] = (n, mine, rn, theirs, mine - theirs)
    return gaps


def verdict(gap: float) -> str:
    """``gap`` points more negative than the rivals: worse, better, or on par within ``PAR_POINTS``."""
    return "worse" if gap > PAR_POINTS else "better" if gap < -PAR_POINTS else "on par"


def theme_benchmark_rows(
    session: Session, brand_id: int, rival_ids: Sequence[int], week: str, start: datetime, end: datetime,
    *, zone: ZoneInfo | None = None,
) -> list[list[object]]:
    """The CSV's rows, the theme where the brand does worst first.

    ``zone`` is the timezone ``week`` was cut in (default: the configured export timezone).
    """
    now = _gaps(session, brand_id, rival_ids, start, end)
    before = _gaps(session, brand_id, rival_ids, previous_week_start(week, zone), start)
    rows: list[list[object]] = []
    ordered = sorted(now.items(), key=lambda item: (-round_half_up(item[1][4], 1), item[0]))
    for theme, (n, mine, rn, theirs, gap) in ordered:
        change = round_half_up(gap - before[theme][4], 1) if theme in before else None
        shown = round_half_up(gap, 1)
        rows.append([week, theme, n, round_half_up(mine, 1), rn, round_half_up(theirs, 1), shown, verdict(shown), change])
    return rows


def write_theme_benchmark(
    session: Session, brand_id: int, rival_ids: Sequence[int], week: str, start: datetime, end: datetime,
    path: Path, *, excel: bool, zone: ZoneInfo | None = None,
) -> Path:
    rows = theme_benchmark_rows(session, brand_id, rival_ids, week, start, end, zone=zone)
    return write_csv(path, list(THEME_BENCHMARK_COLUMNS), rows, excel=excel)
