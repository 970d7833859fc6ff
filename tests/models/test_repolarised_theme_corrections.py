"""A theme the triager re-polarised, then removed, is exported as a removal, as the reading now lacks it.

Before, a polarity change was stored as a plain "add", so the export took "added, then removed" for
an undone addition and exported nothing: the review's own reading lacked the theme (its corrections
are re-applied on every reading) while the brand's detector kept finding it in like texts. The
triager's last word on the theme is the same as a direct removal's, and so is the export now.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from models.crud.journeys import current_journeys
from models.crud.theme_corrections import CorrectionExample, correct_theme, corrections_for_training
from models.tables import Review, ThemeCorrection
from tests.models.corrected_review import KNOWN, TEXT, stored_review


def _fix(session: Session, rid: int, *steps: str) -> list[CorrectionExample]:
    for step in steps:
        action, theme, *polarity = step.split()
        correct_theme(session, rid, theme, action, actor="ann", known=KNOWN, polarity=polarity[0] if polarity else None)
    session.commit()
    return corrections_for_training(session, int(session.get_one(Review, rid).brand_id))


def test_a_repolarised_then_removed_theme_is_exported_as_removed(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"delivery": "negative", "price_value": "negative"})
    got = _fix(session, rid, "add delivery positive", "remove delivery")
    assert got == [CorrectionExample(TEXT, (), ("delivery",), {})]
    # the detector reads it again: the review's reading keeps the removal, as the export now does
    assert stored_review(session, brand_id, {"delivery": "negative", "price_value": "negative"}) == rid
    assert current_journeys(session, [rid])[rid]["themes"] == {"price_value": "negative"}
    stored = session.exec(select(ThemeCorrection).order_by(col(ThemeCorrection.id))).all()
    assert [(c.theme, c.action, c.polarity) for c in stored] == [("delivery", "change", "positive"), ("delivery", "remove", None)]


def test_a_repolarised_theme_is_exported_with_its_new_polarity(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"delivery": "negative"})
    assert _fix(session, rid, "add delivery positive") == [
        CorrectionExample(TEXT, ("delivery",), (), {"delivery": "positive"})]


def test_an_added_theme_repolarised_then_removed_is_still_undone(session: Session, brand_id: int) -> None:
    rid = stored_review(session, brand_id, {"delivery": "negative"})
    assert _fix(session, rid, "add price_value positive", "add price_value negative", "remove price_value") == []
