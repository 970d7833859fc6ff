"""What ``umot demo`` exports: the demo brands' week, chosen so that it holds their detractors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from reporting.weeks import IsoWeek


def demo_week(engine: Engine, brands: list[str], now: datetime | None = None) -> IsoWeek:
    """The week the demo exports: this ISO week, or the last complete one when that holds
    more of the demo brands' detractors (early in a week, this one has barely begun: a
    Monday's demo would otherwise write header-only CSVs)."""
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id
    from reporting.detractor_data import count_flagged
    from reporting.weeks import IsoWeek, resolve_timezone

    zone = resolve_timezone()
    this = IsoWeek.of((now or datetime.now(UTC)).astimezone(zone).date())
    last = this.shift(-1)
    with session_scope(engine, write=False) as session:
        ids = [stored_id(b) for name in brands if (b := crud.get_brand(session, name)) is not None]
        flagged = {week: count_flagged(session, *week.bounds(zone), brand_ids=ids) for week in (this, last)}
    return last if flagged[last] > flagged[this] else this


def export_demo_week(brands: list[str]) -> list[Path]:
    """The demo brands' week (see :func:`demo_week`): detractor CSVs, summary and chart, via reporting."""
    from models.db import get_engine
    from reporting import write_weekly_export

    engine = get_engine()
    return write_weekly_export(engine, week=demo_week(engine, brands))
