"""Which journey reading is a review's current one, as SQL: its newest ``ReviewJourney`` row (the journey
overview's counts, reading back), and conditions on that reading's themes and stages (the triage queue's filters)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from models.tables import Review, ReviewJourney, ReviewStage, ReviewTheme


def current_journey_id(review_id_column: Any) -> Any:
    """Scalar subquery: the id of the review's newest journey row (correlated to ``review_id_column``).
    Looked up per review from the (review_id, id) index: grouping the whole table per question read
    every reading of every brand, however few reviews were asked about."""
    older = aliased(ReviewJourney)
    return (select(func.max(older.id)).where(older.review_id == review_id_column)
            .correlate_except(older).scalar_subquery())


def current_version(review_id_column: Any) -> Any:
    """Scalar subquery: the model version of the review's newest journey row (correlated to ``review_id_column``)."""
    return (select(ReviewJourney.model_version).where(col(ReviewJourney.review_id) == review_id_column)
            .order_by(col(ReviewJourney.id).desc()).limit(1).correlate_except(ReviewJourney).scalar_subquery())


def has_theme(theme: str | None, review_id_column: Any = Review.id, *, polarity: str | None = None) -> Any:
    """SQL condition: the review's current reading names ``theme`` (None: any theme), with ``polarity`` if given:
    the overview counts a detractor's theme only where it reads negative, and its link must open just those."""
    cond = [col(ReviewTheme.review_id) == review_id_column,
            col(ReviewTheme.model_version) == current_version(review_id_column)]
    if theme is not None:
        cond.append(col(ReviewTheme.theme) == theme)
    if polarity is not None:
        cond.append(col(ReviewTheme.polarity) == polarity)
    return exists().where(*cond)


def has_stage(stage: str, review_id_column: Any = Review.id) -> Any:
    """SQL condition: the review's current reading names ``stage``."""
    return exists().where(col(ReviewStage.review_id) == review_id_column, col(ReviewStage.stage) == stage,
                          col(ReviewStage.model_version) == current_version(review_id_column))
