"""Reviews edited on their site: the stored row takes the edit, forgets its scores and readings, keeps its flag."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, select

from models import crud
from models.crud.journeys import save_journeys, undetected_reviews
from models.crud.triage import update_flag
from models.tables import Flag, Review, ReviewJourney, ReviewTheme, Score
from tests.sql_statements import beginning_with, recorded_sql

REVIEW = {"source": "trustpilot", "external_id": "r1", "title": "Great", "text": "Arrived fast, works well",
          "rating": 5, "rating_raw": 5, "rating_scale": 5}
OTHER = {"source": "trustpilot", "external_id": "r2", "text": "Fine", "rating": 4}
EDITED = {**REVIEW, "title": "Broke", "text": "Broke after a week, no answer from support", "rating": 1,
          "rating_raw": 2, "rating_scale": 10, "language": "en"}


def _stored(session: Session, brand_id: int) -> dict[str, int]:
    crud.upsert_reviews(session, [REVIEW, OTHER], brand_id=brand_id)
    ids = {r.external_id: r.id for r in session.exec(select(Review))}
    crud.save_scores(session, [{"review_id": rid, "model_version": v, "label": "positive"}
                               for rid in ids.values() for v in ("m1", "m2")])
    save_journeys(session, [{"review_id": rid, "model_version": "t1", "themes": {"delivery": "positive"},
                             "stages": ["delivery"], "primary_stage": "delivery"} for rid in ids.values()])
    session.commit()
    return ids


def test_an_edited_review_takes_the_new_text_and_rating_and_is_unscored(session: Session, brand_id: int) -> None:
    ids = _stored(session, brand_id)
    result = crud.upsert_reviews(session, [EDITED, OTHER], brand_id=brand_id)
    session.commit()
    assert (result.new, result.existing, result.edited) == (0, 2, 1)
    review = session.get(Review, ids["r1"])
    assert review is not None
    session.refresh(review)
    assert (review.title, review.text, review.rating, review.rating_raw, review.rating_scale, review.language) == (
        "Broke", EDITED["text"], 1, 2, 10, "en")
    assert review.edited_at is not None
    scored = {rid for rid in session.exec(select(Score.review_id))}
    assert scored == {ids["r2"]}  # every version's score of the old text is gone; r2's stay
    assert set(session.exec(select(ReviewJourney.review_id))) == {ids["r2"]}
    assert set(session.exec(select(ReviewTheme.review_id))) == {ids["r2"]}
    assert [r.id for r in crud.unscored_reviews(session, model_version="m1")] == [ids["r1"]]
    assert [r.id for r, _ in undetected_reviews(session, model_version="t1")] == [ids["r1"]]
    untouched = session.get(Review, ids["r2"])
    assert untouched is not None and untouched.edited_at is None


def test_an_identical_recrawl_changes_nothing(session: Session, brand_id: int) -> None:
    ids = _stored(session, brand_id)
    spaced = {**REVIEW, "text": "Arrived  fast,\nworks well", "title": None, "rating": None}  # nothing edited
    result = crud.upsert_reviews(session, [REVIEW, spaced | {"external_id": "r2", "text": "Fine"}],
                                 brand_id=brand_id)
    session.commit()
    assert (result.new, result.existing, result.edited) == (0, 2, 0)
    assert len(session.exec(select(Score)).all()) == 4
    review = session.get(Review, ids["r2"])
    assert review is not None and (review.rating, review.edited_at) == (4, None)


def test_the_flag_and_its_triage_stay_and_no_score_is_left_behind(session: Session, brand_id: int) -> None:
    ids = _stored(session, brand_id)
    score_id = session.exec(select(Score.id).where(Score.review_id == ids["r1"])).first()
    crud.upsert_flags(session, [{"review_id": ids["r1"], "score_id": score_id, "brand_id": brand_id,
                                 "reasons": ["rated 1★"]}])
    flag = session.exec(select(Flag)).one()
    update_flag(session, flag.id, actor="web:ana@acme.example", status="in_progress", note="calling them")
    session.commit()
    crud.upsert_reviews(session, [EDITED], brand_id=brand_id)
    session.commit()
    session.refresh(flag)
    assert (flag.status, flag.note, flag.score_id) == ("in_progress", "calling them", None)
    # scored again as a detractor: the flag is refreshed, not raised again (nothing new to post)
    [new_score] = crud.save_scores(session, [{"review_id": ids["r1"], "model_version": "m1", "detractor": True}])
    assert crud.upsert_flags(session, [{"review_id": ids["r1"], "score_id": new_score, "brand_id": brand_id,
                                        "reasons": ["negative text"]}]) == 0
    session.commit()
    session.refresh(flag)
    assert (flag.status, flag.score_id, flag.reasons) == ("in_progress", new_score, ["negative text"])


def test_content_hash_ids_are_never_edits(session: Session, brand_id: int) -> None:
    row = {"source": "shop", "author": "ann", "text": "Good", "rating": 5}
    crud.upsert_reviews(session, [row], brand_id=brand_id)
    result = crud.upsert_reviews(session, [{**row, "rating": 2}], brand_id=brand_id)
    assert (result.new, result.existing, result.edited) == (0, 1, 0)
    assert session.exec(select(Review.rating)).one() == 5


def test_edits_are_compared_in_one_select_per_batch(session: Session, brand_id: int, engine: Engine) -> None:
    rows = [{"source": "trustpilot", "external_id": f"r{i}", "text": f"review {i}"} for i in range(300)]
    crud.upsert_reviews(session, rows, brand_id=brand_id)
    session.commit()
    with recorded_sql(engine) as statements:
        result = crud.upsert_reviews(session, [{**r, "text": r["text"] + " (edited)"} for r in rows],
                                     brand_id=brand_id)
    assert result.edited == 300
    compared = [s for s in beginning_with(statements, "SELECT") if "review.text" in s.lower()]
    assert len(compared) == 1
    assert len(beginning_with(statements, "UPDATE REVIEW")) == 1  # one executemany

