"""The store: SQLModel tables, the database engine and CRUD helpers.

SQLite (WAL) is the embedded default; PostgreSQL by URL. Schema changes go
through the Alembic migrations in ``models/migrations``.

The table classes are importable from here (``from models import Review``) but
load on first use, so that the light modules (``models.status``,
``models.identity``) cost a crawl process no SQLModel import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.tables import Brand, CrawlRun, Flag, FlagEvent, Review, Score, Source, User, UserBrand

__all__ = ["Brand", "CrawlRun", "Flag", "FlagEvent", "Review", "Score", "Source", "User", "UserBrand"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("models.tables"), name)
    raise AttributeError(f"module 'models' has no attribute {name!r}")
