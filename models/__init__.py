"""The store: SQLModel tables, the database engine and CRUD helpers.

SQLite (WAL) is the embedded default; PostgreSQL by URL. Schema changes go
through the Alembic migrations in ``models/migrations``.
"""

from models.tables import (
    Brand,
    CrawlRun,
    Flag,
    FlagEvent,
    Review,
    Score,
    Source,
    User,
    UserBrand,
)

__all__ = [
    "Brand",
    "CrawlRun",
    "Flag",
    "FlagEvent",
    "Review",
    "Score",
    "Source",
    "User",
    "UserBrand",
]
