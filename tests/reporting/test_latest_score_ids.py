"""reporting.data.newest_score_id: a review's newest score is its sentiment, whatever the model version."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from models.crud import get_or_create_brand, save_scores, upsert_reviews
from models.db import get_engine
from models.tables import Review
from reporting.data import load_reviews, newest_score_id


def test_the_newest_score_of_each_review_counts(db_url: str) -> None:
    when = datetime(2026, 3, 2, 12, tzinfo=UTC)
    with Session(get_engine(db_url)) as session:
        brand = get_or_create_brand(session, "Acme")
        assert brand.id is not None
        a, b, unscored = upsert_reviews(session, [{"source": "t", "external_id": str(n), "text": f"text {n}",
                                                   "published_at": when} for n in range(3)], brand_id=brand.id).new_ids
        score_ids = save_scores(session, [
            {"review_id": a, "model_version": "v2", "label": "negative"},
            {"review_id": b, "model_version": "v1", "label": "positive"},
            {"review_id": a, "model_version": "v1", "label": "positive"},  # an older model, scored later: newest row
        ])
        newest = dict(session.execute(select(Review.id, newest_score_id(Review.id))).all())
        assert newest == {a: score_ids[2], b: score_ids[1], unscored: None}
        frame = load_reviews(session, [brand.id], when.replace(hour=0), when.replace(day=3))
        labels = dict(zip(frame["review_id"], frame["label"]))
        assert labels[a] == "positive" and labels[b] == "positive" and pd.isna(labels[unscored])
