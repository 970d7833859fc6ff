"""Themes and journey stages per review (#18): what a detector version found, and reading it back.

Each (review, detector version) has one ``ReviewJourney`` row and its themes and
stages; the newest journey row of a review is its current reading
(:mod:`models.crud.current_reading`). Saving a reading re-applies the triage
corrections stored for that review (:mod:`models.crud.journey_save`).
A review is read again when its *current* reading is of another version (a removed
brand theme brings back one it was read by before) or had no label and now it has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.crud.current_reading import current_journey_id, current_version, has_stage, has_theme
from models.crud.journey_save import correction_applies, save_journeys
from models.tables import Review, ReviewJourney, ReviewStage, ReviewTheme, Score

# Saving and the current reading's conditions, importable from here as before the split.
__all__ = ["UNLABELLED", "correction_applies", "current_journey_id", "current_journeys", "has_stage", "has_theme",
           "reading_version", "save_journeys", "undetected_reviews"]

UNLABELLED = "+unlabelled"  # marks a reading made without a label: its themes took none's polarity


def reading_version(model_version: str, label: str | None) -> str:
    """The version a reading is stored under: ``model_version``, marked when made without a label."""
    return model_version + UNLABELLED if label is None else model_version  # None, as undetected_reviews tests


def undetected_reviews(session: Session, *, model_version: str, brand_id: int | None = None, limit: int = 1000,
                       after_id: int | None = None, every: bool = False) -> list[tuple[Review, str | None]]:
    """Reviews whose current reading is not from ``model_version`` (``every``: all of them, past ``after_id``),
    oldest first, with their newest sentiment label; one made without a label (:data:`UNLABELLED`) counts
    until the review has one, so a night re-reads only the reviews scored since."""
    older = aliased(Score)
    newest = select(func.max(older.id)).where(older.review_id == Review.id).correlate(Review).scalar_subquery()
    query = select(Review, Score.label).outerjoin(Score, col(Score.id) == newest).order_by(col(Review.id)).limit(limit)
    if every:
        query = query.where(col(Review.id) > (after_id or 0))
    else:
        current = func.coalesce(current_version(Review.id), "")
        query = query.where(current != model_version,
                            or_(current != model_version + UNLABELLED, col(Score.label).is_not(None)))
    if brand_id is not None:
        query = query.where(Review.brand_id == brand_id)
    return list(session.exec(query))


def current_journeys(session: Session, review_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """review id -> {"themes": {name: polarity}, "stages": [...], "primary_stage", "model_version"}."""
    out: dict[int, dict[str, Any]] = {}
    newest = current_journey_id(ReviewJourney.review_id)  # looked up per review: never the whole table grouped
    for batch in chunks(list(review_ids), 500):
        rows = session.exec(select(ReviewJourney).where(col(ReviewJourney.review_id).in_(batch),
                                                        col(ReviewJourney.id) == newest))
        for j in rows:
            out[j.review_id] = {"themes": {}, "stages": [], "primary_stage": j.primary_stage,
                                "model_version": j.model_version}
        versions = {out[rid]["model_version"] for rid in set(batch) if rid in out}  # this batch's, not all so far
        if not versions:
            continue
        for t in session.exec(select(ReviewTheme).where(col(ReviewTheme.review_id).in_(batch),
                                                        col(ReviewTheme.model_version).in_(versions))):
            if out[t.review_id]["model_version"] == t.model_version:
                out[t.review_id]["themes"][t.theme] = t.polarity
        for s in session.exec(select(ReviewStage).where(col(ReviewStage.review_id).in_(batch),
                                                        col(ReviewStage.model_version).in_(versions))
                                .order_by(col(ReviewStage.id))):
            if out[s.review_id]["model_version"] == s.model_version:
                out[s.review_id]["stages"].append(s.stage)
    return out
