"""Migration 0006 (review.edited_at): stored reviews survive it both ways."""

from __future__ import annotations

from sqlalchemy import text

from models.db import create_engine_for
from models.migrate import current_revision, upgrade
from tests.models.migration_steps import columns, downgrade


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
    assert "edited_at" not in columns(empty_url, "review")
    assert upgrade(empty_url, "0006") == "0006"
    assert "edited_at" in columns(empty_url, "review")
    assert _reviews(empty_url) == [("r1", "Good")]
    downgrade(empty_url, "0005")
    assert current_revision(empty_url) == "0005"
    assert "edited_at" not in columns(empty_url, "review")
    assert _reviews(empty_url) == [("r1", "Good")]
