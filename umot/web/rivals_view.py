"""What the overview and benchmark pages show of replies and rivals, computed with the export's code.

The figures are those of the weekly export (``reporting.summary`` and
``reporting.benchmark``), and the benchmark page shows the export's default week
(the last complete ISO week in ``UMOT_TIMEZONE``, ``reporting.weeks.last_complete_week``),
so the page and that week's ``benchmark-<brand>-<week>.csv`` never disagree; a week in
progress would show its first review or two as the brand's figures. Rivals appear
only as aggregates: a viewer of a brand sees its rivals' weekly figures,
never a rival's review, unless the viewer belongs to that rival too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session, col

from models.crud.competitors import competitors_of
from models.status import FlagStatus
from models.stored import stored_id
from models.tables import Brand, Review
from reporting.benchmark import BENCHMARK_METRICS, benchmark_table
from reporting.data import load_reviews
from reporting.rival_themes import theme_benchmark_rows
from reporting.summary import reply_figures, weekly_stats
from reporting.weeks import IsoWeek, last_complete_week
from umot.web.templating import export_zone

WEEKS = 12
WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 220, 36, 22, 12
COLORS = ("#18202e", "#d6785b", "#5b9bd6", "#7bb36a", "#b46ad6", "#d6b85b")


@dataclass
class Line:
    name: str
    points: str  # SVG polyline points of the weeks that have a value
    color: str
    brand: bool


@dataclass
class BenchmarkView:
    week: str
    rows: list[dict[str, Any]]
    metrics: dict[str, str]
    lines: list[Line]
    labels: list[tuple[float, str]]  # (x, week) along the axis
    ticks: list[tuple[float, str]]  # (y, score)
    rivals: list[Brand]
    themes: list[list[object]]  # reporting.rival_themes rows: where the brand does worse or better


def _newest_week(db: Session, brand_ids: list[int], zone: Any) -> IsoWeek:
    newest = db.execute(
        select(func.max(func.coalesce(Review.published_at, Review.first_seen_at))).where(col(Review.brand_id).in_(brand_ids))
    ).scalar_one()
    if newest is None:
        return IsoWeek.of(datetime.now(UTC).astimezone(zone).date())
    stamp = pd.Timestamp(newest)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    return IsoWeek.of(stamp.tz_convert(zone).date())


def _stats(db: Session, ids: list[int], last: IsoWeek, zone: Any) -> tuple[pd.DataFrame, list[IsoWeek]]:
    weeks = [last.shift(-n) for n in range(WEEKS - 1, -1, -1)]
    start, _ = weeks[0].bounds(zone)
    _, end = weeks[-1].bounds(zone)
    return weekly_stats(load_reviews(db, ids, start, end), ids, weeks, zone, rounded=False), weeks  # benchmark rounds once


def reply_summary(db: Session, brand: Brand, zone: ZoneInfo) -> dict[str, Any]:
    """Reply rate on detractors and median hours to reply, over the overview's 12 weeks in ``zone``."""
    brand_id = stored_id(brand)
    last = _newest_week(db, [brand_id], zone)
    start, _ = last.shift(-(WEEKS - 1)).bounds(zone)
    _, end = last.bounds(zone)
    frame = load_reviews(db, [brand_id], start, end)
    flagged = frame["flag_status"].notna() & (frame["flag_status"] != FlagStatus.dismissed)
    figures = reply_figures(frame, flagged) if len(frame) else {}
    clean = {k: (None if pd.isna(v) else v) for k, v in figures.items()}
    return {
        "reply_rate": clean.get("reply_rate"),
        "median_reply_hours": clean.get("median_reply_hours"),
        "answered": int((frame["replied"] & flagged).sum()) if len(frame) else 0,
        "detractors": int(flagged.sum()),
        "rivals": competitors_of(db, brand_id),
    }


def benchmark_view(db: Session, brand: Brand, week: IsoWeek | None = None) -> BenchmarkView:
    """The brand beside its rivals in ``week`` (by default the export's: the last complete one), and
    the 12 weeks of NPS-style score up to it."""
    zone = export_zone()
    brand_id = stored_id(brand)
    rivals = competitors_of(db, brand_id)
    rival_ids = [stored_id(r) for r in rivals]
    ids = [brand_id, *rival_ids]
    names = {brand_id: brand.name} | {stored_id(r): r.name for r in rivals}
    stats, weeks = _stats(db, ids, week or last_complete_week(zone), zone)
    table = benchmark_table(stats, brand_id, rival_ids, names, weeks[-1])
    rows = [{k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in r.items()} for r in table.to_dict("records")]
    slot = (WIDTH - PAD_LEFT) / len(weeks)
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    y_of = lambda score: PAD_TOP + plot_h * (100 - score) / 200  # noqa: E731
    lines = []
    for i, member in enumerate(ids):
        nps = stats.xs(member, level="brand_id").reindex([str(w) for w in weeks])["nps"]
        points = " ".join(
            f"{PAD_LEFT + slot * (k + 0.5):.1f},{y_of(v):.1f}" for k, v in enumerate(nps) if not pd.isna(v)
        )
        lines.append(Line(names[member], points, COLORS[i % len(COLORS)], member == brand_id))
    return BenchmarkView(
        week=str(weeks[-1]), rows=rows, metrics=BENCHMARK_METRICS, lines=lines,
        labels=[(PAD_LEFT + slot * (k + 0.5), str(w)[5:]) for k, w in enumerate(weeks)],
        ticks=[(y_of(v), f"{v:+d}" if v else "0") for v in (100, 50, 0, -50, -100)],
        rivals=rivals,
        themes=theme_benchmark_rows(db, brand_id, rival_ids, str(weeks[-1]), *weeks[-1].bounds(zone), zone=zone)
        if rivals else [],
    )
