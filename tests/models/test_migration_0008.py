"""Migration 0008 (a brand's webhook backlog on its row): stored brands survive it both ways."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from models.db import create_engine_for
from models.migrate import alembic_config, current_revision, upgrade


def _columns(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("brand")}
    finally:
        engine.dispose()


def test_the_backlog_columns_are_added_and_dropped_keeping_the_brands(empty_url: str) -> None:
    upgrade(empty_url, "0007")
    engine = create_engine_for(empty_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (name, webhook_url, created_at) VALUES ('Acme', 'https://h.example/x', "
                          "CURRENT_TIMESTAMP)"))
    engine.dispose()
    assert upgrade(empty_url, "0008") == "0008"
    assert {"webhook_seen_flag_id", "webhook_unsent"} <= _columns(empty_url)
    engine = create_engine_for(empty_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, webhook_url, webhook_unsent FROM brand")).all() == [
            ("Acme", "https://h.example/x", None)]
    engine.dispose()
    cfg = alembic_config(empty_url)
    engine = create_engine_for(empty_url, migrating=True)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.commit()
    engine.dispose()
    assert current_revision(empty_url) == "0007"
    assert not {"webhook_seen_flag_id", "webhook_unsent"} & _columns(empty_url)
