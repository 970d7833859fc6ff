"""What the triage pages show of themes and journey stages (#18): options, chips, the overview panel.

The overview's week is the 7 whole days up to the brand's newest review's day
(as its other charts, so a store that stopped crawling still shows its last
week), compared with the 7 days before. Whole days in the export timezone (so the week
before is 167 or 169 hours long across a DST change, as the themes CSV cuts it), the
zone the queue's date filter cuts days in, so the panel's links carry the week as
the queue's from/to and open what it counts: the week's counted detractors
(status ``counted``), and for a theme those mentioning it negatively.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.crud.journey_stats import detractor_themes, stage_weeks
from models.crud.journey_weeks import StageWeek, ThemeWeek
from models.crud.triage.queue_filter import COUNTED, day_start
from models.stored import stored_id
from models.tables import Brand, Review
from nlp.themes.catalog import DEFAULT_THEME_NAMES, STAGE_NAMES, STAGES

QUOTE_CHARS = 180


def brand_theme_names(brands: list[Brand]) -> dict[str, tuple[str, ...]]:
    """Brand name -> its own themes from umot.toml; a file that does not parse shows none (the CLI says why)."""
    from core.settings import get_settings
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import load_all, themes_of

    try:
        found = load_all(get_settings().config_file)
    except (ThemeDefinitionError, OSError):
        return {}
    return {b.name: tuple(t.name for t in themes_of(found, b.name)) for b in brands}  # any case, as the CLI


def theme_options(brands: list[Brand]) -> tuple[str, ...]:
    """The queue's theme filter: the defaults, then the viewer's brands' own themes."""
    own = sorted({name for names in brand_theme_names(brands).values() for name in names})
    return DEFAULT_THEME_NAMES + tuple(own)


def known_themes(brand: Brand) -> tuple[str, ...]:
    """Themes a triager may add to this brand's reviews."""
    return DEFAULT_THEME_NAMES + brand_theme_names([brand]).get(brand.name, ())


@dataclass
class JourneyPanel:
    """The overview's journey chart and its detractors' top themes for one brand."""

    brand_id: int
    first: date  # the week's first and last day, in zone
    last: date
    stages: list[StageWeek]
    top_themes: list[ThemeWeek]
    most: int  # the busiest stage's texts: the bars' full width
    zone: str = "UTC"

    def queue_url(self, **only: str) -> str:
        """The queue of this week's counted detractors of the brand, narrowed by ``only``."""
        query = {"brand": self.brand_id, "from": self.first.isoformat(), "to": self.last.isoformat(), **only}
        return "/?" + urlencode({**query, "status": COUNTED})

    def stage_url(self, stage: str) -> str:
        return self.queue_url(stage=stage)

    def theme_url(self, theme: str) -> str:
        """The detractors the panel counts for ``theme``: those whose reading of it is negative."""
        return self.queue_url(theme=theme, theme_polarity="negative")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _newest_day(db: Session, brand: Brand, zone: ZoneInfo) -> date:
    newest = db.exec(select(func.max(func.coalesce(Review.published_at, Review.first_seen_at)))
                     .where(col(Review.brand_id) == brand.id)).one()
    if isinstance(newest, str):  # SQLite may return coalesce() of datetimes as text
        newest = datetime.fromisoformat(newest)
    if newest is None:
        return datetime.now(zone).date()
    return (newest if newest.tzinfo else newest.replace(tzinfo=UTC)).astimezone(zone).date()


def journey_panel(db: Session, brand: Brand, zone: ZoneInfo) -> JourneyPanel:
    """The panel's week: whole days in ``zone``, the export timezone the queue's from/to are read in."""
    last = _newest_day(db, brand, zone)
    first = last - timedelta(days=6)
    # (a zone's offset past year 1 or 9999 cannot be applied: such a day is taken as UTC's)
    start = day_start(first, zone) or datetime.combine(first, time.min, tzinfo=UTC)
    end = day_start(last + timedelta(days=1), zone) or datetime.combine(last + timedelta(days=1), time.min, tzinfo=UTC)
    # the week before is whole days in the zone too: 167 or 169 hours across a DST change, as the themes CSV's
    before = day_start(first - timedelta(days=7), zone) or start - timedelta(days=7)
    stages = stage_weeks(db, stored_id(brand), start, end, STAGE_NAMES, before=before)
    top = detractor_themes(db, stored_id(brand), start, end, top=5)
    for theme in top:
        theme.examples = [(rid, _quote(text)) for rid, text in theme.examples]
    return JourneyPanel(stored_id(brand), first, last, stages, top, max([s.texts for s in stages] + [1]), zone.key)


STAGE_MEANINGS = STAGES  # the chart's row titles
