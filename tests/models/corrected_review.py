"""The review the theme-correction tests correct: one text, stored with the themes a test's reading gives it.

tests/models/test_undone_theme_corrections.py and test_repolarised_theme_corrections.py both start here.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models import crud
from models.crud.journeys import save_journeys
from models.tables import Review

#: The brand themes a correction may name.
KNOWN = ("price_value", "delivery")
TEXT = "Delivery was late and it cost too much"


def stored_review(session: Session, brand_id: int, themes: dict[str, str]) -> int:
    """Store (or store again) review r1 of ``TEXT`` and a reading of ``themes``; its id."""
    crud.upsert_reviews(session, [{"source": "trustpilot", "external_id": "r1", "text": TEXT, "rating": 2}],
                        brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    save_journeys(session, [{"review_id": rid, "model_version": "t1", "themes": themes, "stages": [],
                             "primary_stage": None}])
    return rid
