"""Migration 0008 (a brand's webhook backlog on its row): stored brands survive it both ways."""

from __future__ import annotations

from sqlalchemy import text

from models.db import create_engine_for
from models.migrate import current_revision, upgrade
from tests.models.migration_steps import columns, downgrade


def test_the_backlog_columns_are_added_and_dropped_keeping_the_brands(empty_url: str) -> None:
    upgrade(empty_url, "0007")
    engine = create_engine_for(empty_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (name, webhook_url, created_at) VALUES ('Acme', 'https://h.example/x', "
                          "CURRENT_TIMESTAMP)"))
    engine.dispose()
    assert upgrade(empty_url, "0008") == "0008"
    assert {"webhook_seen_flag_id", "webhook_unsent"} <= columns(empty_url, "brand")
    engine = create_engine_for(empty_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, webhook_url, webhook_unsent FROM brand")).all() == [
            ("Acme", "https://h.example/x", None)]
    engine.dispose()
    downgrade(empty_url, "0007")
    assert current_revision(empty_url) == "0007"
    assert not {"webhook_seen_flag_id", "webhook_unsent"} & columns(empty_url, "brand")
