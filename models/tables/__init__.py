"""SQLModel tables: the whole schema, one module per part of the data flow, mirrored by the migrations.

Rows flow crawl -> store -> score -> flag: a ``Review`` is stored once per
(brand, source, external id); each model version adds its own ``Score`` so a new
model re-scores without losing history; a ``Flag`` marks a detractor and carries
its triage state, with every change kept in ``FlagEvent``.

- ``brands``: ``Brand``, ``BrandCompetitor``, ``Source`` (what umot follows);
- ``crawling``: ``CrawlRun``, ``PageState`` (what each crawl did and last read);
- ``reviews``: ``Review``, ``Score``;
- ``themes``: ``ReviewJourney``, ``ReviewTheme``, ``ReviewStage``, ``ThemeCorrection``;
- ``triage``: ``Flag``, ``FlagEvent``;
- ``users``: ``User``, ``UserBrand``, ``LoginThrottle``;
- ``night``: ``ScoreClaim``, ``NightShard`` (a fanned-out nightly run's units).

Importing this package registers every table on ``SQLModel.metadata`` (Alembic
and ``models.db`` rely on it); import the classes from here.
"""

from __future__ import annotations

from models.tables.base import table_of, utcnow
from models.tables.brands import Brand, BrandCompetitor, Source
from models.tables.crawling import CrawlRun, PageState
from models.tables.night import NightShard, ScoreClaim
from models.tables.reviews import Review, Score
from models.tables.themes import ReviewJourney, ReviewStage, ReviewTheme, ThemeCorrection
from models.tables.triage import Flag, FlagEvent
from models.tables.users import LoginThrottle, User, UserBrand

__all__ = [
    "Brand", "BrandCompetitor", "CrawlRun", "Flag", "FlagEvent", "LoginThrottle", "NightShard", "PageState",
    "Review", "ReviewJourney", "ReviewStage", "ReviewTheme", "Score", "ScoreClaim", "Source",
    "ThemeCorrection", "User", "UserBrand", "table_of", "utcnow",
]
