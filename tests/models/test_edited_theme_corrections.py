"""A triager's theme correction made on a review's old text does not follow it onto the edited text.

Before, the next reading of the edited review re-applied every stored correction
(price_value on "The app keeps crashing…"), and training paired them with the new text.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models import crud
from models.crud.journeys import current_journeys, save_journeys
from models.crud.theme_corrections import correct_theme, corrections_for_training
from models.tables import Review, ThemeCorrection

KNOWN = ("price_value", "delivery", "app")
LATE = {"source": "trustpilot", "external_id": "r1", "text": "Delivery was late and it cost too much", "rating": 2}
CRASHING = {**LATE, "text": "The app keeps crashing when I log in."}


def _read(session: Session, rid: int, themes: dict[str, str]) -> dict[str, str]:
    save_journeys(session, [{"review_id": rid, "model_version": "t1", "themes": themes, "stages": [],
                             "primary_stage": None}])
    session.commit()
    return current_journeys(session, [rid])[rid]["themes"]


def test_a_correction_of_the_old_text_no_longer_applies_nor_trains(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [LATE], brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    _read(session, rid, {"delivery": "negative"})
    correct_theme(session, rid, "price_value", "add", actor="ann", known=KNOWN, polarity="negative")
    session.commit()
    assert [e.added for e in corrections_for_training(session, brand_id)] == [("price_value",)]

    crud.upsert_reviews(session, [CRASHING], brand_id=brand_id)  # edited on its site
    session.commit()
    assert _read(session, rid, {"app": "negative"}) == {"app": "negative"}
    assert corrections_for_training(session, brand_id) == []
    assert len(session.exec(select(ThemeCorrection)).all()) == 1  # the audit trail stays

    # a correction made on the new text applies, and trains with it
    after = correct_theme(session, rid, "price_value", "add", actor="ann", known=KNOWN, polarity="neutral")
    session.commit()
    assert after == {"app": "negative", "price_value": "neutral"}
    assert _read(session, rid, {"app": "negative"}) == {"app": "negative", "price_value": "neutral"}
    [example] = corrections_for_training(session, brand_id)
    assert (example.text, example.added, example.polarity) == (CRASHING["text"], ("price_value",), {"price_value": "neutral"})
