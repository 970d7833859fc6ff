"""Steps of the one-migration tests (tests/models/test_migration_*.py): a downgrade, and a table's columns.

``models.migrate`` upgrades only (umot never downgrades a store); a test that checks a migration
both ways runs Alembic's downgrade itself, on a migrating engine as ``upgrade`` does.
"""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from models.db import create_engine_for
from models.migrate import alembic_config


def downgrade(url: str, revision: str) -> None:
    """Migrate the store at ``url`` down to ``revision``."""
    cfg = alembic_config(url)
    engine = create_engine_for(url, migrating=True)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()
    engine.dispose()


def columns(url: str, table: str) -> set[str]:
    """The names of ``table``'s columns in the store at ``url``."""
    engine = create_engine_for(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()
