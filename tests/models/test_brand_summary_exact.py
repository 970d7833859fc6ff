"""brand_summary's figures are exact: the nightly report rounds once (56/22 reads 2.55, not 2.545 -> 2.54)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from models import crud

RATINGS = [2] * 12 + [3] * 8 + [4] * 2  # 22 rated reviews, 56 stars: 2.5454...


def test_the_average_rating_is_exact_and_the_report_rounds_it_once(session: Session, brand_id: int) -> None:
    from flows.outcomes import BrandReport
    from flows.report_sections import week_table

    crud.upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": "ok", "rating": r}
                                  for i, r in enumerate(RATINGS)], brand_id=brand_id)
    session.commit()
    now = datetime.now(UTC)
    [acme] = crud.brand_summary(session, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert acme["avg_rating"] == pytest.approx(56 / 22, abs=1e-12)
    table = "\n".join(week_table(BrandReport(brand_id=brand_id, brand="Acme", week=acme,
                                             previous_week={"avg_rating": 2.5})))
    assert "| Average rating | 2.55 | 2.50 | +0.05 |" in table
