"""`umot train --from-db` reads the store's reviews in id order.

PostgreSQL returns rows in no set order: an UPDATE writes a new row version at the end of the table, so
after a reply was stored the same seeded run split, sampled (--rows) and cut (--limit) other rows and
trained another model."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from models.crud import get_or_create_brand, upsert_reviews
from models.db import init_db, session_scope
from models.tables import Review
from umot.cli._training_from_store import rated_reviews_from_db

ROWS = [{"source": "s", "external_id": f"r{i}", "text": f"review number {i}", "rating": 1 + i % 5} for i in range(12)]


@pytest.mark.parametrize("store", ["sqlite", "postgresql"])
def test_reviews_come_in_id_order_after_an_update(store: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'umot.db'}" if store == "sqlite" else request.getfixturevalue("pg_database")
    with session_scope(init_db(url)) as session:
        brand = int(get_or_create_brand(session, "Acme").id or 0)
        upsert_reviews(session, ROWS, brand_id=brand)
        ids = list(session.exec(select(Review.id).order_by(col(Review.id))))
    with session_scope(init_db(url)) as session:  # a reply stored: PostgreSQL moves these rows to the end
        session.execute(text("UPDATE review SET reply_text = 'Thanks' WHERE id IN (:a, :b)"), {"a": ids[1], "b": ids[4]})
    texts, stars, _ = rated_reviews_from_db(url, "Acme")
    assert texts == [r["text"] for r in ROWS] and stars == [r["rating"] for r in ROWS]
    assert rated_reviews_from_db(url, None)[0] == texts
