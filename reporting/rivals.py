"""The weekly export's competitor files: ``benchmark-<brand>-<week>.csv``, its 12-week chart and
``benchmark-themes-<brand>-<week>.csv`` (the themes where the brand does worse or better).

Written for each exported brand that has rivals (``umot brands link``); the
rivals' figures come from their own reviews in the store, even when the export
is limited to one brand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session

from models.crud.competitors import competitors_of
from models.stored import stored_id
from models.tables import Brand
from reporting.benchmark import BENCHMARK_COLUMNS, benchmark_table, draw_benchmark_chart
from reporting.data import load_reviews
from reporting.files import write_csv
from reporting.rival_themes import write_theme_benchmark
from reporting.summary import weekly_stats
from reporting.weeks import IsoWeek


def rivals_by_brand(session: Session, brands: Sequence[Brand]) -> dict[int, list[Brand]]:
    """Each brand's rivals (brands without any left out)."""
    found = {stored_id(b): competitors_of(session, stored_id(b)) for b in brands}
    return {brand_id: rivals for brand_id, rivals in found.items() if rivals}


def write_benchmarks(
    session: Session, brands: Sequence[Brand], slugs: Mapping[int, str], weeks: Sequence[IsoWeek],
    zone: ZoneInfo, out_dir: Path, *, excel: bool,
) -> list[Path]:
    """For every brand with rivals: the week's table (last of ``weeks``) and the chart of ``weeks``."""
    rivals = rivals_by_brand(session, brands)
    if not rivals:
        return []
    members = {stored_id(b): b for b in brands} | {stored_id(r): r for rs in rivals.values() for r in rs}
    names = {i: b.name for i, b in members.items()}
    start, _ = weeks[0].bounds(zone)
    _, end = weeks[-1].bounds(zone)
    stats = weekly_stats(load_reviews(session, list(members), start, end), list(members), weeks, zone,
                         rounded=False)  # benchmark_table rounds each figure and change once
    week = weeks[-1]
    written = []
    for brand_id, brand_rivals in rivals.items():
        ids = [stored_id(r) for r in brand_rivals]
        table = benchmark_table(stats, brand_id, ids, names, week)
        rows = ([None if v != v else v for v in row] for row in table.itertuples(index=False))
        written.append(write_csv(out_dir / f"benchmark-{slugs[brand_id]}-{week}.csv", BENCHMARK_COLUMNS, rows, excel=excel))
        chart = out_dir / f"benchmark-{slugs[brand_id]}-{week}.png"
        written.append(draw_benchmark_chart(stats, brand_id, ids, names, [str(w) for w in weeks], chart))
        themes = out_dir / f"benchmark-themes-{slugs[brand_id]}-{week}.csv"
        written.append(write_theme_benchmark(session, brand_id, ids, str(week), *week.bounds(zone), themes,
                                             excel=excel, zone=zone))
    return written
