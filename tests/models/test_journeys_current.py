"""Which reviews need reading (#18): only the current reading counts, and a reading made before scoring
counts until the review has a sentiment label."""

from __future__ import annotations

from sqlmodel import Session, select

from models.crud import save_scores, upsert_reviews
from models.crud.journeys import UNLABELLED, current_journeys, reading_version, save_journeys, undetected_reviews
from models.crud.theme_corrections import correct_theme
from models.stored import stored_id
from models.tables import Review

PLAIN, BRANDED = "rules/3", "rules/3+brand:abcd1234"


def _review(session: Session, brand_id: int) -> int:
    upsert_reviews(session, [{"source": "t", "external_id": "1", "text": "The member prices are a joke."}],
                   brand_id=brand_id)
    session.commit()
    return stored_id(session.exec(select(Review)).one())


def _read(session: Session, rid: int, version: str, themes: dict[str, str]) -> None:
    save_journeys(session, [{"review_id": rid, "model_version": version, "themes": themes, "stages": ["use"],
                             "primary_stage": "use"}])
    session.commit()


def _pending(session: Session, version: str) -> list[tuple[int | None, str | None]]:
    return [(r.id, label) for r, label in undetected_reviews(session, model_version=version)]


def test_a_version_read_once_before_is_not_current_when_a_newer_reading_is(session: Session, brand_id: int) -> None:
    # a brand theme added, then removed: the plain version comes back, its old reading is not the current one
    rid = _review(session, brand_id)
    save_scores(session, [{"review_id": rid, "model_version": "m", "label": "negative"}])
    _read(session, rid, PLAIN, {"price_value": "negative"})
    _read(session, rid, BRANDED, {"price_value": "negative", "member_pricing": "negative"})
    assert _pending(session, BRANDED) == []
    assert _pending(session, PLAIN) == [(rid, "negative")]
    _read(session, rid, PLAIN, {"price_value": "negative"})
    assert _pending(session, PLAIN) == []
    assert current_journeys(session, [rid])[rid]["themes"] == {"price_value": "negative"}


def test_a_correction_holds_when_the_plain_version_comes_back(session: Session, brand_id: int) -> None:
    rid = _review(session, brand_id)
    _read(session, rid, PLAIN, {"price_value": "negative"})
    _read(session, rid, BRANDED, {"price_value": "negative", "member_pricing": "negative"})
    correct_theme(session, rid, "price_value", "remove", actor="ann", known=("price_value", "member_pricing"))
    session.commit()
    assert _pending(session, BRANDED) == []  # the corrected reading is still the brand version's
    _read(session, rid, PLAIN, {"price_value": "negative"})
    assert current_journeys(session, [rid])[rid]["themes"] == {}


def test_a_reading_without_a_label_is_read_again_once_the_review_is_scored(session: Session, brand_id: int) -> None:
    rid = _review(session, brand_id)
    assert _pending(session, PLAIN) == [(rid, None)]
    assert reading_version(PLAIN, None) == PLAIN + UNLABELLED and reading_version(PLAIN, "negative") == PLAIN
    _read(session, rid, reading_version(PLAIN, None), {"price_value": "neutral"})
    assert _pending(session, PLAIN) == []  # not scored yet: nothing new to read it with, nightly or not
    save_scores(session, [{"review_id": rid, "model_version": "m", "label": "negative"}])
    session.commit()
    assert _pending(session, PLAIN) == [(rid, "negative")]
    _read(session, rid, reading_version(PLAIN, "negative"), {"price_value": "negative"})
    assert _pending(session, PLAIN) == []
    assert current_journeys(session, [rid])[rid]["themes"] == {"price_value": "negative"}
