"""An undone theme correction is exported as nothing, not as a removal.

Before, `--add price_value` then `--remove price_value` was exported as ``"removed": ["price_value"]``
(only the last action per theme was kept), and like texts that had price_value lost it.
"""

from __future__ import annotations

from sqlmodel import Session

from models.crud.theme_corrections import CorrectionExample, correct_theme, corrections_for_training
from models.tables import Review
from tests.models.corrected_review import KNOWN, TEXT, stored_review


def _fix(session: Session, rid: int, *steps: str) -> list[CorrectionExample]:
    for step in steps:
        action, theme = step.split()
        correct_theme(session, rid, theme, action, actor="ann", known=KNOWN, polarity="positive")
    session.commit()
    return corrections_for_training(session, int(session.get_one(Review, rid).brand_id))


def test_an_added_then_removed_theme_is_no_correction(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"delivery": "negative"})
    assert _fix(session, rid, "add price_value", "remove price_value") == []


def test_the_other_themes_of_the_review_stay(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"delivery": "negative"})
    got = _fix(session, rid, "add price_value", "remove delivery", "remove price_value")
    assert got == [CorrectionExample(TEXT, (), ("delivery",), {})]


def test_a_theme_the_reading_had_stays_removed(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"price_value": "negative"})
    assert _fix(session, rid, "remove price_value", "add price_value", "remove price_value") == [
        CorrectionExample(TEXT, (), ("price_value",), {})]


def test_added_again_after_an_undo_is_added(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {})
    assert _fix(session, rid, "add price_value", "remove price_value", "add price_value") == [
        CorrectionExample(TEXT, ("price_value",), (), {"price_value": "positive"})]
