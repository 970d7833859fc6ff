"""Each brand's top negative themes in the nightly summary: read from the themes stored, not read anew.

The night reads themes first (:mod:`flows.tasks.themes`); the summary then
names what its detractors of the last 7 days were most about. Kept apart
because it is a figure of the report, counted in the store, and needs no
detector.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any


def add_negative_themes(reports: Sequence[Any], now: datetime, *, top: int = 3) -> None:
    """Name each brand's top negative themes among its detractors written in the 7 days before ``now`` (by the
    review's date, as the overview's themes: the week table beside it counts by first seen) in its report.
    ``now`` is when the summary is taken, not when the night started: tonight's detractors, stored (and dated,
    when the site gives no date) during the crawl, were left out of a window that ended at the start."""
    from models.crud.journey_stats import detractor_themes
    from models.db import get_engine, session_scope

    with session_scope(get_engine(), write=False) as session:
        for report in reports:
            found = detractor_themes(session, report.brand_id, now - timedelta(days=7), now + timedelta(minutes=1),
                                     top=top)
            report.negative_themes = [(t.theme, t.mentions) for t in found]
