"""A theme correction that would change nothing is refused, with the reason, and nothing is kept.

Before, removing a theme the reading did not have (or adding one it had, with that polarity) was
stored as a ``ThemeCorrection``, shown in the flag's history as a change, and exported by
``umot train --from-db`` as if the triager had taught something.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from models import crud
from models.crud.journeys import current_journeys, save_journeys
from models.crud.theme_corrections import ThemeCorrectionError, correct_theme, corrections_for_training
from models.tables import Flag, FlagEvent, Review, ThemeCorrection

KNOWN = ("price_value", "delivery")
TEXT = "Delivery was late and it cost too much"


def _flagged_review(session: Session, brand_id: int) -> int:
    """A flagged review read as {delivery: negative}."""
    crud.upsert_reviews(session, [{"source": "trustpilot", "external_id": "r1", "text": TEXT, "rating": 2}],
                        brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    crud.upsert_flags(session, [{"review_id": rid, "brand_id": brand_id, "reasons": [], "severity": 0.5}])
    save_journeys(session, [{"review_id": rid, "model_version": "t1", "themes": {"delivery": "negative"},
                             "stages": [], "primary_stage": None}])
    session.commit()
    return rid


def _kept(session: Session) -> tuple[int, int]:
    """How many theme corrections and flag events are stored."""
    return len(session.exec(select(ThemeCorrection)).all()), len(session.exec(select(FlagEvent)).all())


@pytest.mark.parametrize(("theme", "action", "polarity", "reason"), [
    ("price_value", "remove", None,
     "theme 'price_value' is not in the review's themes, nothing to remove (its themes: delivery (negative))"),
    ("delivery", "add", "negative", "theme 'delivery' is already in the review's themes as negative, nothing to add"),
], ids=["remove-absent", "add-as-it-is"])
def test_a_correction_that_changes_nothing_is_refused(session: Session, brand_id: int, theme: str, action: str,
                                                      polarity: str | None, reason: str) -> None:
    rid = _flagged_review(session, brand_id)
    with pytest.raises(ThemeCorrectionError) as refused:
        correct_theme(session, rid, theme, action, actor="ann", known=KNOWN, polarity=polarity)
    assert str(refused.value) == reason
    session.rollback()
    assert _kept(session) == (0, 0)
    assert corrections_for_training(session, brand_id) == []
    assert current_journeys(session, [rid])[rid]["themes"] == {"delivery": "negative"}


def test_a_removed_theme_cannot_be_removed_twice_and_a_new_polarity_is_a_change(session: Session, brand_id: int) -> None:
    rid = _flagged_review(session, brand_id)
    assert correct_theme(session, rid, "delivery", "add", actor="ann", known=KNOWN, polarity="positive") == {
        "delivery": "positive"}  # the same theme, read the other way: a correction
    assert correct_theme(session, rid, "delivery", "remove", actor="ann", known=KNOWN) == {}
    session.commit()
    with pytest.raises(ThemeCorrectionError, match="nothing to remove"):
        correct_theme(session, rid, "delivery", "remove", actor="ann", known=KNOWN)
    session.rollback()
    assert _kept(session) == (2, 2)
    assert session.exec(select(Flag.review_id)).one() == rid
