"""Migration 0006 (review.edited_at): stored reviews survive it both ways."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from models.db import create_engine_for
from models.migrate import alembic_config, current_revision, upgrade


def _columns(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("review")}
    finally:
        engine.dispose()


def _reviews(url: str) -> list[tuple[str, str]]:
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT external_id, text FROM review"))]
    finally:
        engine.dispose()


def test_edited_at_is_added_and_dropped_keeping_the_reviews(empty_url: str) -> None:
    upgrade(empty_url, "0005")
    engine = create_engine_for(empty_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (name, created_at) VALUES ('Acme', CURRENT_TIMESTAMP)"))
        conn.execute(text(
            "INSERT INTO review (brand_id, source, external_id, text, first_seen_at, extra) "
            "SELECT id, 'shop', 'r1', 'Good', CURRENT_TIMESTAMP, '{}' FROM brand"))
    engine.dispose()
    assert "edited_at" not in _columns(empty_url)
    assert upgrade(empty_url, "0006") == "0006"
    assert "edited_at" in _columns(empty_url)
    assert _reviews(empty_url) == [("r1", "Good")]
    cfg = alembic_config(empty_url)
    engine = create_engine_for(empty_url, migrating=True)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.commit()
    engine.dispose()
    assert current_revision(empty_url) == "0005"
    assert "edited_at" not in _columns(empty_url)
    assert _reviews(empty_url) == [("r1", "Good")]
