"""Themes and customer-journey stages per theme-detector version (#18), and triagers' corrections."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.tables.base import utcnow


class ReviewJourney(SQLModel, table=True):
    """One theme-detector version's reading of a review (#18): its primary journey stage.

    The themes and stages it found are ``ReviewTheme`` and ``ReviewStage`` rows of
    the same (review, model version); the newest row per review is the current one.
    """

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", name="uq_reviewjourney_review_model"),
        Index("ix_reviewjourney_review_newest", "review_id", "id"),  # the current reading per review (0007)
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id")
    model_version: str = Field(max_length=200, index=True)
    primary_stage: str | None = Field(default=None, max_length=20)
    detected_at: datetime = Field(default_factory=utcnow)


class ReviewTheme(SQLModel, table=True):
    """A theme a review speaks of, with its polarity, per detector version (triage corrections applied)."""

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", "theme", name="uq_reviewtheme_review_model_theme"),
        Index("ix_reviewtheme_theme_review", "theme", "review_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    model_version: str = Field(max_length=200)
    theme: str = Field(max_length=60)
    polarity: str = Field(max_length=10)  # negative | neutral | positive


class ReviewStage(SQLModel, table=True):
    """A customer-journey stage a review speaks of, per detector version."""

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", "stage", name="uq_reviewstage_review_model_stage"),
        Index("ix_reviewstage_stage_review", "stage", "review_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    model_version: str = Field(max_length=200)
    stage: str = Field(max_length=20)


class ThemeCorrection(SQLModel, table=True):
    """A triager's correction of a review's themes (#18): the audit trail, and training data for `umot train`."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    theme: str = Field(max_length=60)
    action: str = Field(max_length=10)  # add | remove | change (an add re-polarising a theme the reading had)
    polarity: str | None = Field(default=None, max_length=10)
    actor: str = Field(max_length=300)
    at: datetime = Field(default_factory=utcnow)
