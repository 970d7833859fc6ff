"""The overview's journey "vs week before" is the previous week cut in the zone, as the themes CSV cuts it.

Los Angeles left summer time on 1 November 2026: the week before 2-8 November is 169 hours
long. The panel took the 168 hours before its week, so a review written at 00:30 on Monday
26 October fell out of the week before there, while `themes-<brand>-2026-W45.csv` counted it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from models import crud
from models.crud.journey_stats import theme_weeks
from models.crud.journeys import save_journeys
from models.db import init_db
from models.tables import Review
from reporting.themes import previous_week_start
from reporting.weeks import parse_week
from umot.web.journey_view import journey_panel

LA = ZoneInfo("America/Los_Angeles")
WRITTEN = {"d1": datetime(2026, 10, 26, 0, 30, tzinfo=LA),  # Monday 00:30 of W44, summer time
           "d2": datetime(2026, 11, 8, 12, 0, tzinfo=LA)}  # Sunday of W45, winter time


def test_the_week_before_is_cut_in_the_zone_across_a_dst_change(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        brand = crud.get_or_create_brand(session, "Dst")
        crud.upsert_reviews(session, [{"source": "import", "external_id": ext, "text": "Late and crushed.",
                                       "published_at": when} for ext, when in WRITTEN.items()], brand_id=brand.id)
        ids = list(session.exec(select(Review.id)))
        save_journeys(session, [{"review_id": rid, "model_version": "v1", "themes": {"delivery": "negative"},
                                 "stages": ["use"], "primary_stage": "use"} for rid in ids])
        session.commit()
        panel = journey_panel(session, brand, LA)
        start, end = parse_week("2026-W45").bounds(LA)
        [delivery] = theme_weeks(session, int(brand.id or 0), start, end, before=previous_week_start("2026-W45", LA))
    assert (panel.first.isoformat(), panel.last.isoformat()) == ("2026-11-02", "2026-11-08")
    [use] = [stage for stage in panel.stages if stage.stage == "use"]
    assert (use.texts, use.previous_texts) == (1, 1)
    assert delivery.previous_mentions == use.previous_texts  # as the themes CSV's change counts it
